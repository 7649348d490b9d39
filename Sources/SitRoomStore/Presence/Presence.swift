import Foundation
import SitRoomChangeStore
import SitRoomCore
#if canImport(Glibc)
import Glibc
#endif

/// One console open on a data directory, as its presence file says.
public struct ConsoleInfo: Codable, Equatable, Sendable {
    /// The file's name without `.json` (`<pid>-<random>`): tells one console from another, even two
    /// of the same officer.
    public var id: String = ""
    public var officer: String
    public var pid: Int32
    public var mode: Presence.Mode
    public var started: Date
    public var host: String
    /// The process's start time in clock ticks after boot (`/proc/<pid>/stat`, field 22), so that a
    /// dead console's pid taken over by some other process is still seen as dead. nil where unknown.
    public var processStart: UInt64?

    public init(officer: String, pid: Int32, mode: Presence.Mode, started: Date, host: String, processStart: UInt64? = nil) {
        self.officer = officer
        self.pid = pid
        self.mode = mode
        self.started = started
        self.host = host
        self.processStart = processStart
    }

    enum CodingKeys: String, CodingKey { case officer, pid, mode, started, host, processStart }
}

/// Who else has this situation open: each writing console keeps a small file
/// `consoles/<pid>-<random>.json` in the data directory while it runs.
///
///     {"host":"hq-3","mode":"write","officer":"kim","pid":4242,"processStart":81234,"started":"2026-11-23T09:00:00Z"}
///
/// - The folder is 0700, each file 0600, written to a temporary name and renamed, so a reader never
///   sees half a file. Nothing is fsync'd: presence only matters while the processes live.
/// - A console removes its file when it exits (`unregister()`, or when the `Registration` goes).
///   A console killed with SIGKILL leaves its file behind; `list` skips entries whose process is
///   gone and removes their files.
/// - A read-only `--watch` console (the wall display) writes nothing at all into the data directory,
///   so it does not register and is never listed: the count is of the consoles that can write.
///   Listing is read-only unless asked to prune, so a watcher can show who is writing.
/// - Liveness can only be checked on this host: entries of other hosts (a directory shared over a
///   network) are neither listed nor removed.
/// - Not part of the durable state: `sitroom check` ignores the folder, compaction never touches it.
public enum Presence {
    /// What a registered console does: it writes (a read-only `--watch` console never registers).
    /// Kept in the file so that its format stays as it was.
    public enum Mode: String, Codable, Sendable { case write }

    public static let folderName = "consoles"

    /// A console's presence file; removed by `unregister()` or when this object goes away.
    public final class Registration {
        public let id: String
        public let path: String
        public let info: ConsoleInfo
        private let fs: any FileSystem
        private var removed = false

        init(id: String, path: String, info: ConsoleInfo, fs: any FileSystem) {
            self.id = id
            self.path = path
            self.info = info
            self.fs = fs
        }

        deinit { unregister() }

        /// Removes the file (once; later calls do nothing).
        public func unregister() {
            guard !removed else { return }
            removed = true
            try? fs.unlink(path)
        }
    }

    /// The folder of presence files of a data directory.
    public static func folder(_ directory: DataDirectory) -> String { directory.path + "/" + folderName }

