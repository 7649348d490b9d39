import Foundation
import SitRoomCore
import SitRoomWire
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot being written on another thread: the board as it was at `seq`, the end of record
/// `seq` in the journal of `generation`, and the outcome once the file is durable.
final class CompactionJob: Sendable {
    let generation: Int
    let seq: UInt64
    let offset: Int64
    let recordsBefore: Int
    let partialPath: String
    /// The new journal (empty, fsync'd) and the new CURRENT (fsync'd), made on the worker thread
    /// too, so that the switch under the lock is renames and one directory sync or two.
    let journalPartialPath: String
    let currentPartialPath: String
    private let outcome = Mutex<Result<Void, any Error>?>(nil)
    /// Signalled by `finish`; a waiter signals it again on its way out, so that it stays open.
    private let finished = DispatchSemaphore(value: 0)

    init(generation: Int, seq: UInt64, offset: Int64, recordsBefore: Int, directory: DataDirectory, suffix: String) {
        self.generation = generation
        self.seq = seq
        self.offset = offset
        self.recordsBefore = recordsBefore
        partialPath = directory.snapshotPath(generation + 1) + suffix
        journalPartialPath = directory.journalPath(generation + 1) + suffix
        currentPartialPath = directory.path + "/CURRENT" + suffix
    }

    var partialPaths: [String] { [partialPath, journalPartialPath, currentPartialPath] }

    func finish(_ result: Result<Void, any Error>) {
        outcome.withLock { $0 = result }
        finished.signal()
    }

    func result(waiting: Bool) -> Result<Void, any Error>? {
        if waiting {
            finished.wait()
            finished.signal()
        }
        return outcome.withLock { $0 }
    }
}

extension ChangeLog {
    /// Numbers the jobs of this process: several change logs in one process (tests, the bench's
    /// writer threads) must never write the same partial file.
    static let jobNumbers = Atomic<Int>(0)

    /// Starts writing a snapshot of the board on another thread; commits go on meanwhile. The
    /// automatic compaction does this, so that a large board never stops the screen: encoding and
    /// syncing 20 MB takes half a second, switching to the new generation afterwards a few
    /// milliseconds (`finishCompaction`).
    ///
    /// The snapshot goes to a file of this job's own (`snapshot-N.bin.partial-PID-K`), which
    /// nobody reads until CURRENT names its generation, so it needs no lock while it is written.
    public func startCompaction() {
        guard mode == .write, job == nil, failure == nil else { return }
        let next = generation + 1
        let job = CompactionJob(generation: generation, seq: seq, offset: journalEnd, recordsBefore: recordsInJournal, directory: directory,
                                suffix: ".partial-\(getpid())-\(Self.jobNumbers.add(1, ordering: .relaxed).newValue)")
        self.job = job
        let board = self.board
        let fs = self.fs
        let directory = self.directory
        Thread.detachNewThread {
            do {
                let bytes = try Snapshot.encode(board, seq: job.seq)
                for (path, content) in [(job.partialPath, bytes), (job.journalPartialPath, []), (job.currentPartialPath, Array("\(next)\n".utf8))] {
                    let fd = try directory.createFile(path, O_WRONLY | O_TRUNC)
                    defer { fs.close(fd) }
                    if !content.isEmpty { try fs.write(fd, content, at: 0) }
                    try fs.sync(fd)
                }
                job.finish(.success(()))
            } catch {
                job.finish(.failure(error))
            }
        }
    }

    /// Whether a background compaction is under way.
    public var isCompacting: Bool { job != nil }

    /// Switches to the generation a background compaction wrote, once its snapshot is durable:
    /// under the lock, the journal records after the snapshot's sequence (those committed while it
    /// was written) are copied to the new journal, then CURRENT names the new generation. Cheap;
    /// called by every commit and by the run loop. With `waiting`, waits for the snapshot first.
    ///
    /// If another console compacted in the meantime, or the snapshot could not be written, the
    /// work is dropped and the next commit tries again later.
    public func finishCompaction(waiting: Bool = false) {
        guard let job, let outcome = job.result(waiting: waiting) else { return }
        self.job = nil
        guard case .success = outcome else {
            for path in job.partialPaths { try? fs.unlink(path) }
            lastCompaction = Date()  // try again after the usual interval, not at every commit
            return
        }
        do {
            let done: Bool? = try lockedIfFree(LOCK_EX) {
                try catchUp(repair: true)
                guard generation == job.generation else { return false }
                let next = generation + 1
                let tail = journalEnd > job.offset ? try fs.read(journalFD, count: Int(journalEnd - job.offset), at: job.offset) : []
                let fd = try fs.open(job.journalPartialPath, O_RDWR, 0)
                do {
                    if !tail.isEmpty {
                        // Committed while the snapshot was written: durable in the old journal,
                        // so durable in the new one before CURRENT names it.
                        try fs.write(fd, tail, at: 0)
                        try fs.sync(fd)
                    }
                    try fs.rename(job.partialPath, directory.snapshotPath(next))
                    try fs.rename(job.journalPartialPath, directory.journalPath(next))
                    try fs.syncDirectory(directory.path)
                    try fs.rename(job.currentPartialPath, directory.currentPath)
                    do { try fs.syncDirectory(directory.path) } catch {
                        throw RenamedButNotDurable(path: directory.currentPath, cause: error)
                    }
                } catch {
                    fs.close(fd)
                    throw error
                }
                fs.close(journalFD)
                journalFD = fd
                generation = next
                journalEnd = Int64(tail.count)
                recordsInJournal -= job.recordsBefore
                lastCompaction = Date()
                directory.removeOldGenerations(keep: next)
                return true
            }
            switch done {
            case true?: break
            case false?: for path in job.partialPaths { try? fs.unlink(path) }  // another console compacted first
            case nil: self.job = job  // busy: switch at a later call
            }
        } catch {
            for path in job.partialPaths { try? fs.unlink(path) }
            lastCompaction = Date()
            if error is RenamedButNotDurable { stopWriting(because: error) }
        }
    }
}
