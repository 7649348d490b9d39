import Foundation

/// The incident this board is about, and the current operational period.
public struct Incident: Codable, Sendable, Equatable {
    public var name: String
    public var periodStart: Date
    public var periodHours: Int
    /// Demo data is marked as such everywhere it is shown.
    public var isDemo: Bool

    public init(name: String, periodStart: Date, periodHours: Int = 12, isDemo: Bool = false) {
        self.name = name
        self.periodStart = periodStart
        self.periodHours = periodHours
        self.isDemo = isDemo
    }

    public static let unnamed = Incident(name: "Unnamed incident", periodStart: Date(timeIntervalSince1970: 0))

    public var periodEnd: Date { periodStart.addingTimeInterval(Double(periodHours) * 3600) }
}