    /// Registers this process as a console writing to `directory` under `officer`. Only a writing
    /// console calls this: a read-only one never writes into the data directory.
    public static func register(directory: DataDirectory, officer: String) throws -> Registration {
        let fs = directory.fs
        let dir = folder(directory)
        try makeFolder(dir, in: directory)
        let pid = getpid()
        let id = "\(pid)-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        var info = ConsoleInfo(officer: officer, pid: pid, mode: .write, started: Date(), host: hostName(),
                               processStart: processStartTicks(pid))
        info.id = id
        let bytes = try SitRoomJSON.encoder().encode(info)
        let path = dir + "/" + id + ".json"
        let temp = dir + "/" + id + ".json.tmp"
        let fd = try directory.createFile(temp, O_WRONLY | O_EXCL | O_TRUNC | O_NOFOLLOW)
        do {
            defer { fs.close(fd) }
            try fs.write(fd, [UInt8](bytes), at: 0)
        } catch {
            try? fs.unlink(temp)
            throw error
        }
        do { try fs.rename(temp, path) } catch {
            try? fs.unlink(temp)
            throw error
        }
        return Registration(id: id, path: path, info: info, fs: fs)
    }

    /// The consoles open on `directory` from this host whose process is alive, oldest first (to the
    /// second). With `pruning` (the default) the files of dead processes are removed; a read-only
    /// caller passes false and only reads. Never throws: no folder, or an unreadable one, is no consoles.
    public static func list(directory: DataDirectory, pruning: Bool = true) -> [ConsoleInfo] {
        let fs = directory.fs
        let dir = folder(directory)
        guard let names = try? fs.listDirectory(dir) else { return [] }
        let host = hostName()
        var found: [ConsoleInfo] = []
        for name in names {
            let path = dir + "/" + name
            if name.hasSuffix(".json.tmp") {
                // A registration cut short between write and rename: its pid is in the name.
                if pruning, let pid = Int32(name.prefix { $0 != "-" }), !isAlive(pid, start: nil) { try? fs.unlink(path) }
                continue
            }
            guard name.hasSuffix(".json") else { continue }
            guard let bytes = try? fs.readFile(path),
                  var info = try? SitRoomJSON.decoder().decode(ConsoleInfo.self, from: Data(bytes)) else {
                // Unreadable (not ours, or damaged): judge by the pid in the name.
                if pruning, let pid = Int32(name.prefix { $0 != "-" }), !isAlive(pid, start: nil) { try? fs.unlink(path) }
                continue
            }
            guard info.host == host else { continue }
            guard isAlive(info.pid, start: info.processStart) else {
                if pruning { try? fs.unlink(path) }
                continue
            }
            info.id = String(name.dropLast(".json".count))
            found.append(info)
        }
        return found.sorted { ($0.started, $0.id) < ($1.started, $1.id) }
    }

    // MARK: Helpers

    /// Whether `pid` is a live process here (`kill(pid, 0)` succeeds, or fails only for lack of
    /// permission), and, when `start` is known, the same process that registered.
    static func isAlive(_ pid: Int32, start: UInt64?) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        if let start, let now = processStartTicks(pid), now != start { return false }  // pid reused
        // A zombie (killed, not yet reaped) is gone for our purposes.
        if processState(pid) == "Z" { return false }
        return true
    }

    /// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot.
    static func processStartTicks(_ pid: Int32) -> UInt64? {
        guard let fields = statFields(pid), fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    static func processState(_ pid: Int32) -> Character? {
        statFields(pid)?.first?.first
    }

    /// The fields of /proc/<pid>/stat after the command name (from field 3, the state). Read
    /// directly, not through the data directory's `FileSystem`: it is the process table, not a file
    /// of the store.
    private static func statFields(_ pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates `consoles/` (0700, or 2770 in a group directory) if needed; refuses a symlink or a
    /// folder other users can write to (in a group directory: one open to users outside the group).
    private static func makeFolder(_ dir: String, in directory: DataDirectory) throws {
        let fs = directory.fs
        try directory.makeFolder(dir)
        guard let st = try fs.linkStatus(dir) else { throw StoreIOError("stat", dir, code: ENOENT) }
        guard st.isDirectory else { throw StoreIOError("mkdir", dir, code: ENOTDIR) }
        if directory.sharedGroup != nil {
            if st.mode & S_IRWXO != 0 {
                throw GroupDirectoryError.openToOthers(dir, mode: st.mode, group: ProcessAccount.groupName(st.group))
            }
            return
        }
        if st.mode & (S_IWGRP | S_IWOTH) != 0 { throw StoreError.unsafePermissions(dir, mode: st.mode) }
    }
}
