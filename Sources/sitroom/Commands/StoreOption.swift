import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

/// `--store postgres://user@host/db` (or $SITROOM_STORE): the change log on a PostgreSQL server
/// shared by many sites, instead of a data directory.
struct StoreOption: ParsableArguments {
    static let environmentVariable = "SITROOM_STORE"

    @Option(name: .long, help: ArgumentHelp(
        "Keep the change log on a PostgreSQL server instead of a data directory (default: $SITROOM_STORE). "
            + "TLS as libpq takes it: ?sslmode=disable|require|verify-ca|verify-full (verify-full, or disable "
            + "on loopback, by default), &sslrootcert=FILE, &sslcert=FILE&sslkey=FILE. The password from PGPASSWORD, "
            + "$PGPASSFILE or ~/.pgpass, or asked for on a terminal.",
        valueName: "postgres://USER@HOST[:PORT]/DB[?sslmode=...]"))
    var store: String?

    /// The server to use, or nil for the data directory. An empty $SITROOM_STORE counts as unset.
    func address() throws -> PostgresAddress? {
        let text = store ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return nil }
        return try PostgresAddress(parsing: text)
    }

    /// Opens the server's change log (the password as libpq finds it, or typed when the server asks),
    /// or exits with a message the officer can act on.
    static func openServer(_ address: PostgresAddress, readOnly: Bool, officer: String,
                           client: PostgresChangeStore.Client = .tool) -> PostgresChangeStore {
        var address = ServerPassword.filled(address)
        do {
            return try PostgresChangeStore.open(address, readOnly: readOnly, officer: officer, client: client)
        } catch PostgresStoreError.needsPassword(let location) {
            guard address.password == nil, let typed = ServerPassword.prompt(for: address) else { fail("\(PostgresStoreError.needsPassword(location))") }
            address.password = typed
            do {
                return try PostgresChangeStore.open(address, readOnly: readOnly, officer: officer, client: client)
            } catch {
                fail("\(error)")
            }
        } catch {
            fail("\(error)")
        }
    }

    /// The change log to work on: the server's when one is named, else the data directory's, which
    /// must exist (with its alert rules; a server's are the defaults). Exits with the reason.
    func open(_ data: DataOption, officer: String, writing: Bool) -> (log: any ChangeStore, rules: AlertRules) {
        do {
            if let address = try address() {
                return (Self.openServer(address, readOnly: !writing, officer: officer), AlertRules.defaults)
            }
            let directory = data.directory
            if let refusal = directory.groupRefusal { fail("\(refusal)") }
            guard directory.exists else { fail("no situation at \(directory.path): create one with `sitroom init --data \(directory.path)`") }
            let log = try ChangeLog.open(directory, mode: writing ? .write : .readOnly)
            return (log, try AlertRulesFile.load(from: directory))
        } catch {
            fail("\(error)")
        }
    }
}
