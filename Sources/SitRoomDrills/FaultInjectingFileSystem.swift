import Foundation
import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

/// A `FileSystem` for fault drills: counts every operation by kind, fails the n-th one (once, or
/// from then on), cuts a write short, or kills the process; and remembers what a power cut could
/// still take back, so that `crash()` can leave the files as the disk might hold them.
///
/// The crash model: only what was fsync'd is durable. A write (or truncation) stays undoable until
/// its file is synced successfully; a failed sync loses it for good (Linux marks the pages clean
/// after a failed writeback, so a later successful sync of other data does not save them, unless
/// the same bytes are written again). A rename stays undoable until its directory is synced
/// successfully (a failed directory sync leaves it pending: the next good one commits it). File
/// creations and unlinks are not modelled (a lost one brings back a leftover the store removes).
///
/// Two hooks let a test act at an exact point: `willPerform` just before each counted operation
/// (before an armed fault hits it), `didOpen` just after a file is opened.
///
/// Test and drill machinery only: the shipped `sitroom` does not link this module.
///
/// The store calls it from its compaction thread too; every piece of state is behind `lock`, and
/// the hooks are called outside it, on the thread doing the operation.
// Unchecked: the hooks are not @Sendable (tests capture their locals and change logs), so no Mutex holds them checked.
public final class FaultInjectingFileSystem: FileSystem, @unchecked Sendable {
    public enum Operation: String, CaseIterable, Sendable {
        case open, read, write, sync, truncate, rename, unlink, syncDirectory, makeDirectory
    }

    public enum Effect: Sendable, Equatable {
        case fail(errno: Int32)
        /// Writes the first `bytes` bytes of the write, then fails with `errno`.
        case shortWrite(bytes: Int, errno: Int32)
        /// SIGKILL, before the operation reaches the disk.
        case kill
    }

    public struct Fault: Sendable, Equatable {
        /// nil: the n-th operation of any kind.
        public var operation: Operation?
        /// Counting from 1, from the moment the fault is armed.
        public var at: Int
        public var permanent: Bool
        public var effect: Effect

        public init(_ operation: Operation?, at: Int, permanent: Bool = false, effect: Effect = .fail(errno: EIO)) {
            self.operation = operation
            self.at = at
            self.permanent = permanent
            self.effect = effect
        }
    }

    private let base: any FileSystem
    private let lock = NSLock()
    private var counts: [Operation: Int] = [:]
    private var fault: Fault?
    private var armedAt = 0
    private var injectedCount = 0
    private var firstHit: Operation?
    private var undo = UndoLog()
    private var willPerformHook: ((Operation, String) -> Void)?
    private var didOpenHook: ((String) -> Void)?

    public init(base: any FileSystem = PosixFileSystem()) { self.base = base }

    /// Runs just before each counted operation, before an armed fault can hit it, with what the
    /// operation touches (a path, or "fd N"): e.g. another reader looks while a sync is under way.
    public var willPerform: ((Operation, String) -> Void)? {
        get { lock.withLock { willPerformHook } }
        set { lock.withLock { willPerformHook = newValue } }
    }

    /// Runs just after a file was opened, with its path.
    public var didOpen: ((String) -> Void)? {
        get { lock.withLock { didOpenHook } }
        set { lock.withLock { didOpenHook = newValue } }
    }

    /// Arms a fault, counting from now; replaces the one armed before.
    public func arm(_ fault: Fault) {
        lock.withLock {
            self.fault = fault
            armedAt = fault.operation.map { counts[$0, default: 0] } ?? counts.values.reduce(0, +)
        }
    }

    public func disarm() { lock.withLock { fault = nil } }

    /// Operations of this kind so far (failed ones included).
    public func count(_ operation: Operation) -> Int { lock.withLock { counts[operation, default: 0] } }
    public var totalCount: Int { lock.withLock { counts.values.reduce(0, +) } }
    /// How many operations a fault has hit.
    public var injected: Int { lock.withLock { injectedCount } }
    /// The kind of the first operation a fault hit.
    public var firstHitOperation: Operation? { lock.withLock { firstHit } }

