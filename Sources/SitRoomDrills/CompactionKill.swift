import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomProcess
#if canImport(Glibc)
import Glibc
#endif

/// Kill during compaction at each step: a child process compacts with a `FileSystem` that
/// SIGKILLs it at its n-th file operation, for n = 1, 2, ... until the compaction completes.
/// After each kill the parent reopens the directory: the board must be exactly the acknowledged
/// one, the next compaction must clear whatever the dead child left, and no journal may hold
/// garbage before a record.
public enum CompactionKill {
    public enum Mode: String, CaseIterable, Sendable {
        /// `ChangeLog.compact()`: snapshot, new journal, CURRENT, archive, under the lock.
        case foreground
        /// `startCompaction()` on another thread, two commits while it writes, then the switch.
        case background
    }

    public struct Row: Sendable, CustomStringConvertible {
        public var mode: Mode
        /// Kills (one per file operation of the compaction, and of the commits during it).
        public var kills = 0
        /// Kills that left a partial file or a `.tmp` behind for the next compaction to remove.
        public var leftovers = 0
        public var seconds = 0.0

        public var description: String {
            String(format: "%@ compaction: killed at each of its %d file operations, %d left files behind (all removed by the next compaction), %.1f s",
                   mode.rawValue, kills, leftovers, seconds)
        }
    }

    static let prefilled = 12

    // MARK: The child

    /// Compacts `directory`, to be killed at the `killAt`-th file operation; prints `ok <seq>` for
    /// each change saved meanwhile, and `done <operations>` if it got to the end.
    public static func child(directory: String, mode: Mode, killAt: Int) throws {
        // Unbuffered: what was said before the kill must reach the parent.
        func say(_ line: String) { _ = Array((line + "\n").utf8).withUnsafeBytes { write(1, $0.baseAddress, $0.count) } }
        let fs = FaultInjectingFileSystem()
        let log = try ChangeLog.open(DataDirectory(directory, fs: fs))
        log.policy = CompactionPolicy(maxRecords: .max, maxInterval: .infinity, background: false)
        let start = fs.totalCount
        fs.arm(.init(nil, at: killAt, effect: .kill))
        switch mode {
        case .foreground:
            try log.compact()
        case .background:
            log.startCompaction()
            for _ in 0..<2 {
                let result = log.commit(DrillChanges.entry(Int(log.seq) + 1))
                if let seq = result.seq { say("ok \(seq)") }
            }
            log.finishCompaction(waiting: true)
            guard log.generation == 3 else { throw DrillFailure("the background compaction did not switch (generation \(log.generation))") }
        }
        say("done \(fs.totalCount - start)")
    }

    // MARK: The parent

    /// Runs the drill for `mode`: `executable` is a `sitroom-drill` to run children with.
    public static func drill(_ mode: Mode, executable: String, scratch: String, limit: Int = 500) throws -> Row {
        let started = Date()
        var row = Row(mode: mode)
        for n in 1...limit {
            let path = scratch + "/kill-\(mode.rawValue)"
            try? FileManager.default.removeItem(atPath: path)
            var ledger = try prepare(path)
            let (status, output) = try DrillChild.run([executable, "compaction-kill", "--child", "--dir", path,
                                                      "--mode", mode.rawValue, "--kill-at", "\(n)"])
            let context = "\(mode.rawValue) compaction killed at operation \(n)"
            var next = ledger.saved.count + 1
            for line in output.split(separator: "\n") where line.hasPrefix("ok ") {
                guard Int(line.dropFirst(3)) == next else { throw DrillFailure("\(context): the child said \(line), expected ok \(next)") }
                ledger.acknowledge(DrillChanges.entry(next))
                next += 1
            }
            let killed = status == 128 + SIGKILL
            guard killed || status == 0 else { throw DrillFailure("\(context): the child failed (\(status)): \(output)") }
            if killed && mode == .background { ledger.uncertain = [DrillChanges.entry(next)] }  // a commit may have been in flight
            try check(path, ledger, context, leftovers: &row.leftovers)
            if !killed {
                guard output.contains("done") else { throw DrillFailure("\(context): the child ended without finishing") }
                row.seconds = Date().timeIntervalSince(started)
                return row
            }
            row.kills += 1
        }
        throw DrillFailure("\(mode.rawValue): the compaction was still being killed after \(limit) operations")
    }

    /// A directory with one earlier compaction (so that this one archives into history/).
    static func prepare(_ path: String) throws -> Ledger {
        let dir = DataDirectory(path)
        try dir.create()
        let log = try ChangeLog.open(dir)
        log.policy = CompactionPolicy(maxRecords: .max, maxInterval: .infinity, background: false)
        var ledger = Ledger()
        try ledger.commit((1...prefilled / 2).map(DrillChanges.entry), to: log)
        try log.compact()
        try ledger.commit((prefilled / 2 + 1...prefilled).map(DrillChanges.entry), to: log)
        return ledger
    }

    static func check(_ path: String, _ ledger: Ledger, _ context: String, leftovers: inout Int) throws {
        try JournalInspection.checkNoGarbageBeforeRecords(in: path)
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        if names.contains(where: { $0.contains(".partial-") || $0.hasSuffix(".tmp") }) { leftovers += 1 }
        let reopened: ChangeLog
        do { reopened = try ChangeLog.open(DataDirectory(path)) } catch {
            throw DrillFailure("\(context): cannot reopen: \(error)")
        }
        try ledger.verify(reopened, context)
        // The next commit and compaction work, and clear what the dead process left.
        let seq = reopened.seq
        guard reopened.commit(DrillChanges.entry(Int(seq) + 1)) == .saved(seq + 1) else { throw DrillFailure("\(context): cannot write after reopening") }
        try reopened.compact()
        let after = try FileManager.default.contentsOfDirectory(atPath: path)
        if let stray = after.first(where: { $0.contains(".partial-") || $0.hasSuffix(".tmp") }) {
            throw DrillFailure("\(context): \(stray) is still there after the next compaction")
        }
        let again = try ChangeLog.open(DataDirectory(path))
        guard again.seq == seq + 1, again.board == reopened.board else { throw DrillFailure("\(context): the next compaction changed the board") }
    }
}

/// A child `sitroom-drill`, run to its end: its exit status (128 + signal if killed) and stdout.
enum DrillChild {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = Spawn.run(arguments)
        if result.status == 127, result.stdout.isEmpty { throw DrillFailure("cannot run \(arguments[0]): \(result.stderr)") }
        return (result.status, result.stdout)
    }
}
