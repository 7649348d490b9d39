import Foundation
import SitRoomProcess
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server on loopback, from Debian's packages, for the tests, the drills and
/// the bench: `initdb` into a temporary directory, started with `pg_ctl` on a free port, trust
/// authentication, fsync and synchronous_commit left on (the figures are the real ones). As root
/// it runs as the `postgres` user: the server refuses to run as root.
///
/// It cannot outlive this process: pg_ctl detaches the server (setsid), so neither a signal to our
/// process group nor an atexit handler (which an early exit or a kill skips) is enough. Each server
/// has a watchdog, `setsid sh`, that ignores the usual signals and blocks reading a pipe whose only
/// write end this process holds; the kernel closes it however this process ends, and the watchdog
/// then stops the server and removes its files. `destroy()` (or exit) stops it sooner. A server
/// whose watchdog was killed too is swept by the next `start()` (its `owner` pid is gone).
public final class ScratchPostgres: Sendable {
    /// Set only by `start()`, before the server is handed out.
    public var port: Int { state.withLock { $0.port } }
    public let directory: String
    private let bin: String
    private let asUser: [String]
    private let lifeline: Int32
    private let watchdog: pid_t
    private let state: Mutex<(port: Int, destroyed: Bool)>

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
        sweepOrphans(bin: bin)
        var asUser: [String] = []
        if getuid() == 0 {
            guard let pw = getpwnam("postgres") else { throw Failure(description: "running as root and there is no postgres user") }
            chown(directory, pw.pointee.pw_uid, pw.pointee.pw_gid)
            asUser = ["runuser", "-u", "postgres", "--"]
        }
        try String(getpid()).write(toFile: directory + "/" + ownerFile, atomically: false, encoding: .utf8)
        let (lifeline, watchdog) = try startWatchdog(directory: directory, stop: asUser + stopCommand(bin, directory))
        let server = ScratchPostgres(port: port ?? freePort(), directory: directory, bin: bin, asUser: asUser,
                                     lifeline: lifeline, watchdog: watchdog)
        Registry.add(server)
        let initdb = Spawn.run(asUser + [bin + "/initdb", "-D", directory + "/data", "-U", "postgres", "--auth=trust",
                                         "--no-sync", "-E", "UTF8", "--locale=C"])
        guard initdb.status == 0 else {
            server.destroy()
            throw Failure(description: "initdb failed: \(initdb.stderr)")
        }
        // A free port can be taken by someone else before the server binds it (tests start servers
        // in parallel, other runs share the machine): then another one, unless it was asked for.
        var attempts = port == nil ? 3 : 1
        while true {
            do {
                try server.startServer()
                return server
            } catch let failure as Failure where attempts > 1 && failure.description.contains("Address already in use") {
                attempts -= 1
                let next = freePort()
                server.state.withLock { $0.port = next }
            } catch {
                server.destroy()
                throw error
            }
        }
    }

    private init(port: Int, directory: String, bin: String, asUser: [String], lifeline: Int32, watchdog: pid_t) {
        self.state = Mutex((port: port, destroyed: false))
        self.directory = directory
        self.bin = bin
        self.asUser = asUser
        self.lifeline = lifeline
        self.watchdog = watchdog
    }

    /// The file in a server's directory holding the pid of the process that started it.
    private static let ownerFile = "owner"

    private static func stopCommand(_ bin: String, _ directory: String) -> [String] {
        [bin + "/pg_ctl", "-D", directory + "/data", "-m", "immediate", "-w", "stop"]
    }

    /// Starts the watchdog: `setsid` (its own session, so no terminal or process-group signal
    /// reaches it) `sh`, ignoring INT, HUP, TERM and QUIT, reading the lifeline until EOF, then
    /// stopping the server and removing `directory`. Returns the write end (close-on-exec, so no
    /// other child holds it) and the watchdog's pid.
    private static func startWatchdog(directory: String, stop: [String]) throws -> (Int32, pid_t) {
        guard let pipe = Spawn.makePipe() else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        let script = #"trap '' INT HUP TERM QUIT; cat > /dev/null; dir=$1; shift; "$@"; rm -rf "$dir""#
        do {
            let pid = try Spawn.start(["setsid", "sh", "-c", script, "scratch-postgres-watchdog", directory] + stop,
                                      stdin: .fd(pipe.read), stdout: .null, stderr: .null)
            close(pipe.read)
            return (pipe.write, pid)
        } catch {
            close(pipe.read)
            close(pipe.write)
            throw Failure(description: "cannot start the server's watchdog: \(error)")
        }
    }

    /// Stops and removes the servers left by test runs that are gone (their watchdog killed as
    /// well, or from before there were watchdogs but with an `owner` file).
    private static func sweepOrphans(bin: String) {
        let temp = NSTemporaryDirectory()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: temp)) ?? []
        for name in entries where name.hasPrefix("sitroom-pg-") {
            let directory = temp + name
            guard let text = try? String(contentsOfFile: directory + "/" + ownerFile, encoding: .utf8),
                  let owner = pid_t(text), owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
            let asUser = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
            _ = Spawn.run(asUser + stopCommand(bin, directory))
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// postgres://postgres@127.0.0.1:PORT/NAME, creating the database.
    public func createDatabase(_ name: String) throws -> String {
        let r = Spawn.run([bin + "/psql", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres",
                                "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE \"\(name)\""])
        guard r.status == 0 else { throw Failure(description: "CREATE DATABASE \(name): \(r.stderr)") }
        return url(name)
    }

    public func url(_ database: String) -> String { "postgres://postgres@127.0.0.1:\(port)/\(database)" }

    /// Runs SQL with psql and returns what it printed (unaligned, tuples only).
    public func sql(_ database: String, _ statement: String) throws -> String {
        let r = Spawn.run([bin + "/psql", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database,
                                "-v", "ON_ERROR_STOP=1", "-qAtc", statement])
        guard r.status == 0 else { throw Failure(description: "psql: \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies files into the server's directory, owned by the server's user and readable by it
    /// alone (PostgreSQL refuses a key others can read); returns their paths there.
    public func install(_ files: [String]) throws -> [String] {
        try files.map { file in
            let copy = directory + "/" + (file as NSString).lastPathComponent
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: file, toPath: copy)
            chmod(copy, 0o600)
            if getuid() == 0, let pw = getpwnam("postgres") { chown(copy, pw.pointee.pw_uid, pw.pointee.pw_gid) }
            return copy
        }
    }

    /// `ALTER SYSTEM SET` each setting, then a restart so that every one of them holds for the next connection.
    public func configure(_ settings: [(String, String)]) throws {
        for (name, value) in settings {
            _ = try sql("postgres", "ALTER SYSTEM SET \(name) = '\(value.replacingOccurrences(of: "'", with: "''"))'")
        }
        try stop()
        try startServer()
    }

    /// A login role that must give its password (SCRAM-SHA-256) over TCP from loopback; the
    /// `postgres` superuser the tests administer with keeps trust.
    public func addPasswordUser(_ user: String, password: String) throws {
        _ = try sql("postgres", "SET password_encryption = 'scram-sha-256'; "
            + "CREATE ROLE \"\(user)\" LOGIN PASSWORD '\(password.replacingOccurrences(of: "'", with: "''"))'")
        try addAuthenticationRule("host all \(user) 127.0.0.1/32 scram-sha-256")
        try stop()
        try startServer()
    }

    /// Puts a line first in pg_hba.conf (the first matching line decides); it holds from the next
    /// start (`configure` restarts).
    public func addAuthenticationRule(_ rule: String) throws {
        let hba = directory + "/data/pg_hba.conf"
        let rules = try String(contentsOfFile: hba, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: hba))  // in place: the file stays the server's
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("\(rule)\n\(rules)".utf8))
        try handle.close()
    }

    /// `immediate` is a crash: no checkpoint, every client cut off at once; `fast` a clean stop.
    public func stop(mode: String = "fast") throws {
        let r = Spawn.run(asUser + [bin + "/pg_ctl", "-D", directory + "/data", "-m", mode, "-w", "stop"])
        guard r.status == 0 else { throw Failure(description: "pg_ctl stop: \(r.stderr)") }
    }

    public func startServer() throws {
        let options = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories='\(directory)' "
            + "-c max_connections=60 -c fsync=on -c synchronous_commit=on"
        let r = Spawn.run(asUser + [bin + "/pg_ctl", "-D", directory + "/data", "-l", directory + "/server.log",
                                         "-o", options, "-w", "-t", "60", "start"])
        guard r.status == 0 else {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw Failure(description: "pg_ctl start: \(r.stdout) \(r.stderr) \(log.suffix(2000))")
        }
    }

    /// Stops the server and removes its files, then lets its watchdog go. Idempotent.
    public func destroy() {
        let first = state.withLock { state in
            defer { state.destroyed = true }
            return !state.destroyed
        }
        guard first else { return }
        _ = Spawn.run(asUser + Self.stopCommand(bin, directory))
        try? FileManager.default.removeItem(atPath: directory)
        close(lifeline)
        _ = Spawn.wait(watchdog)
        Registry.remove(self)
    }

    /// A TCP port nothing listens on now, on 127.0.0.1 (for the throwaway servers the tests start).
    public static func freePort() -> Int {
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
        static let state = Mutex<(servers: [String: ScratchPostgres], hooked: Bool)>(([:], false))

        static func add(_ s: ScratchPostgres) {
            state.withLock { state in
                state.servers[s.directory] = s
                if !state.hooked {
                    state.hooked = true
                    atexit { Registry.stopAll() }
                }
            }
        }

        static func remove(_ s: ScratchPostgres) {
            state.withLock { $0.servers[s.directory] = nil }
        }

        static func stopAll() {
            let all = state.withLock { Array($0.servers.values) }
            for s in all { s.destroy() }
        }
    }
}
