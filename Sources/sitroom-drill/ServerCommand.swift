import ArgumentParser
import Foundation
import SitRoomDrills
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server to try `--store` on one machine (the tests start the same kind).
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Start a throwaway PostgreSQL server on loopback with an empty database, print its address, and remove it all on Ctrl-C.",
        discussion: "From Debian's postgresql package, in a temporary directory; trust authentication on 127.0.0.1 only. For trying `sitroom --store` and the outage banner (stop it and start it again), not for real use."
    )

    @Option(help: "The loopback port to listen on (default: a free one).")
    var port: Int?
    @Option(help: "The database to create.")
    var database = "sitroom"

    func run() throws {
        let server = try ScratchPostgres.start(port: port)
        let url: String
        do {
            url = try server.createDatabase(database)
        } catch {
            server.destroy()
            throw error
        }
        FileHandle.standardOutput.write(Data(("a throwaway PostgreSQL server is up: \(url)\n"
            + "its files are in \(server.directory); Ctrl-C stops it and removes them\n").utf8))
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, s) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        var caught: Int32 = 0
        sigwait(&set, &caught)
        server.destroy()
        print("stopped and removed")
    }
}
