import ArgumentParser
import Foundation
import SitRoomMigration
import SitRoomPostgres
import SitRoomStore

/// Moves a local situation onto a PostgreSQL server, every change at its own sequence number.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a data directory's whole change log to an empty PostgreSQL database.",
        discussion: """
            Every change keeps its sequence number; the server also gets the board as a snapshot, so \
            consoles start fast. All in one transaction: if anything fails the server is left empty. \
            The data directory is only read. Afterwards point consoles at the server with --store.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The data directory to copy.", valueName: "DIR"))
    var from: String
    @Option(name: .long, help: ArgumentHelp("The server.", valueName: "postgres://USER@HOST[:PORT]/DB"))
    var to: String

    func run() throws {
        let directory = DataDirectory(from)
        if let refusal = directory.groupRefusal { fail("\(refusal)") }
        guard directory.exists else { fail("no situation at \(from)") }
        let address: PostgresAddress
        do { address = try PostgresAddress(parsing: to) } catch { fail("\(error)", code: 64) }
        let store = StoreOption.openServer(address, readOnly: false, officer: "migrate")
        let report: PostgresMigration.Report
        do {
            report = try PostgresMigration.migrate(from: directory, to: store) { done in
                FileHandle.standardError.write(Data("\r  \(done) changes sent".utf8))
            }
            FileHandle.standardError.write(Data("\n".utf8))
        } catch {
            fail("migrate: \(error)")
        }
        store.close()
        // Read back by a fresh connection, as a console would, and compared with the directory's board.
        let check = StoreOption.openServer(address, readOnly: true, officer: "migrate")
        let local = try ChangeLog.open(directory, mode: .readOnly)
        guard check.seq == local.seq, check.board == local.board else {
            fail("migrate: the server's board at #\(check.seq) differs from the data directory's at #\(local.seq)")
        }
        check.close()
        let start = report.startSeq == 0 ? "from #1" : "from the snapshot at #\(report.startSeq)"
        print("migrated \(report.changes) changes \(start) to #\(report.lastSeq) onto \(address); the server's board matches")
    }
}
