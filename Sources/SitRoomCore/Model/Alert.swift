import Foundation

/// A rule's condition that someone must see: raised when the condition starts, acknowledged by an
/// officer, cleared when the condition ends. Each of the three is a change in the journal.
public struct Alert: Codable, Sendable, Equatable, Identifiable {
    /// `<rule>/<subject>`, e.g. `er-closed/A1100017`: one alert per rule and subject at a time.
    public var id: String
    public var rule: AlertRule
    /// The hospital or action item concerned.
    public var subject: String
    /// What the condition was when raised, e.g. "서울대학교병원 ER closed".
    public var text: String
    public var severity: Severity
    public var raised: Stamp
    public var acknowledged: Stamp?
    public var note: String
    public var cleared: Stamp?

    public init(
        rule: AlertRule, subject: String, text: String, severity: Severity, raised: Stamp,
        acknowledged: Stamp? = nil, note: String = "", cleared: Stamp? = nil
    ) {
        self.id = Self.id(rule: rule, subject: subject)
        self.rule = rule
        self.subject = subject
        self.text = text
        self.severity = severity
        self.raised = raised
        self.acknowledged = acknowledged
        self.note = note
        self.cleared = cleared
    }

    public static func id(rule: AlertRule, subject: String) -> String { "\(rule.rawValue)/\(subject)" }

    public var isAcknowledged: Bool { acknowledged != nil }
}

/// The rules alerts come from; thresholds are in `AlertRules`.
public enum AlertRule: String, Codable, Sendable, CaseIterable {
    case erClosed = "er-closed"
    case erDiverting = "er-diverting"
    case icuLow = "icu-low"
    case nicuLow = "nicu-low"
    case doctorsShort = "doctors-short"
    case staleReport = "stale-report"
    case actionOverdue = "action-overdue"
    case complianceLow = "compliance-low"
    /// Issue 15: subject `<region>/<condition code>`, or `national/<code>` for the whole country.
    case noCapability = "no-capability"
    /// Issue 15: subject the hospital id.
    case capabilityLost = "capability-lost"
    /// Issue 15: subject the restriction id.
    case restrictionAtCentre = "restriction-rc"
    case policeLate = "police-late"
    case securityOpenLong = "security-open"
    case securityLevel = "security-level"
    case securityRepeat = "security-repeat"

    public var label: String {
        switch self {
        case .erClosed: "ER closed"
        case .erDiverting: "ER diverting"
        case .icuLow: "adult ICU low"
        case .nicuLow: "neonatal ICU low"
        case .doctorsShort: "doctors short"
        case .staleReport: "report stale"
        case .actionOverdue: "action overdue"
        case .complianceLow: "return-to-work compliance low"
        case .noCapability: "no ER capable"
        case .capabilityLost: "capability lost"
        case .restrictionAtCentre: "restriction at a regional centre"
        case .policeLate: "police late"
        case .securityOpenLong: "security incident open long"
        case .securityLevel: "hospital security level"
        case .securityRepeat: "repeat security incident"
        }
    }
}

/// A briefing the headquarters held: the point "what changed since the last briefing" counts from.
public struct Briefing: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// e.g. "09:00 briefing".
    public var title: String
    /// When it was marked and by whom; filled from the change.
    public var marked: Stamp

    public init(id: String, title: String, marked: Stamp = Stamp(at: .distantPast, by: "")) {
        self.id = id
        self.title = title
        self.marked = marked
    }
}
