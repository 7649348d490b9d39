import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomWire
#if canImport(Glibc)
import Glibc
#endif

/// When the writer folds the journal into a new snapshot.
public struct CompactionPolicy: Sendable {
    public var maxRecords: Int
    public var maxInterval: TimeInterval
    /// Write the snapshot on another thread (`startCompaction`), the default; false compacts
    /// inside the commit that crosses the threshold (deterministic, for tests and short tools).
    public var background: Bool

    public init(maxRecords: Int = 10_000, maxInterval: TimeInterval = 600, background: Bool = true) {
        self.maxRecords = maxRecords
        self.maxInterval = maxInterval
        self.background = background
    }
}

/// The ordered list of changes on disk, and the board it adds up to.
///
/// Any number of processes may hold a `ChangeLog` on one directory. A writer takes the directory's
/// lock only around an append: it first reads what others appended, re-checks its changes against
/// the board as it now is, appends, fsyncs, and only then reports them saved. Everyone else follows
/// with `refresh()`.
public final class ChangeLog {
    public enum Mode: Sendable { case write, readOnly }

    public let directory: DataDirectory
    public let mode: Mode
    public var policy = CompactionPolicy()
    public private(set) var board = Board()
    public private(set) var seq: UInt64 = 0
    public internal(set) var generation = 0
    /// Things recovery did or noticed (e.g. a torn last record cut off), for the officer to read.
    public private(set) var notes: [String] = []
    /// Set once the disk state is uncertain (a failed fsync we could not undo); no more writes until reopened.
    public private(set) var failure: String?
    /// A failed append could not be cut off (see `undoUnsyncedAppend`).
    private var unsyncedAppendToUndo = false
    /// The last `refresh()` found a writer mid-append and read nothing: call it again shortly.
    public private(set) var refreshPending = false
    public var origin: Origin?

    var fs: any FileSystem { directory.fs }
    var journalFD: Int32 = -1
    /// Where the next record goes: the end of the last good record read or written.
    var journalEnd: Int64 = 0
    var recordsInJournal = 0
    var lastCompaction = Date()
    private var lockFD: Int32 = -1
    /// A compaction writing its snapshot on another thread (see ChangeLog+Background.swift).
    var job: CompactionJob?

    private init(directory: DataDirectory, mode: Mode) {
        self.directory = directory
        self.mode = mode
    }

    deinit {
        if journalFD >= 0 { fs.close(journalFD) }
        if lockFD >= 0 { fs.close(lockFD) }
    }

    /// Opens and recovers: loads the snapshot, replays the journal. A writer cuts a torn last record
    /// (and says so in `notes`); a damaged record followed by good ones refuses to open.
    public static func open(_ directory: DataDirectory, mode: Mode = .write) throws -> ChangeLog {
        guard directory.exists else { throw directory.groupRefusal ?? StoreError.notADataDirectory(directory.path) }
        try directory.checkPermissions()
        let log = ChangeLog(directory: directory, mode: mode)
        if mode == .write {
            log.lockFD = try directory.createFile(directory.lockPath, O_RDWR)
        } else {
            // A shared lock is a read lock: a watcher still never writes anything.
            log.lockFD = (try? directory.fs.open(directory.lockPath, O_RDONLY, 0)) ?? -1
        }
        try log.locked(mode == .write ? LOCK_EX : LOCK_SH) { try log.catchUp(repair: mode == .write) }
        return log
    }

    // MARK: Writing

