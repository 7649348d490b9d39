import Foundation

/// One kind of security incident. The list is data (`security.types`), so a province can add its own.
public struct SecurityIncidentType: Codable, Sendable, Equatable, Identifiable {
    /// Stable code kept in the records, e.g. `violence`.
    public var code: String
    public var korean: String
    public var english: String

    public var id: String { code }

    public init(code: String, korean: String, english: String) {
        self.code = code
        self.korean = korean
        self.english = english
    }
}

/// The incident types in use, in the order an officer sees them.
public struct SecurityTypeTable: Codable, Sendable, Equatable {
    public var types: [SecurityIncidentType]

    public init(types: [SecurityIncidentType]) { self.types = types }

    public static let standard = SecurityTypeTable(types: [
        SecurityIncidentType(code: "violence", korean: "폭행(의료진 대상)", english: "violence against staff"),
        SecurityIncidentType(code: "threat", korean: "협박", english: "threat"),
        SecurityIncidentType(code: "disorder", korean: "난동·응급실 소란", english: "disorder or crowd at the ER"),
        SecurityIncidentType(code: "sit-in", korean: "농성·시위", english: "sit-in or protest"),
        SecurityIncidentType(code: "illegal-practice", korean: "불법·무면허 의료행위", english: "illegal or unlicensed practice"),
        SecurityIncidentType(code: "theft-drugs", korean: "절도·마약", english: "theft or drugs"),
        SecurityIncidentType(code: "other", korean: "기타", english: "other"),
    ])

    public func type(code: String) -> SecurityIncidentType? { types.first { $0.code == code } }

    /// The English name, or the code of a type no longer in the table.
    public func label(_ code: String) -> String { type(code: code)?.english ?? code }

    /// Types `text` names: its code exactly, else the start of its code, Korean or English name
    /// (case-insensitive, spaces and punctuation ignored).
    public func matching(_ text: String) -> [SecurityIncidentType] {
        let query = NameMatcher.normalise(text)
        guard !query.isEmpty else { return [] }
        if let exact = types.first(where: { $0.code.lowercased() == text.lowercased() }) { return [exact] }
        return types.filter { t in
            [t.code, t.korean, t.english].contains { NameMatcher.normalise($0).hasPrefix(query) }
        }
    }

    /// The types nearest to a text that names none, for an error message.
    public func closest(_ text: String, limit: Int = 3) -> [SecurityIncidentType] {
        Closest.names(text, among: types.map { ($0, [$0.code, $0.korean, $0.english]) }, limit: limit)
    }
}

/// What the police did or how an incident ended.
public enum SecurityOutcome: String, Codable, Sendable, CaseIterable {
    case arrest, warning, mediated, noAction = "no-action"

    public var label: String {
        switch self {
        case .arrest: "arrest"
        case .warning: "warning"
        case .mediated: "mediated"
        case .noAction: "no action"
        }
    }

    /// The outcome `text` names by the start of its name (`arr`, `no`, `noaction`).
    public static func matching(_ text: String) -> SecurityOutcome? {
        let query = NameMatcher.normalise(text)
        guard !query.isEmpty else { return nil }
        let found = allCases.filter { NameMatcher.normalise($0.rawValue).hasPrefix(query) }
        return found.count == 1 ? found[0] : nil
    }
}

/// A step of an incident's timeline after it was opened, in the order they happen.
public enum SecurityStep: String, Codable, Sendable, CaseIterable {
    case notified, onScene = "onscene", resolved

    public var label: String {
        switch self {
        case .notified: "police notified"
        case .onScene: "police on scene"
        case .resolved: "closed"
        }
    }
}

/// Which police the hospital or the headquarters called, and who made the call.
public struct PoliceNotice: Codable, Sendable, Equatable {
    /// A contact on the board (a police desk or officer), when it is one.
    public var contactId: String?
    /// Free text when it is not: `112`, `혜화지구대`.
    public var text: String
    /// Who called them: `ER charge nurse`, `hospital security`, an officer.
    public var caller: String

    public init(contactId: String? = nil, text: String = "", caller: String = "") {
        self.contactId = contactId
        self.text = text
        self.caller = caller
    }
}

