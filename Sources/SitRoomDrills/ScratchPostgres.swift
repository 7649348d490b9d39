import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server on loopback, from Debian's packages, for the tests, the drills and
/// the bench: `initdb` into a temporary directory, started with `pg_ctl` on a free port, trust
/// authentication, fsync and synchronous_commit left on (the figures are the real ones). As root
/// it runs as the `postgres` user: the server refuses to run as root.
public final class ScratchPostgres: @unchecked Sendable {
    public let port: Int
    public let directory: String
    private let bin: String
    private let asUser: [String]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Where Debian puts the server's programs (the highest version installed).
    public static func binDirectory() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted()
        return versions.reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    public static func start(port: Int? = nil) throws -> ScratchPostgres {
        guard let bin = binDirectory() else {
            throw Failure(description: "no PostgreSQL server under /usr/lib/postgresql: install Debian's postgresql package (make deps)")
        }
        let template = NSTemporaryDirectory() + "sitroom-pg-XXXXXX"
        var chars = Array(template.utf8CString)
        guard let made = mkdtemp(&chars) else { throw Failure(description: "mkdtemp failed") }
        let directory = String(cString: made)
        var asUser: [String] = []
        if getuid() == 0 {
            guard let pw = getpwnam("postgres") else { throw Failure(description: "running as root and there is no postgres user") }
            chown(directory, pw.pointee.pw_uid, pw.pointee.pw_gid)
            asUser = ["runuser", "-u", "postgres", "--"]
        }
        let server = ScratchPostgres(port: port ?? freePort(), directory: directory, bin: bin, asUser: asUser)
        let initdb = DrillSpawn.run(asUser + [bin + "/initdb", "-D", directory + "/data", "-U", "postgres", "--auth=trust",
                                              "--no-sync", "-E", "UTF8", "--locale=C"])
        guard initdb.status == 0 else { throw Failure(description: "initdb failed: \(initdb.stderr)") }
        try server.startServer()
        Registry.add(server)
        return server
    }

    private init(port: Int, directory: String, bin: String, asUser: [String]) {
        self.port = port
        self.directory = directory
        self.bin = bin
        self.asUser = asUser
    }

    /// postgres://postgres@127.0.0.1:PORT/NAME, creating the database.
    public func createDatabase(_ name: String) throws -> String {
        let r = DrillSpawn.run([bin + "/psql", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres",
                                "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE \"\(name)\""])
        guard r.status == 0 else { throw Failure(description: "CREATE DATABASE \(name): \(r.stderr)") }
        return url(name)
    }

    public func url(_ database: String) -> String { "postgres://postgres@127.0.0.1:\(port)/\(database)" }

    /// Runs SQL with psql and returns what it printed (unaligned, tuples only).
    public func sql(_ database: String, _ statement: String) throws -> String {
        let r = DrillSpawn.run([bin + "/psql", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database,
                                "-v", "ON_ERROR_STOP=1", "-qAtc", statement])
        guard r.status == 0 else { throw Failure(description: "psql: \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `immediate` is a crash: no checkpoint, every client cut off at once; `fast` a clean stop.
    public func stop(mode: String = "fast") throws {
        let r = DrillSpawn.run(asUser + [bin + "/pg_ctl", "-D", directory + "/data", "-m", mode, "-w", "stop"])
        guard r.status == 0 else { throw Failure(description: "pg_ctl stop: \(r.stderr)") }
    }

    public func startServer() throws {
        let options = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories='\(directory)' "
            + "-c max_connections=60 -c fsync=on -c synchronous_commit=on"
        let r = DrillSpawn.run(asUser + [bin + "/pg_ctl", "-D", directory + "/data", "-l", directory + "/server.log",
                                         "-o", options, "-w", "-t", "60", "start"])
        guard r.status == 0 else {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw Failure(description: "pg_ctl start: \(r.stdout) \(r.stderr) \(log.suffix(2000))")
        }
    }

    /// Stops the server and removes its files.
    public func destroy() {
        _ = DrillSpawn.run(asUser + [bin + "/pg_ctl", "-D", directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
        Registry.remove(self)
    }

    private static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Servers still running when the process exits are stopped then (a test that failed half-way).
    private enum Registry {
        nonisolated(unsafe) static var servers: [String: ScratchPostgres] = [:]
        static let lock = NSLock()
        nonisolated(unsafe) static var hooked = false

        static func add(_ s: ScratchPostgres) {
            lock.lock()
            defer { lock.unlock() }
            servers[s.directory] = s
            if !hooked {
                hooked = true
                atexit { Registry.stopAll() }
            }
        }

        static func remove(_ s: ScratchPostgres) {
            lock.lock()
            defer { lock.unlock() }
            servers[s.directory] = nil
        }

        static func stopAll() {
            lock.lock()
            let all = Array(servers.values)
            lock.unlock()
            for s in all { s.destroy() }
        }
    }
}