    /// Runs the hook, counts the operation; returns the fault's effect if it hits this one.
    private func step(_ operation: Operation, _ target: String) -> Effect? {
        willPerform?(operation, target)
        return lock.withLock {
            counts[operation, default: 0] += 1
            guard let fault, fault.operation == nil || fault.operation == operation else { return nil }
            let n = (fault.operation.map { counts[$0, default: 0] } ?? counts.values.reduce(0, +)) - armedAt
            guard n == fault.at || (fault.permanent && n > fault.at) else { return nil }
            injectedCount += 1
            if firstHit == nil { firstHit = operation }
            return fault.effect
        }
    }

    private func inject(_ effect: Effect?, _ operation: Operation, _ what: String) throws {
        switch effect {
        case nil, .shortWrite?: return
        case .fail(let code)?: throw StoreIOError(operation.rawValue, what + " (injected)", code: code)
        case .kill?: Glibc.kill(getpid(), SIGKILL); while true { pause() }
        }
    }

    // MARK: The operations

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws -> Int32 {
        try inject(step(.open, path), .open, path)
        let before = flags & O_TRUNC != 0 ? try? base.readFile(path) : nil
        let fd = try base.open(path, flags, mode)
        lock.withLock {
            guard let file = FileID(fd) else { return }
            undo.paths[file] = path
            if let before, !before.isEmpty { undo.record(.data(file, offset: 0, length: before.count, old: before, oldSize: Int64(before.count))) }
        }
        didOpen?(path)
        return fd
    }

    public func close(_ fd: Int32) { base.close(fd) }

    public func read(_ fd: Int32, count: Int, at offset: Int64) throws -> [UInt8] {
        try inject(step(.read, "fd \(fd)"), .read, "fd \(fd)")
        return try base.read(fd, count: count, at: offset)
    }

    public func size(_ fd: Int32) throws -> Int64 { try base.size(fd) }

    public func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) throws {
        let effect = step(.write, "fd \(fd)")
        try inject(effect, .write, "fd \(fd)")
        var part = bytes
        if case .shortWrite(let n, _)? = effect { part = Array(bytes.prefix(n)) }
        try rememberOldBytes(fd, offset: offset, count: part.count)
        try base.write(fd, part, at: offset)
        if case .shortWrite(_, let code)? = effect {
            throw StoreIOError("write", "fd \(fd) (injected after \(part.count) of \(bytes.count) bytes)", code: code)
        }
    }

    public func sync(_ fd: Int32) throws {
        let effect = step(.sync, "fd \(fd)")
        let file = FileID(fd)
        if case .fail? = effect, let file { lock.withLock { undo.syncFailed(file) } }
        try inject(effect, .sync, "fd \(fd)")
        try base.sync(fd)
        if let file { lock.withLock { undo.synced(file) } }
    }

    public func truncate(_ fd: Int32, to length: Int64) throws {
        try inject(step(.truncate, "fd \(fd)"), .truncate, "fd \(fd)")
        let size = try base.size(fd)
        if length < size { try rememberOldBytes(fd, offset: length, count: Int(size - length)) }
        try base.truncate(fd, to: length)
    }

    public func rename(_ from: String, _ to: String) throws {
        try inject(step(.rename, from), .rename, from)
        var backup: String?
        if (try? base.status(to)) != nil {
            let name = (to as NSString).deletingLastPathComponent + "/" + Self.backupPrefix + UUID().uuidString
            if Glibc.link(to, name) == 0 { backup = name }
        }
        do {
            try base.rename(from, to)
        } catch {
            if let backup { try? base.unlink(backup) }
            throw error
        }
        lock.withLock { undo.renamed(from: from, to: to, backup: backup) }
    }

    public func unlink(_ path: String) throws {
        try inject(step(.unlink, path), .unlink, path)
        try base.unlink(path)
        lock.withLock { undo.paths = undo.paths.filter { $0.value != path } }
    }

    public func syncDirectory(_ path: String) throws {
        let effect = step(.syncDirectory, path)
        try inject(effect, .syncDirectory, path)
        try base.syncDirectory(path)
        let backups = lock.withLock { undo.directorySynced(path) }
        for backup in backups { try? base.unlink(backup) }
    }

    public func listDirectory(_ path: String) throws -> [String] {
        try base.listDirectory(path).filter { !$0.hasPrefix(Self.backupPrefix) }
    }

    public func makeDirectory(_ path: String, _ mode: mode_t) throws {
        try inject(step(.makeDirectory, path), .makeDirectory, path)
        try base.makeDirectory(path, mode)
    }

    public func setMode(_ path: String, _ mode: mode_t) throws { try base.setMode(path, mode) }
    public func setGroup(_ path: String, _ group: gid_t) throws { try base.setGroup(path, group) }
    public func status(_ path: String) throws -> FileStatus? { try base.status(path) }
    public func linkStatus(_ path: String) throws -> FileStatus? { try base.linkStatus(path) }

    // MARK: The crash

    /// What a power cut right now could leave: every write, truncation and rename that is not yet
    /// durable is taken back, newest first. Call it after the store is done with the files (the
    /// process "died"), then open them again with another `FileSystem`.
    public func crash() {
        var log = lock.withLock { () -> UndoLog in
            defer { undo = UndoLog() }
            return undo
        }
        for entry in log.entries.reversed() {
            switch entry.change {
            case .data(let file, let offset, _, let old, let oldSize):
                guard let path = log.paths[file] else { continue }
                let fd = Glibc.open(path, O_RDWR | O_CLOEXEC)
                guard fd >= 0, FileID(fd) == file else { if fd >= 0 { Glibc.close(fd) }; continue }
                try? base.write(fd, old, at: offset)
                _ = ftruncate(fd, off_t(oldSize))
                Glibc.close(fd)
            case .rename(let from, let to, let backup):
                _ = Glibc.rename(to, from)
                for (file, path) in log.paths where path == to { log.paths[file] = from }
                if let backup {
                    _ = Glibc.rename(backup, to)
                    for (file, path) in log.paths where path == backup { log.paths[file] = to }
                }
            }
        }
    }

    static let backupPrefix = ".fault-undo-"

    private func rememberOldBytes(_ fd: Int32, offset: Int64, count: Int) throws {
        guard let file = FileID(fd) else { return }
        let oldSize = try base.size(fd)
        let old = offset < oldSize ? try base.read(fd, count: min(count, Int(oldSize - offset)), at: offset) : []
        lock.withLock { undo.record(.data(file, offset: offset, length: count, old: old, oldSize: oldSize)) }
    }
}