    /// Commits changes in order with one fsync for all (group commit). Each change is checked against
    /// the board as it is after every other console's appends; invalid ones are rejected, the rest saved.
    ///
    /// `deriving` is asked, under the same lock and after `changes` are applied, for changes that
    /// follow from the board as it now is (the alert rules' raises and clears): they go into the same
    /// fsync, so an ER saved as closed is never on disk without its alert. Their results follow those
    /// of `changes`. With no `changes` it only brings the derived state up to date.
    public func commit(_ changes: [Change], deriving: ((Board) -> [Change])? = nil) -> [CommitResult] {
        guard mode == .write else { return changes.map { _ in .rejected(ChangeError(StoreError.readOnly.description)) } }
        if unsyncedAppendToUndo { try? locked { undoUnsyncedAppend() } }
        if let failure { return changes.map { _ in .notSaved(failure) } }
        var results: [CommitResult] = []
        do {
            try locked {
                try catchUp(repair: true)
                var bytes: [UInt8] = []
                var accepted = 0
                var derived: [Change] = []
                var derivedAsked = false
                var queue = changes[...]
                while true {
                    // Nothing derived from a batch refused whole: its officer made no change.
                    if queue.isEmpty, !derivedAsked, let deriving, changes.isEmpty || accepted > 0 {
                        derivedAsked = true
                        derived = deriving(board)
                        queue = derived[...]
                    }
                    guard var change = queue.popFirst() else { break }
                    if let origin { change.origin = origin }
                    do {
                        try board.apply(change)
                        try JournalRecord.encode(change, seq: seq + 1, into: &bytes)
                        seq += 1
                        accepted += 1
                        results.append(.saved(seq))
                    } catch let error as ChangeError {
                        results.append(.rejected(error))
                    }
                }
                guard accepted > 0 else { return }
                do {
                    try fs.write(journalFD, bytes, at: journalEnd)
                    try fs.sync(journalFD)
                } catch {
                    results = results.map { r in r.seq == nil ? r : .notSaved("\(error)") }
                    undoUnsyncedAppend()
                    return
                }
                journalEnd += Int64(bytes.count)
                recordsInJournal += accepted
            }
        } catch {
            return changes.map { _ in .notSaved("\(error)") }
        }
        finishCompaction()
        if needsCompaction {
            if policy.background { startCompaction() } else { try? compact() }
        }
        return results
    }

    /// After a failed write or fsync the pages may be gone: never fsync again and call it saved.
    /// Cut the file back to the last acknowledged record and rebuild the board from disk. If even
    /// that fails, stop writing; the next commit tries the cut again before anything else.
    private func undoUnsyncedAppend() {
        do {
            try fs.truncate(journalFD, to: journalEnd)
            try fs.sync(journalFD)
            try reload()
            unsyncedAppendToUndo = false
            failure = nil
        } catch {
            unsyncedAppendToUndo = true
            failure = "\(error)"
        }
    }

    /// CURRENT names a generation a crash might not keep (its directory sync failed): appending to
    /// either journal could lose acknowledged changes. Reopening (a restart) reads whichever the
    /// disk holds; both are whole.
    func stopWriting(because error: any Error) {
        failure = "writing stopped, restart sitroom: \(error)"
    }

    /// The journal holds `maxRecords` records, or has any and the generation is `maxInterval` old
    /// (from its snapshot's time on disk: a process that opens, commits and exits is not young).
    var needsCompaction: Bool {
        recordsInJournal >= policy.maxRecords
            || (recordsInJournal > 0 && Date().timeIntervalSince(lastCompaction) >= policy.maxInterval)
    }

    // MARK: Following

    /// Applies what other processes appended since the last call. Returns the new changes with their
    /// sequence numbers (empty when nothing changed). Never repairs anything.
    ///
    /// Reads under a shared lock, so it never sees a record whose writer has not yet fsync'd it (and
    /// might still take it back after a failed fsync), and no compaction removes files under it. If a
    /// writer holds the lock it waits for that one append (or compaction) to finish; with
    /// `waiting: false` it reads nothing instead and sets `refreshPending`: call it again soon.
    @discardableResult
    public func refresh(waiting: Bool = true) throws -> [(seq: UInt64, change: Change)] {
        if waiting {
            refreshPending = false
            return try locked(LOCK_SH) { try catchUp(repair: false, collect: true) }
        }
        guard let changes = try lockedIfFree(LOCK_SH, { try catchUp(repair: false, collect: true) }) else {
            refreshPending = true
            return []
        }
        refreshPending = false
        return changes
    }

