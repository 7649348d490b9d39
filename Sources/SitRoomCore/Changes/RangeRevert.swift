import Foundation

/// Taking back a run of changes as a whole (an import, a mistaken batch of `sitroom apply`): the
/// inverse of each, newest first, computed on the board as it was just before that change.
public struct RangeRevert: Sendable {
    /// The changes that undo the range, in the order to commit them (newest change's undo first).
    public var undos: [ChangeAction] = []
    /// Changes in the range that cannot be undone (a call made, an alert raised by the rules), and why.
    public var skipped: [(seq: UInt64, reason: String)] = []
    /// Later changes to the same records: reverting would set those records back under them.
    public var conflicts: [(seq: UInt64, change: Change)] = []

    /// - Parameters:
    ///   - start: the board just before the first change of the range.
    ///   - range: the changes to take back, in order.
    ///   - later: every change after the range, to find the ones touching the same records.
    public init(start: Board, range: [(seq: UInt64, change: Change)], later: [(seq: UInt64, change: Change)]) throws {
        var board = start
        var touched = Set<String>()
        var inverses: [ChangeAction] = []
        for (seq, change) in range {
            if let undo = board.inverse(of: change) {
                inverses.append(undo.action)
                if let id = change.action.subjectId { touched.insert(id) }
            } else {
                skipped.append((seq, "\(change.action.type) cannot be undone"))
            }
            try board.replay(change)  // changes in the journal already
        }
        undos = inverses.reversed()
        conflicts = later.filter { entry in
            entry.change.action.subjectId.map(touched.contains) ?? false && !Self.isDerived(entry.change.action)
        }
    }

    /// Alert changes follow from the records; they are not someone's later edit.
    private static func isDerived(_ action: ChangeAction) -> Bool {
        switch action {
        case .raiseAlert, .acknowledgeAlert, .clearAlert: true
        default: false
        }
    }
}
