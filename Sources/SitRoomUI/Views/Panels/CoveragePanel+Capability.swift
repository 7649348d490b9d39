import Foundation
import SitRoomCore

/// The coverage row's capability: how many of the table's conditions the ER reports it can treat
/// (`19/27`), and its marks: `R` while a restriction notice is in force; the second cell is kept
/// for the mark of a feed that disagrees with a figure entered by hand.
extension CoveragePanel {
    static let capabilityColumns = [
        Column("Cap", width: 5, align: .right, priority: 6),
        Column("", width: 2, priority: 8),
    ]
    static let capabilityColumn = 11
    static let marksColumn = 12

    static func capabilityCell(_ h: Hospital, _ board: Board) -> TableCell {
        guard let capability = board.capabilities[h.id], !capability.conditions.isEmpty else { return TableCell("—", .muted) }
        return TableCell("\(capability.availableCount(of: board.conditions))/\(board.conditions.conditions.count)")
    }

    /// `inForce`: `Board.restrictionsInForce(at:)`, asked once for all the rows. The second cell:
    /// `~` when the E-Gen feed and a recent hand entry disagree (the detail shows both values).
    static func marksCell(_ h: Hospital, _ inForce: [String: [Restriction]], _ board: Board, _ now: Date) -> TableCell {
        let restricted = inForce[h.id]?.isEmpty == false
        let conflicted = !board.feedConflicts(of: h.id, at: now).isEmpty
        guard restricted || conflicted else { return TableCell("") }
        return TableCell((restricted ? CapabilityMark.restriction : " ") + (conflicted ? CapabilityMark.feedConflict : ""), .warning)
    }
}
