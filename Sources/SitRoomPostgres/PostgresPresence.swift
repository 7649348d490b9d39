import SitRoomChangeStore

/// A console on the server is counted by its connection (see `Client.console`); who else is there,
/// the store asks the server every few seconds in `tend`.
extension PostgresChangeStore {
    /// A console that changes nothing (a watch role's) renames its connection so that it is not
    /// counted, and still learns who writes.
    public func joinConsoles(officer: String, writing: Bool) -> any ConsolePresence {
        if !writing { stopCountingAsConsole() }
        return ServerPresence(store: self)
    }
}

final class ServerPresence: ConsolePresence {
    private let store: PostgresChangeStore

    init(store: PostgresChangeStore) { self.store = store }

    func others() -> [String]? { store.otherConsoles }

    /// Closing the store closes the connection that counted this console.
    func leave() {}
}
