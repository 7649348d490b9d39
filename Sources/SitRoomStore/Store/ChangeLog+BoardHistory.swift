import SitRoomChangeStore
import SitRoomCore

extension History: BoardHistory {
    public func forEachChange(after seq: UInt64, _ body: (UInt64, Change) throws -> Void) throws {
        // `replay` visits from the snapshot it starts at; the changes up to `seq` are not asked for.
        try replay(from: .seq(seq)) { s, change, _ in if s > seq { try body(s, change) } }
    }
}

extension ChangeLog: BoardHistoryProvider {
    public func openHistory() throws -> any BoardHistory { try History.open(directory) }

    public var historyOpener: @Sendable () throws -> any BoardHistory {
        { [directory] in try History.open(directory) }
    }
}