    // MARK: Compaction

    /// Writes the board as a new snapshot and starts an empty journal. Crash-safe at every step:
    /// until CURRENT names the new generation, the old one is complete and untouched.
    ///
    /// Never waits: if another console is reading or writing right now it throws `busy` (an
    /// automatic compaction simply happens after a later commit).
    public func compact() throws {
        guard mode == .write else { throw StoreError.readOnly }
        let done: Void? = try lockedIfFree(LOCK_EX) {
            try catchUp(repair: true)
            let next = generation + 1
            try directory.writeDurably(try Snapshot.encode(board, seq: seq), to: directory.snapshotPath(next))
            let fd = try directory.createFile(directory.journalPath(next), O_RDWR | O_TRUNC)
            do {
                try fs.sync(fd)
                try fs.syncDirectory(directory.path)
                try directory.writeCurrent(next)
            } catch {
                fs.close(fd)
                if error is RenamedButNotDurable { stopWriting(because: error) }
                throw error
            }
            fs.close(journalFD)
            journalFD = fd
            generation = next
            journalEnd = 0
            recordsInJournal = 0
            lastCompaction = Date()
            directory.removeOldGenerations(keep: next)
        }
        if done == nil { throw StoreError.busy }
    }

    /// A clean exit: installs a snapshot being written, and compacts only if the policy asks for
    /// it (by size or age, as after any commit). A short writer (`apply` of a few lines) leaves its
    /// changes in the journal: writing the whole board for them cost 20 MB on the large scenario.
    public func close() {
        finishCompaction(waiting: true)
        if mode == .write, needsCompaction, failure == nil { try? compact() }
    }

    // MARK: Reading the files

    @discardableResult
    func locked<T>(_ kind: Int32 = LOCK_EX, _ body: () throws -> T) throws -> T {
        guard lockFD >= 0 else { return try body() }
        while flock(lockFD, kind) != 0 {
            if errno != EINTR { throw StoreIOError("lock", directory.lockPath, code: errno) }
        }
        defer { flock(lockFD, LOCK_UN) }
        return try body()
    }

    /// Runs `body` under the lock if it can be had at once; nil if another process holds it.
    func lockedIfFree<T>(_ kind: Int32, _ body: () throws -> T) throws -> T? {
        guard lockFD >= 0 else { return try body() }
        while flock(lockFD, kind | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { return nil }
            if errno != EINTR { throw StoreIOError("lock", directory.lockPath, code: errno) }
        }
        defer { flock(lockFD, LOCK_UN) }
        return try body()
    }

    private func reload() throws {
        if journalFD >= 0 { fs.close(journalFD) }
        journalFD = -1
        generation = 0
        try catchUp(repair: false)
    }

    /// Brings the board up to the end of the journal: follows a new generation if one was made,
    /// then applies every complete record after `journalEnd`.
    @discardableResult
    /// With `collect`, returns the changes read (a follower shows them); opening a large journal
    /// without keeping 200,000 of them in memory at once.
    func catchUp(repair: Bool, collect: Bool = false) throws -> [(seq: UInt64, change: Change)] {
        var applied: [(seq: UInt64, change: Change)] = []
        let current = try directory.readCurrent()
        if current != generation {
            if generation > 0, current > generation {
                // Another console compacted: read what is left of our old journal so that every
                // change is seen once, then move on.
                applied += try readJournal(repair: false, collect: collect)
            }
            try switchTo(generation: current)
        }
        applied += try readJournal(repair: repair, collect: collect)
        return applied
    }

