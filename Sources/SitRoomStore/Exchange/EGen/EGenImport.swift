import Foundation
import SitRoomCore

/// The NEMC open API's responses read against the board: one `feed.report` change per item, stamped
/// `E-Gen` at the item's own input time (`hvidate`). Pure: reads no file and writes nothing.
///
/// An item is refused whole, with every reason, when any field sitroom reads is bad (a number that
/// is not one, a time that is not one or lies ahead, a Y/N that is neither) or its hospital is not
/// on the board. Figures the board has from after the item's time stay (see `Board.replayFeed`).
public enum EGenImport {
    /// A response and the name the report gives it (the file's name, or the URL's page).
    public struct Source: Sendable {
        public var name: String
        public var response: EGenResponse

        public init(name: String, response: EGenResponse) {
            self.name = name
            self.response = response
        }
    }

    /// Korea's time, in which E-Gen writes `hvidate`.
    public static let feedTimeZone = TimeZone(identifier: "Asia/Seoul")!

    public static func plan(_ sources: [Source], into board: Board, officer: String, now: Date) -> ImportPlan {
        var plan = ImportPlan(what: "E-Gen items")
        // The severe-condition operation carries no input time: its items take the time of the same
        // hospital's real-time item in this import, else the import's.
        var inputTimes: [String: Date] = [:]
        for source in sources {
            for item in source.response.items {
                if let id = item[EGenFields.hospitalId], let text = item[EGenFields.inputTime], let time = parseTime(text) {
                    inputTimes[id] = max(inputTimes[id] ?? time, time)
                }
            }
        }
        var ordinal = 0
        for source in sources {
            let r = source.response
            var line = "\(source.name): \(r.items.count) item\(r.items.count == 1 ? "" : "s")"
            if let page = r.pageNo, let last = r.lastPage { line += ", page \(page) of \(last)" }
            plan.preamble.append(line)
            for item in r.items {
                ordinal += 1
                plan.take(item, ordinal: ordinal, from: source.name, board: board, officer: officer, now: now, inputTimes: inputTimes)
            }
        }
        return plan
    }

    /// `20241203020500` (yyyyMMddHHmmss, or without the seconds) in Korea's time.
    public static func parseTime(_ text: String) -> Date? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard digits.count == 14 || digits.count == 12, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let d = Array(digits)
        func n(_ from: Int, _ length: Int) -> Int { Int(String(d[from..<(from + length)]))! }
        let (year, month, day, hour, minute) = (n(0, 4), n(4, 2), n(6, 2), n(8, 2), n(10, 2))
        let second = d.count == 14 ? n(12, 2) : 0
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let c = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = feedTimeZone
        guard let date = calendar.date(from: c), calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    /// Y → available, N → not; the service's words for "no information" (정보미제공) and an empty
    /// field → unknown; nil for anything else.
    static func availability(_ text: String) -> Availability? {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "Y": .available
        case "N", "N1": .unavailable
        case "", "정보미제공", "NULL", "-": .unknown
        default: nil
        }
    }
}

extension ImportPlan {
    /// `ordinal` counts items across every file: the report lists them in that order (a line
    /// number would interleave the files).
    mutating func take(_ item: EGenItem, ordinal: Int, from file: String, board: Board, officer: String, now: Date, inputTimes: [String: Date]) {
        let where_ = "\(file) item \(item["rnum"] ?? "at line \(item.line)")"
        guard let id = item[EGenFields.hospitalId] else {
            skip(ordinal, "no \(EGenFields.hospitalId) (the institution id)", place: where_)
            return
        }
        let name = item[EGenFields.name] ?? ""
        guard let hospital = board.hospitals[id] else {
            skip(ordinal, "hospital \(id)\(name.isEmpty ? "" : " \(name)") is not on the board (sitroom import hospitals adds it)", place: where_)
            return
        }
        var problems: [String] = []
        var notes: [String] = []

        // The real-time operation: free beds and equipment, at hvidate.
        var beds: [String: Capacity] = [:]
        for (field, _, _) in EGenFields.beds {
            guard let text = item[field] else { continue }
            guard let n = Int(text) else {
                problems.append("\(field) \"\(text)\" is not a number")
                continue
            }
            if n < 0 { notes.append("\(field) \(n): more patients than beds, taken as 0 free") }
            beds[field] = Capacity(available: max(0, n), staffed: max(0, n))
        }
        var capability = CapabilityReport()
        for equipment in Equipment.egen {
            let field = equipment.code
            guard let text = item[field] else { continue }
            if equipment.isCount {
                guard let n = Int(text), n >= 0 else {
                    problems.append("\(field) \"\(text)\" is not a count")
                    continue
                }
                capability.equipment[field] = n
                continue
            }
            switch text.uppercased() {
            case "Y": capability.equipment[field] = 1
            case "N", "N1": capability.equipment[field] = 0
            default: problems.append("\(field) \"\(text)\" is not Y or N")
            }
        }
        let isRealTime = !beds.isEmpty || !capability.equipment.isEmpty || item[EGenFields.inputTime] != nil

        // The severe-condition operation: MKioskTy<n> for the conditions whose feed field it is.
        for condition in board.conditions.conditions where !condition.feedField.isEmpty {
            guard let raw = item.fields[condition.feedField] else { continue }
            guard let availability = EGenImport.availability(raw) else {
                problems.append("\(condition.feedField) (\(condition.short)) \"\(raw)\" is not Y, N or 정보미제공")
                continue
            }
            let reason = item[condition.feedField + EGenFields.messageSuffix] ?? ""
            capability.conditions[condition.code] = ConditionStatus(availability, reason: reason)
        }

        var asOf = now
        if isRealTime {
            if let text = item[EGenFields.inputTime] {
                if let time = EGenImport.parseTime(text) { asOf = time } else {
                    problems.append("\(EGenFields.inputTime) \"\(text)\" is not a time (yyyyMMddHHmmss)")
                }
            } else {
                problems.append("no \(EGenFields.inputTime) (the input time of the figures)")
            }
        } else if let time = inputTimes[id] {
            asOf = time
        }
        if asOf > now.addingTimeInterval(Board.feedClockSkew) {
            problems.append("\(EGenFields.inputTime) \(ISO8601.format(asOf)) is in the future")
        }
        guard problems.isEmpty else {
            skip(ordinal, problems.joined(separator: "; "), place: "\(where_) (\(id) \(hospital.name))")
            return
        }
        let report = FeedReport(asOf: asOf, erBeds: beds["hvec"], icuBeds: beds["hvicc"], nicuBeds: beds["hvncc"],
                                capability: capability)
        guard !report.isEmpty else {
            skip(ordinal, "no field sitroom reads", place: "\(where_) (\(id) \(hospital.name))")
            return
        }
        let effect = board.feedEffect(id, report)
        guard !effect.taken.isEmpty || !effect.conflicts.isEmpty else {
            unchanged += 1
            return
        }
        var detail = "\(id) \(hospital.name): " + (effect.taken.isEmpty ? "nothing newer" : effect.taken.joined(separator: ", "))
        if effect.kept > 0 { detail += "; \(effect.kept) newer on the board kept" }
        if !effect.conflicts.isEmpty { detail += "; differs from a hand entry: " + effect.conflicts.map(\.figure).joined(separator: ", ") }
        if !notes.isEmpty { detail += " (" + notes.joined(separator: "; ") + ")" }
        changes.append(PlannedChange(
            line: ordinal, kind: .updated,
            change: Change(officer: officer, at: now, action: .reportFeed(id: id, report)), detail: detail,
            place: "\(where_) (\(id) \(hospital.name))"))
    }
}
