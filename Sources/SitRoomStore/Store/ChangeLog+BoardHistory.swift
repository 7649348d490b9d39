import SitRoomChangeStore

extension History: BoardHistory {}

extension ChangeLog: BoardHistoryProvider {
    public func openHistory() throws -> any BoardHistory { try History.open(directory) }

    public var historyOpener: @Sendable () throws -> any BoardHistory {
        { [directory] in try History.open(directory) }
    }
}