/// A file by device and inode: the store renames files while their writes are still undoable.
struct FileID: Hashable {
    let device: UInt64
    let inode: UInt64

    init?(_ fd: Int32) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// What is not yet durable, oldest first.
struct UndoLog {
    enum Change {
        /// `length` bytes were written at `offset` (or cut there); `old` and `oldSize` put them back.
        case data(FileID, offset: Int64, length: Int, old: [UInt8], oldSize: Int64)
        case rename(from: String, to: String, backup: String?)
    }

    struct Entry {
        var change: Change
        /// Lost by a failed sync: no later sync makes it durable.
        var lost = false
    }

    var entries: [Entry] = []
    /// Where each file is now.
    var paths: [FileID: String] = [:]

    mutating func record(_ change: Change) { entries.append(Entry(change: change)) }

    mutating func renamed(from: String, to: String, backup: String?) {
        for (file, path) in paths where path == to { paths[file] = backup }
        for (file, path) in paths where path == from { paths[file] = to }
        record(.rename(from: from, to: to, backup: backup))
    }

    /// A successful sync makes the file's pending writes durable, and the lost ones too where a
    /// later write covered the same bytes again (those pages were dirtied anew).
    mutating func synced(_ file: FileID) {
        var keep: [Entry] = []
        for (i, entry) in entries.enumerated() {
            guard case .data(file, let offset, let length, _, _) = entry.change else { keep.append(entry); continue }
            guard entry.lost else { continue }
            let range = offset..<(offset + Int64(max(length, 1)))
            let rewritten = entries[(i + 1)...].contains { later in
                guard !later.lost, case .data(file, let o, let l, _, _) = later.change else { return false }
                return (o..<(o + Int64(max(l, 1)))).overlaps(range)
            }
            if !rewritten { keep.append(entry) }
        }
        entries = keep
    }

    mutating func syncFailed(_ file: FileID) {
        for i in entries.indices {
            if case .data(file, _, _, _, _) = entries[i].change { entries[i].lost = true }
        }
    }

    /// Returns the backups no longer needed.
    mutating func directorySynced(_ directory: String) -> [String] {
        var backups: [String] = []
        entries.removeAll { entry in
            guard case .rename(_, let to, let backup) = entry.change,
                  (to as NSString).deletingLastPathComponent == directory else { return false }
            if let backup { backups.append(backup) }
            return true
        }
        return backups
    }

}
