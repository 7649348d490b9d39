import Foundation

public enum ActionStatus: String, Codable, Sendable, CaseIterable {
    case open, done, cancelled
}

/// Something agreed in a meeting, owned by an agency.
public struct ActionItem: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String
    public var ownerAgencyId: String
    public var due: Date?
    public var status: ActionStatus
    /// Every status change, oldest first; the first is the creation.
    public var history: [Reported<ActionStatus>]

    public init(
        id: String, text: String, ownerAgencyId: String, due: Date? = nil,
        status: ActionStatus = .open, history: [Reported<ActionStatus>] = []
    ) {
        self.id = id
        self.text = text
        self.ownerAgencyId = ownerAgencyId
        self.due = due
        self.status = status
        self.history = history
    }

    public func isOverdue(at now: Date) -> Bool {
        status == .open && (due.map { $0 < now } ?? false)
    }
}
