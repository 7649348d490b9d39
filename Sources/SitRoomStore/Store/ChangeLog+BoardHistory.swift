import SitRoomChangeStore
import SitRoomCore

extension History: BoardHistory {
    public func forEachChange(after seq: UInt64, _ body: (UInt64, Change) throws -> Void) throws {
        try replay(from: .seq(seq)) { s, change, _ in try body(s, change) }
    }
}

extension ChangeLog: BoardHistoryProvider {
    public func openHistory() throws -> any BoardHistory { try History.open(directory) }

    public var historyOpener: @Sendable () throws -> any BoardHistory {
        { [directory] in try History.open(directory) }
    }
}