/// A security incident at a hospital, with its timeline. Every step carries its own stamp: the time
/// it happened (typed, never in the future) and the officer who recorded it.
public struct SecurityIncident: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var hospitalId: String
    /// A code of the board's `securityTypes`.
    public var type: String
    public var severity: Severity
    public var text: String
    public var staffInjured: Int
    /// When it happened.
    public var occurred: Stamp
    /// When the headquarters heard of it.
    public var reported: Stamp
    public var notified: Stamp?
    public var police: PoliceNotice?
    public var onScene: Stamp?
    public var resolved: Stamp?
    public var outcome: SecurityOutcome?
    public var outcomeNote: String

    public init(
        id: String, hospitalId: String, type: String, severity: Severity = .warning, text: String, staffInjured: Int = 0,
        occurred: Stamp, reported: Stamp, notified: Stamp? = nil, police: PoliceNotice? = nil, onScene: Stamp? = nil,
        resolved: Stamp? = nil, outcome: SecurityOutcome? = nil, outcomeNote: String = ""
    ) {
        self.id = id
        self.hospitalId = hospitalId
        self.type = type
        self.severity = severity
        self.text = text
        self.staffInjured = staffInjured
        self.occurred = occurred
        self.reported = reported
        self.notified = notified
        self.police = police
        self.onScene = onScene
        self.resolved = resolved
        self.outcome = outcome
        self.outcomeNote = outcomeNote
    }

    public var isOpen: Bool { resolved == nil }

    /// Notified and not yet on scene, while the incident is open.
    public var isWaitingForPolice: Bool { isOpen && notified != nil && onScene == nil }

    /// Police notified to on scene: derived, never typed.
    public var policeResponse: TimeInterval? {
        guard let n = notified?.at, let s = onScene?.at else { return nil }
        return s.timeIntervalSince(n).rounded()
    }

    /// Occurred to reported to the headquarters.
    public var reportDelay: TimeInterval { reported.at.timeIntervalSince(occurred.at) }

    /// How long it has been open at `now`, or was open in all once closed.
    public func openDuration(at now: Date) -> TimeInterval {
        (resolved?.at ?? now).timeIntervalSince(occurred.at)
    }

    /// The step expected next, nil once closed.
    public var nextStep: SecurityStep? {
        guard isOpen else { return nil }
        if notified == nil { return .notified }
        if onScene == nil { return .onScene }
        return .resolved
    }

    /// The time of the last step recorded.
    public var lastStepAt: Date {
        resolved?.at ?? onScene?.at ?? notified?.at ?? max(reported.at, occurred.at)
    }

    /// The steps with their stamps, in timeline order (those not yet taken left out).
    public var timeline: [(label: String, stamp: Stamp)] {
        var out: [(String, Stamp)] = [("occurred", occurred), ("reported", reported)]
        if let notified { out.append((SecurityStep.notified.label, notified)) }
        if let onScene { out.append((SecurityStep.onScene.label, onScene)) }
        if let resolved { out.append((SecurityStep.resolved.label, resolved)) }
        return out
    }
}

/// A hospital's security level, worst last (Sahana's hospital module has the same four).
public enum SecurityLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case normal, elevated, high, lockdown

    public var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: SecurityLevel, b: SecurityLevel) -> Bool { a.rank < b.rank }

    public static func matching(_ text: String) -> SecurityLevel? {
        let query = text.lowercased()
        guard !query.isEmpty else { return nil }
        let found = allCases.filter { $0.rawValue.hasPrefix(query) }
        return found.count == 1 ? found[0] : nil
    }
}

/// A hospital's security: its level (stamped) and the police post or hotline that serves it.
public struct HospitalSecurity: Codable, Sendable, Equatable, Identifiable {
    public var hospitalId: String
    public var level: Reported<SecurityLevel>?
    /// The police contact on the board serving this hospital (its post or precinct desk).
    public var policeContactId: String?
    /// A post or hotline not on the board as a contact: `혜화지구대 02-760-1000`.
    public var policeText: String

    public var id: String { hospitalId }

    public init(hospitalId: String, level: Reported<SecurityLevel>? = nil, policeContactId: String? = nil, policeText: String = "") {
        self.hospitalId = hospitalId
        self.level = level
        self.policeContactId = policeContactId
        self.policeText = policeText
    }

    /// Nothing set: not kept in the table.
    public var isEmpty: Bool { level == nil && policeContactId == nil && policeText.isEmpty }

    public var currentLevel: SecurityLevel { level?.value ?? .normal }
}

extension Board {
    /// A hospital's security level, `normal` when none was set.
    public func securityLevel(of hospitalId: String) -> SecurityLevel {
        hospitalSecurity[hospitalId]?.currentLevel ?? .normal
    }

    /// A hospital's incidents: open ones first, then the newest.
    public func securityIncidents(of hospitalId: String) -> [SecurityIncident] {
        securityIncidents.values.filter { $0.hospitalId == hospitalId }.sorted(by: SecurityIncident.listOrder)
    }

    public var openSecurityIncidents: [SecurityIncident] {
        securityIncidents.values.filter(\.isOpen).sorted(by: SecurityIncident.listOrder)
    }