    /// Opens generation `gen`. Both files are read before any state changes, so a failure leaves
    /// this log as it was and the next call starts again from CURRENT.
    private func switchTo(generation gen: Int) throws {
        let snapshotPath = directory.snapshotPath(gen)
        let fd = try fs.open(directory.journalPath(gen), mode == .write ? O_RDWR : O_RDONLY, 0)
        var loaded: (board: Board, seq: UInt64)?
        do {
            if try generation == 0 || seq < snapshotSeq(snapshotPath) {
                guard let bytes = try fs.readFile(snapshotPath) else { throw StoreError.badSnapshot("missing") }
                loaded = try Snapshot.decode(bytes)
            }
        } catch {
            fs.close(fd)
            throw Self.repairable(error, snapshot: snapshotPath, in: directory)
        }
        if journalFD >= 0 { fs.close(journalFD) }
        journalFD = fd
        journalEnd = 0
        recordsInJournal = 0
        if let loaded { (board, seq) = loaded }
        generation = gen
        lastCompaction = directory.modificationTime(snapshotPath) ?? Date()
    }

    /// A missing or damaged snapshot of the live generation, as the error that names the command
    /// rebuilding it; other errors (permissions, I/O) as they are.
    private static func repairable(_ error: any Error, snapshot path: String, in directory: DataDirectory) -> any Error {
        let file = (path as NSString).lastPathComponent
        switch error {
        case StoreError.badSnapshot(let why): return StoreError.snapshotNeedsRepair(file: file, why: why, directory: directory.path)
        case let io as StoreIOError where io.code == ENOENT:
            return StoreError.snapshotNeedsRepair(file: file, why: "missing", directory: directory.path)
        default: return error
        }
    }

    private func snapshotSeq(_ path: String) throws -> UInt64 {
        let fd = try fs.open(path, O_RDONLY, 0)
        defer { fs.close(fd) }
        let head = try fs.read(fd, count: Snapshot.headerSize, at: 0)
        guard head.count == Snapshot.headerSize else { throw StoreError.badSnapshot("truncated") }
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(head[8 + $1]) << (8 * UInt64($1)) }
    }

    private func readJournal(repair: Bool, collect: Bool) throws -> [(seq: UInt64, change: Change)] {
        let size = try fs.size(journalFD)
        if size < journalEnd {
            // Cut back below what we read: never append past the end of the file. Start again from disk.
            try reload()
            return []
        }
        guard size > journalEnd else { return [] }
        // Read a chunk at a time: with a whole journal read at once, opening the large scenario
        // held its 18 MB and a 9 MB array of scanned records besides the board.
        var applied: [(seq: UInt64, change: Change)] = []
        var count = 0
        let (goodEnd, tail) = try JournalStream.scan(fs: fs, fd: journalFD, from: journalEnd, to: size) { record in
            count += 1
            if record.seq <= seq { return true }  // already in the snapshot we loaded
            guard record.seq == seq + 1 else {
                throw StoreError.divergent(seq: record.seq, reason: "expected sequence \(seq + 1)")
            }
            let change: Change
            do {
                change = try JournalRecord.decodeChange(record.payload)
                try board.replay(change)
            } catch {
                throw StoreError.divergent(seq: record.seq, reason: "\(error)")
            }
            seq = record.seq
            if collect { applied.append((record.seq, change)) }
            return true
        }
        journalEnd += Int64(goodEnd)
        recordsInJournal += count
        switch tail {
        case .clean:
            break
        case .torn(_, let count):
            // Under the lock nobody is mid-append, so these bytes are a dead writer's torn record.
            // Without the lock they may be a live writer's record still arriving: wait for it.
            if repair {
                try fs.truncate(journalFD, to: journalEnd)
                try fs.sync(journalFD)
                notes.append("cut off a torn last record (\(count) bytes) after sequence \(seq)")
            }
        case .corrupt(let offset, let nextOffset, let nextSeq):
            throw StoreError.corruptJournal(
                file: (directory.journalPath(generation) as NSString).lastPathComponent,
                afterSeq: seq, badOffset: Int(journalEnd) - Int(goodEnd) + offset,
                resumesAtSeq: nextSeq, resumesAtOffset: Int(journalEnd) - Int(goodEnd) + nextOffset)
        }
        return applied
    }
}
