import Foundation

/// The board as one document: every table as an array in id order (the log and calls in entry
/// order). This is the stable shape of `sitroom export --format json`, and what snapshots hold.
public struct BoardDocument: Codable, Sendable, Equatable {
    public static let formatName = "sitroom-board"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// The sequence number of the last change included.
    public var seq: UInt64
    public var incident: Incident
    public var hospitals: [Hospital]
    public var strikes: [StrikeAction]
    public var agencies: [Agency]
    public var contacts: [Contact]
    public var calls: [CallRecord]
    public var log: [LogEntry]
    public var actions: [ActionItem]

    public init(_ board: Board, seq: UInt64) {
        func sorted<R: Identifiable>(_ d: [String: R]) -> [R] where R.ID == String {
            d.values.sorted { $0.id < $1.id }
        }
        format = Self.formatName
        version = Self.currentVersion
        self.seq = seq
        incident = board.incident
        hospitals = sorted(board.hospitals)
        strikes = sorted(board.strikes)
        agencies = sorted(board.agencies)
        contacts = sorted(board.contacts)
        calls = board.calls
        log = board.log
        actions = sorted(board.actions)
    }

    public var board: Board {
        func table<R: Identifiable>(_ a: [R]) -> [String: R] where R.ID == String {
            Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        }
        var b = Board(incident: incident)
        b.hospitals = table(hospitals)
        b.strikes = table(strikes)
        b.agencies = table(agencies)
        b.contacts = table(contacts)
        b.replaceCalls(calls)
        b.replaceLog(log)
        b.actions = table(actions)
        return b
    }
}
