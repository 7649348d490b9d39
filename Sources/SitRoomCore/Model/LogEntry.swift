import Foundation

public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info, notice, warning, critical

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An ICS-214 style activity log line.
public struct LogEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// When it happened (may be earlier than when it was entered).
    public var eventTime: Date
    /// When it was entered and by whom; filled from the change.
    public var entered: Stamp
    public var category: String
    public var severity: Severity
    public var text: String
    public var hospitalId: String?
    public var agencyId: String?

    public init(
        id: String, eventTime: Date, entered: Stamp = Stamp(at: .distantPast, by: ""),
        category: String = "general", severity: Severity = .info, text: String,
        hospitalId: String? = nil, agencyId: String? = nil
    ) {
        self.id = id
        self.eventTime = eventTime
        self.entered = entered
        self.category = category
        self.severity = severity
        self.text = text
        self.hospitalId = hospitalId
        self.agencyId = agencyId
    }
}