    /// How the police can be reached for a hospital, in words (`Officer Lee (knpa) 010-…`, or the text).
    public func policeLink(of hospitalId: String) -> String? {
        guard let s = hospitalSecurity[hospitalId] else { return nil }
        if let id = s.policeContactId, let c = contacts[id] {
            let phone = [c.phone, c.mobile].first { !$0.isEmpty }.map { " " + $0 } ?? ""
            return "\(c.person) (\(c.agencyId))\(phone)" + (s.policeText.isEmpty ? "" : " · \(s.policeText)")
        }
        return s.policeText.isEmpty ? nil : s.policeText
    }
}

extension SecurityIncident {
    /// Open first; then by when it occurred, newest first; then id.
    public static func listOrder(_ a: SecurityIncident, _ b: SecurityIncident) -> Bool {
        if a.isOpen != b.isOpen { return a.isOpen }
        if a.occurred.at != b.occurred.at { return a.occurred.at > b.occurred.at }
        return a.id < b.id
    }
}

// Optional and empty fields may be left out of JSON (`sitroom apply`).

extension HospitalSecurity {
    enum CodingKeys: String, CodingKey { case hospitalId, level, policeContactId, policeText }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(hospitalId: try c.decode(String.self, forKey: .hospitalId),
                  level: try c.decodeIfPresent(Reported<SecurityLevel>.self, forKey: .level),
                  policeContactId: try c.decodeIfPresent(String.self, forKey: .policeContactId),
                  policeText: try c.decodeIfPresent(String.self, forKey: .policeText) ?? "")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hospitalId, forKey: .hospitalId)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(policeContactId, forKey: .policeContactId)
        try c.encodeIfPresent(policeText.isEmpty ? nil : policeText, forKey: .policeText)
    }
}

extension PoliceNotice {
    enum CodingKeys: String, CodingKey { case contactId, text, caller }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(contactId: try c.decodeIfPresent(String.self, forKey: .contactId),
                  text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
                  caller: try c.decodeIfPresent(String.self, forKey: .caller) ?? "")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(contactId, forKey: .contactId)
        try c.encodeIfPresent(text.isEmpty ? nil : text, forKey: .text)
        try c.encodeIfPresent(caller.isEmpty ? nil : caller, forKey: .caller)
    }
}

/// How late the next step of an open incident is, for its colour on the board.
public enum SecurityUrgency: Int, Sendable, Comparable {
    /// Closed, or the next step is not yet due.
    case onTime
    /// Half the time the rules allow has passed (or 15 minutes without calling the police).
    case due
    /// The rules' limit has passed: an alert is up for it.
    case late

    public static func < (a: SecurityUrgency, b: SecurityUrgency) -> Bool { a.rawValue < b.rawValue }
}

extension SecurityIncident {
    /// Police not yet called 15 minutes after the headquarters heard of it is worth a look.
    public static let notifyDueMinutes = 15

    /// How overdue the next step is at `now`, measured against the alert rules' limits.
    public func urgency(at now: Date, rules: AlertRules) -> SecurityUrgency {
        func grade(_ elapsed: TimeInterval, limit: TimeInterval) -> SecurityUrgency {
            guard limit > 0 else { return .onTime }
            return elapsed >= limit ? .late : elapsed >= limit / 2 ? .due : .onTime
        }
        let open = grade(openDuration(at: now), limit: Double(rules.securityOpenHours) * 3600)
        switch nextStep {
        case nil: return .onTime
        case .notified?:
            let waited = now.timeIntervalSince(reported.at) >= Double(Self.notifyDueMinutes) * 60
            return max(open, waited ? .due : .onTime)
        case .onScene?:
            return max(open, grade(now.timeIntervalSince(notified!.at), limit: Double(rules.policeLateMinutes) * 60))
        case .resolved?:
            return open
        }
    }
}

extension SecurityIncident {
    /// The fields of an incident as a form shows them; each raw value is what a refusal names.
    public enum Field: String, RecordField {
        case hospital, type, severity, text, staffInjured, occurred, reported, notified, police, caller, onScene, resolved
        case outcome, outcomeNote

        public static let recordName = "security incident"

        public var label: String {
            switch self {
            case .staffInjured: "staff injured"
            case .onScene: "police on scene"
            case .notified: "police notified"
            case .resolved: "closed"
            case .outcomeNote: "outcome note"
            default: rawValue
            }
        }
    }
}

extension Board {
    /// `S1`, `S2`, …: one more than the highest such id on the board, short enough to type.
    public func nextSecurityIncidentId() -> String {
        let numbers = securityIncidents.keys.compactMap { id -> Int? in
            guard id.first == "S" else { return nil }
            return Int(id.dropFirst())
        }
        return "S\((numbers.max() ?? 0) + 1)"
    }
}
