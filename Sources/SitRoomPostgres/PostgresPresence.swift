import SitRoomChangeStore

/// A console on the server is counted by its connection (see `Client.console`); who else is there,
/// the store asks the server every few seconds in `tend`.
extension PostgresChangeStore {
    public func joinConsoles(officer: String) -> any ConsolePresence { ServerPresence(store: self) }
}

final class ServerPresence: ConsolePresence {
    private let store: PostgresChangeStore

    init(store: PostgresChangeStore) { self.store = store }

    func others() -> [String]? { store.otherConsoles }

    /// Closing the store closes the connection that counted this console.
    func leave() {}
}
