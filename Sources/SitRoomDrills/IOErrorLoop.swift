import Foundation
import SitRoomCore
import SitRoomStore

/// SQLite's I/O-error loop over the change log: run a realistic workload with the n-th file
/// operation of one kind failing (once, or from then on), for n = 1, 2, 3 ... until a run never
/// reaches the n-th; after every run, crash (only fsync'd data and synced renames survive), reopen
/// and check that exactly the acknowledged changes are there.
public enum IOErrorLoop {
    public typealias Operation = FaultInjectingFileSystem.Operation

    /// One row of the drill: a kind of fault, how many runs it took, how many faults hit.
    public struct Row: Sendable, CustomStringConvertible {
        public var operation: Operation?
        public var permanent: Bool
        public var effect: FaultInjectingFileSystem.Effect
        public var runs = 0
        public var injected = 0
        /// Runs in which the log stopped writing and said so (`failure`).
        public var poisoned = 0
        /// Runs that still saved every change of the workload.
        public var unharmed = 0

        public var description: String {
            let what: String
            switch effect {
            case .fail(let code): what = String(cString: strerror(code))
            case .shortWrite(let n, _): what = "short write of \(n) bytes"
            case .kill: what = "kill"
            }
            return "\(operation?.rawValue ?? "any op") \(permanent ? "from n on" : "n-th only") (\(what)): \(runs) runs, "
                + "\(injected) faults, \(poisoned) stopped writing and said so, \(unharmed) saved everything"
        }
    }

    /// The workload: one commit at a time, group commits, a compaction in between, a background
    /// compaction with commits while it writes, a clean exit that compacts; each time the log
    /// answers, the ledger records it.
    static func workload(_ log: ChangeLog, _ ledger: inout Ledger, next: inout Int) throws {
        func commit(_ count: Int) throws {
            try ledger.commit((0..<count).map { DrillChanges.entry(next + $0) }, to: log)
            next += count
        }
        for _ in 0..<3 { try commit(1) }
        try commit(4)
        try? log.compact()
        try commit(1)
        try commit(3)
        log.startCompaction()
        try commit(1)
        log.finishCompaction(waiting: true)
        try commit(2)
        try? log.compact()
        try commit(1)
    }

    public static let prefilled = 3

    /// One run with `fault` armed from the moment the log is opened. Returns whether it hit,
    /// and whether the log stopped writing.
    public static func run(_ fault: FaultInjectingFileSystem.Fault, in scratch: String) throws -> (hit: Bool, poisoned: Bool, unharmed: Bool) {
        let path = scratch + "/data"
        try? FileManager.default.removeItem(atPath: path)
        let plain = DataDirectory(path)
        try plain.create()
        var ledger = Ledger()
        do {
            let setup = try ChangeLog.open(plain)
            try ledger.commit((1...prefilled).map(DrillChanges.entry), to: setup)
        }
        let fs = FaultInjectingFileSystem()
        var context: String {
            "\(fault.operation?.rawValue ?? "operation") #\(fault.at)\(fault.permanent ? " and on" : "") \(fault.effect)"
                + (fs.firstHitOperation.map { " (hit: \($0.rawValue))" } ?? "")
        }
        var next = prefilled + 1
        var poisoned = false
        fs.arm(fault)
        if let log = try? ChangeLog.open(DataDirectory(path, fs: fs)) {
            log.policy = CompactionPolicy(maxRecords: .max, maxInterval: .infinity, background: false)
            try workload(log, &ledger, next: &next)
            fs.disarm()
            // Space is back (or the disk works again): writing resumes at once, unless the log
            // stopped and said so.
            if log.failure == nil {
                let before = ledger.saved.count
                try ledger.commit([DrillChanges.entry(next)], to: log)
                guard ledger.saved.count == before + 1 else { throw DrillFailure("\(context): writing did not resume once the fault was gone") }
                next += 1
                // Nothing that was not saved shows on the board.
                guard log.board == (try ledger.board()) else { throw DrillFailure("\(context): the live board is not the board of the saved changes") }
            } else {
                // Stopped, and said so: it either stays stopped or first cuts off what it could not.
                poisoned = true
                try ledger.commit([DrillChanges.entry(next)], to: log)
                next += 1
            }
        }
        let hit = fs.injected > 0
        let unharmed = ledger.saved.count == next - 1
        try JournalInspection.checkNoGarbageBeforeRecords(in: path)
        fs.crash()
        try JournalInspection.checkNoGarbageBeforeRecords(in: path)
        let reopened: ChangeLog
        do { reopened = try ChangeLog.open(plain) } catch {
            throw DrillFailure("\(context): cannot reopen after the crash: \(error)")
        }
        try ledger.verify(reopened, context)
        guard reopened.commit(DrillChanges.entry(10_000)).seq == reopened.seq else {
            throw DrillFailure("\(context): the reopened log cannot write")
        }
        return (hit, poisoned, unharmed)
    }

    /// Runs n = 1, 2, 3 ... until the fault no longer hits (at most `limit` runs).
    public static func loop(_ operation: Operation?, permanent: Bool, effect: FaultInjectingFileSystem.Effect,
                            in scratch: String, limit: Int = 10_000) throws -> Row {
        var row = Row(operation: operation, permanent: permanent, effect: effect)
        var n = 1
        while n <= limit {
            let outcome = try run(FaultInjectingFileSystem.Fault(operation, at: n, permanent: permanent, effect: effect), in: scratch)
            row.runs += 1
            guard outcome.hit else { break }
            row.injected += 1
            if outcome.poisoned { row.poisoned += 1 }
            if outcome.unharmed { row.unharmed += 1 }
            n += 1
        }
        if n > limit { throw DrillFailure("\(operation?.rawValue ?? "any"): the workload still hit the fault after \(limit) runs") }
        return row
    }

    /// Every kind, once and from then on, with `errno`.
    public static func allRows(errno code: Int32, in scratch: String) throws -> [Row] {
        var rows: [Row] = []
        for operation in [nil] + Operation.allCases {
            for permanent in [false, true] {
                rows.append(try loop(operation, permanent: permanent, effect: .fail(errno: code), in: scratch))
            }
        }
        return rows
    }

    /// Every write cut short after `bytes` bytes (once), for each of `sizes`.
    public static func shortWriteRows(sizes: [Int], in scratch: String) throws -> [Row] {
        try sizes.map { try loop(.write, permanent: false, effect: .shortWrite(bytes: $0, errno: ENOSPC), in: scratch) }
    }
}
