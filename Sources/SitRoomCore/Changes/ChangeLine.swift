import Foundation

/// One change as a line of JSON, as `sitroom apply` reads it. `officer` and `at` may be left out
/// (they default to the applying officer and the time of entry), and so may every record field
/// listed in `defaults`; a missing `id` for a log entry, call or action item is generated.
public enum ChangeLine {
    /// Values for the record fields an officer may leave out, by change type.
    static func defaults(for kind: ChangeAction.Kind, officer: String, at: String) -> [String: Any] {
        switch kind {
        case .addHospital:
            ["romanizedName": "", "region": "", "hospitalClass": "G099", "address": "", "switchboard": "",
             "erPhone": "", "updateIntervalMinutes": 60]
        case .addStrike: ["scope": "", "notes": "", "start": at]
        case .addAgency: ["kind": "other", "phone": "", "notes": ""]
        case .addContact: ["role": "", "phone": "", "mobile": "", "email": "", "shift": "", "escalation": 1]
        case .logCall: ["note": "", "at": at, "by": officer, "id": generatedId("call")]
        case .addLog:
            [LogEntry.Field.entered.rawValue: ["at": at, "by": officer], LogEntry.Field.category.rawValue: "general",
             LogEntry.Field.severity.rawValue: Severity.info.rawValue, LogEntry.Field.eventTime.rawValue: at,
             LogEntry.Field.id.rawValue: generatedId("log")]
        case .addAction: ["status": "open", "history": [Any](), "id": generatedId("act")]
        // `marked` is filled from the change when applied; it is here only so that the record decodes.
        case .markBriefing: ["marked": ["at": at, "by": officer]]
        case .securityOpen:
            ["id": generatedId("sec"), "severity": Severity.warning.rawValue, "staffInjured": 0, "outcomeNote": "",
             "occurred": ["at": at, "by": officer], "reported": ["at": at, "by": officer]]
        default: [:]
        }
    }

    static func generatedId(_ prefix: String) -> String {
        prefix + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }

    public static func parse(_ line: String, officer: String, now: Date) throws -> Change {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            let first = line.split(separator: " ", maxSplits: 1).first.map { String($0).lowercased() } ?? ""
            if !line.hasPrefix("{"), QuickCommandParser.commandNames.contains(first) {
                throw ChangeError("not valid JSON; \"\(first) …\" looks like a quick command: add --command to read quick commands")
            }
            throw ChangeError("not valid JSON: expected one object per line, like {\"type\": \"hospital.report\", ...}")
        }
        var filled = object
        let at = (object["at"] as? String) ?? ISO8601DateFormatter().string(from: now)
        if filled["officer"] == nil { filled["officer"] = officer }
        if filled["at"] == nil { filled["at"] = at }
        if let kind = (object["type"] as? String).flatMap(ChangeAction.Kind.init), var record = object["record"] as? [String: Any] {
            for (key, value) in defaults(for: kind, officer: filled["officer"] as? String ?? officer, at: at)
            where record[key] == nil {
                record[key] = value
            }
            filled["record"] = record
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: filled)
            return try SitRoomJSON.decoder().decode(Change.self, from: data)
        } catch let error as DecodingError {
            throw ChangeError(describe(error))
        }
    }

    /// The words a line may use for each kind of value, by the type's name as Foundation's decoder
    /// names it ("Cannot initialize ERState from invalid String value shut").
    static let wordsByType: [String: [String]] = {
        func words<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> (String, [String]) where T.RawValue == String {
            ("\(type)", type.allCases.map(\.rawValue))
        }
        return Dictionary(uniqueKeysWithValues: [
            words(ERState.self), words(Severity.self), words(Availability.self), words(HospitalClass.self),
            words(AgencyKind.self), words(CallOutcome.self), words(ActionStatus.self), words(StrikeForm.self),
            words(SecurityOutcome.self), words(SecurityStep.self), words(SecurityLevel.self), words(AlertRule.self),
        ])
    }()

    static func badWord(_ description: String) -> (value: String, allowed: [String])? {
        let prefix = "Cannot initialize "
        guard description.hasPrefix(prefix), let from = description.range(of: " from invalid String value ") else { return nil }
        let type = String(description[description.index(description.startIndex, offsetBy: prefix.count)..<from.lowerBound])
        guard let allowed = wordsByType[type] else { return nil }
        return (String(description[from.upperBound...]), allowed)
    }

    /// DecodingError's own text is written for programmers; this is for the person who wrote the line.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(let type, let context):
            return "wrong type\(path(context)): expected \(type == Int.self ? "a number" : type == String.self ? "text" : "\(type)")"
        case .valueNotFound(let type, let context):
            return "missing value\(path(context)): expected \(type)"
        case .dataCorrupted(let context):
            if let last = context.codingPath.last?.stringValue, let words = badWord(context.debugDescription) {
                return "\(last) \"\(words.value)\" is not one of \(words.allowed.joined(separator: ", "))\(path(context))"
            }
            return "\(context.debugDescription)\(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}
