import Foundation

public enum StrikeForm: String, Codable, Sendable, CaseIterable {
    case walkout, unlimitedStrike = "unlimited-strike", collectiveResignation = "collective-resignation"
    case rally, workToRule = "work-to-rule", other
}

/// One organisation's collective action.
public struct StrikeAction: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var organisation: String
    public var form: StrikeForm
    public var start: Date
    public var end: Date?
    public var scope: String
    /// National participants as of a time (e.g. trainee doctors away from their posts).
    public var participants: Reported<Int>?
    public var notes: String

    public init(
        id: String, organisation: String, form: StrikeForm, start: Date, end: Date? = nil,
        scope: String = "", participants: Reported<Int>? = nil, notes: String = ""
    ) {
        self.id = id
        self.organisation = organisation
        self.form = form
        self.start = start
        self.end = end
        self.scope = scope
        self.participants = participants
        self.notes = notes
    }

    public func isActive(at now: Date) -> Bool { start <= now && (end.map { now < $0 } ?? true) }
}
