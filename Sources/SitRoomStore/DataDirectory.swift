import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomWire
#if canImport(Glibc)
import Glibc
#endif

/// The files of one situation:
///
///     CURRENT              the live generation number
///     snapshot-N.bin       the board at some sequence (see `Snapshot`)
///     journal-N.log        every change after that snapshot (see `JournalRecord`)
///     lock                 flock'd by a writer around each append and compaction
///     history/             older generations' journals (all) and snapshots (about one an hour)
///
/// The previous generation stays until a newer one is durable; then it moves to `history/`, which
/// is what `sitroom export --at`, briefings and trends read (see `History`).
public struct DataDirectory: Sendable {
    public let path: String
    public let fs: any FileSystem

    public init(_ path: String, fs: any FileSystem = PosixFileSystem()) {
        self.path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        self.fs = fs
    }

    /// `$XDG_DATA_HOME/sitroom`, else `~/.local/share/sitroom`.
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/sitroom" }
        return (env["HOME"] ?? ".") + "/.local/share/sitroom"
    }

    var currentPath: String { path + "/CURRENT" }
    var lockPath: String { path + "/lock" }
    func snapshotPath(_ gen: Int) -> String { path + "/snapshot-\(gen).bin" }
    func journalPath(_ gen: Int) -> String { path + "/journal-\(gen).log" }
    var historyPath: String { path + "/history" }
    /// A history snapshot is kept if the one before it is at least this much older.
    static let historySnapshotSpacing: TimeInterval = 3600

    public var exists: Bool { (try? fs.status(currentPath)) != nil }

    /// Creates the directory (0700) with an empty board at sequence 0. With `group`, the directory
    /// is shared with that OS group instead (2770, its files 0660: see GroupDirectory.swift); the
    /// process must be in the group (or be root), else nothing is created.
    public func create(group: gid_t? = nil) throws {
        if let group, geteuid() != 0, !ProcessAccount.isMember(of: group) {
            throw GroupDirectoryError.notInGroup(group: ProcessAccount.groupName(group), user: ProcessAccount.userName)
        }
        if let existing = try fs.status(path) {
            guard existing.isDirectory, try fs.listDirectory(path).isEmpty else { throw StoreError.alreadyExists(path) }
        } else {
            let parent = parentDirectory(of: path)
            if !parent.isEmpty, try fs.status(parent) == nil { try makeParents(parent, group: group) }
            try fs.makeDirectory(path, 0o700)
        }
        if let group {
            try fs.setGroup(path, group)
            try fs.setMode(path, Self.groupFolderMode)
        } else {
            try? fs.setMode(path, 0o700)  // as before: `checkPermissions` refuses a folder it could not tighten
        }
        try writeDurably(try Snapshot.encode(Board(), seq: 0), to: snapshotPath(1))
        let fd = try createFile(journalPath(1), O_WRONLY | O_TRUNC)
        try fs.sync(fd)
        fs.close(fd)
        try writeCurrent(1)
        let lock = try createFile(lockPath, O_RDWR)
        fs.close(lock)
        let parent = parentDirectory(of: path)
        try? fs.syncDirectory(parent.isEmpty ? "." : parent)
    }

    /// Missing folders above a new directory: the owner's (0700), or for a group directory the
    /// group's to pass through (0750), so that its members can reach it.
    private func makeParents(_ parent: String, group: gid_t?) throws {
        guard let group else { return try fs.makeDirectories(parent, 0o700) }
        let above = parentDirectory(of: parent)
        if !above.isEmpty, above != parent, try fs.status(above) == nil { try makeParents(above, group: group) }
        try fs.makeDirectory(parent, 0o750)
        try fs.setGroup(parent, group)
        try fs.setMode(parent, 0o750)
    }

    /// Refuses a directory that other users could write into. A group directory (2770) opens for
    /// its owner and its group's members only, and only while nothing in it is open to others.
    public func checkPermissions() throws {
        guard let st = try? fs.status(path) else { throw StoreError.notADataDirectory(path) }
        if st.isDirectory, Self.isGroupShared(st.mode) { return try checkGroupAccess(st) }
        if st.mode & (S_IWGRP | S_IWOTH) != 0 { throw StoreError.unsafePermissions(path, mode: st.mode) }
    }

    func readCurrent() throws -> Int {
        guard let bytes = try fs.readFile(currentPath) else { throw StoreError.notADataDirectory(path) }
        return try Self.parseCurrent(bytes)
    }

    /// The generation number CURRENT's bytes hold.
    /// Digits and a line end only, read byte by byte: every commit reads CURRENT, and Foundation's
    /// trimming took a good part of a commit's time on the CPU.
    static func parseCurrent(_ bytes: [UInt8]) throws -> Int {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") || bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var gen = 0
        for b in bytes[..<end] {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), gen < Int.max / 10 - 9 else {
                throw StoreError.badPointer("\"\(String(decoding: bytes, as: UTF8.self))\"")
            }
            gen = gen * 10 + Int(b - UInt8(ascii: "0"))
        }
        guard end > 0, gen > 0 else { throw StoreError.badPointer("\"\(String(decoding: bytes, as: UTF8.self))\"") }
        return gen
    }

    func writeCurrent(_ gen: Int) throws {
        try writeDurably(Array("\(gen)\n".utf8), to: currentPath)
    }

    /// Moves generations older than `keep - 1` into `history/` (journals always, snapshots about one
    /// an hour and the first), and removes leftovers of interrupted compactions. Moving is a rename;
    /// a file a crash leaves behind is moved at the next compaction.
    func removeOldGenerations(keep gen: Int) {
        guard let names = try? fs.listDirectory(path) else { return }
        var archive: [(g: Int, name: String)] = []
        for name in names {
            if name.hasSuffix(".tmp") { try? fs.unlink(path + "/" + name); continue }
            if let pid = Self.partialOwner(name), kill(pid, 0) != 0, errno == ESRCH {
                try? fs.unlink(path + "/" + name)  // a background snapshot whose process died
                continue
            }
            guard let g = Self.generation(of: name) else { continue }
            if g > gen { try? fs.unlink(path + "/" + name) }
            if g < gen - 1 { archive.append((g, name)) }
        }
        guard !archive.isEmpty else { return }
        if (try? fs.status(historyPath)) == nil {
            guard (try? makeFolder(historyPath)) != nil else { return }
        }
        var lastKept = newestHistorySnapshotTime()
        for (g, name) in archive.sorted(by: { $0.g < $1.g }) {
            let from = path + "/" + name
            if name.hasPrefix("snapshot-"), g > 1 {
                let made = modificationTime(from) ?? Date()
                if let last = lastKept, made.timeIntervalSince(last) < Self.historySnapshotSpacing {
                    try? fs.unlink(from)
                    continue
                }
                lastKept = made
            }
            if (try? fs.rename(from, historyPath + "/" + name)) == nil { try? fs.unlink(from) }
        }
    }

    private func newestHistorySnapshotTime() -> Date? {
        let names = (try? fs.listDirectory(historyPath)) ?? []
        return names.filter { $0.hasPrefix("snapshot-") }.compactMap { modificationTime(historyPath + "/" + $0) }.max()
    }

    func modificationTime(_ path: String) -> Date? {
        (try? fs.status(path))?.modified
    }

    /// The process writing `snapshot-N.bin.partial-PID-K`.
    static func partialOwner(_ name: String) -> pid_t? {
        guard let range = name.range(of: ".partial-") else { return nil }
        return pid_t(name[range.upperBound...].prefix { $0 != "-" })
    }

    static func generation(of name: String) -> Int? {
        for (prefix, suffix) in [("snapshot-", ".bin"), ("journal-", ".log")]
        where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            return Int(name.dropFirst(prefix.count).dropLast(suffix.count))
        }
        return nil
    }
}
