import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

/// `--store postgres://user@host/db` (or $SITROOM_STORE): the change log on a PostgreSQL server
/// shared by many sites, instead of a data directory.
struct StoreOption: ParsableArguments {
    static let environmentVariable = "SITROOM_STORE"

    @Option(name: .long, help: ArgumentHelp(
        "Keep the change log on a PostgreSQL server instead of a data directory (default: $SITROOM_STORE).",
        valueName: "postgres://USER@HOST[:PORT]/DB"))
    var store: String?

    /// The server to use, or nil for the data directory. An empty $SITROOM_STORE counts as unset.
    func address() throws -> PostgresAddress? {
        let text = store ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return nil }
        return try PostgresAddress(parsing: text)
    }

    /// Opens the server's change log, or exits with a message the officer can act on.
    static func openServer(_ address: PostgresAddress, readOnly: Bool, officer: String,
                           client: PostgresChangeStore.Client = .tool) -> PostgresChangeStore {
        do {
            return try PostgresChangeStore.open(address, readOnly: readOnly, officer: officer, client: client)
        } catch {
            fail("\(error)")
        }
    }
}
