import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomWire
#if canImport(Glibc)
import Glibc
#endif

/// The board as it was at any earlier moment, read from the journals kept in `history/` and the
/// live generations: for `sitroom export --at`, briefings ("since the last briefing") and trends.
///
/// Opening takes the shared lock only long enough to open every file, so it never holds up a
/// writer while it reads; what it sees is the journal as it was at that moment.
public final class History {
    /// A moment in the history (the same for every store's history).
    public typealias Point = HistoryPoint

    private struct Generation {
        var number: Int
        var journal: Int32?
        /// Bytes of the journal to read (the live one may grow while we read).
        var journalSize: Int64
        var snapshot: Int32?
    }

    private let fs: any FileSystem
    private var generations: [Generation] = []

    private init(fs: any FileSystem) { self.fs = fs }

    deinit {
        for g in generations {
            if let fd = g.journal { fs.close(fd) }
            if let fd = g.snapshot { fs.close(fd) }
        }
    }

    public static func open(_ directory: DataDirectory) throws -> History {
        guard directory.exists else { throw directory.groupRefusal ?? StoreError.notADataDirectory(directory.path) }
        let history = History(fs: directory.fs)
        let lock = (try? directory.fs.open(directory.lockPath, O_RDONLY, 0)) ?? -1
        if lock >= 0 {
            while flock(lock, LOCK_SH) != 0, errno == EINTR {}
        }
        defer { if lock >= 0 { directory.fs.close(lock) } }  // closing releases the lock
        var numbers = Set<Int>()
        var paths: [Int: (journal: String?, snapshot: String?)] = [:]
        for folder in [directory.historyPath, directory.path] {
            for name in (try? directory.fs.listDirectory(folder)) ?? [] {
                guard let g = DataDirectory.generation(of: name) else { continue }
                numbers.insert(g)
                if name.hasPrefix("journal-") { paths[g, default: (nil, nil)].journal = folder + "/" + name }
                if name.hasPrefix("snapshot-") { paths[g, default: (nil, nil)].snapshot = folder + "/" + name }
            }
        }
        let current = try directory.readCurrent()
        for g in numbers.sorted() where g <= current {
            let p = paths[g]!
            var gen = Generation(number: g, journal: nil, journalSize: 0, snapshot: nil)
            if let path = p.journal, let fd = try? directory.fs.open(path, O_RDONLY, 0) {
                gen.journal = fd
                gen.journalSize = (try? directory.fs.size(fd)) ?? 0
            }
            if let path = p.snapshot { gen.snapshot = try? directory.fs.open(path, O_RDONLY, 0) }
            history.generations.append(gen)
        }
        return history
    }

    /// The board just after `point`, and the sequence number of the last change in it.
    public func board(at point: Point) throws -> (board: Board, seq: UInt64) {
        try walk(to: point, visiting: false) { _, _, _ in }
    }

    /// The board at `point` (handed to `starting` before any later change); then calls `visit` after
    /// each later change is applied, with the board as it then is. Returns the board at `point`.
    @discardableResult
    public func replay(
        from point: Point, starting: (Board, UInt64) throws -> Void = { _, _ in },
        _ visit: (UInt64, Change, Board) throws -> Void
    ) throws -> (board: Board, seq: UInt64) {
        try walk(to: point, visiting: true, starting: starting, visit)
    }

    /// Like `replay`, but the boards it hands on hold only the incident and the hospitals: the
    /// snapshot's other tables are not decoded and changes to them are not applied (their sequence
    /// numbers are still visited). For the sparklines, which look at nothing else: a second whole
    /// board, log included, was most of a console's peak memory on a large directory.
    func replayHospitals(
        from point: Point, starting: (Board, UInt64) throws -> Void, _ visit: (UInt64, Change, Board) throws -> Void
    ) throws {
        _ = try walk(to: point, visiting: true, hospitalsOnly: true, starting: starting, visit)
    }

    private func walk(
        to point: Point, visiting: Bool, hospitalsOnly: Bool = false,
        starting: (Board, UInt64) throws -> Void = { _, _ in }, _ visit: (UInt64, Change, Board) throws -> Void
    ) throws -> (board: Board, seq: UInt64) {
        do {
            let snapshot = try startingSnapshot(for: point, hospitalsOnly: hospitalsOnly)
            return try walk(to: point, from: snapshot, visiting: visiting, hospitalsOnly: hospitalsOnly, starting: starting, visit)
        } catch StoreError.historyUnavailable(let why) where Self.isBriefing(point) {
            // A briefing marked with an `at` earlier than the changes before it (a backdated line
            // of `apply`) lies before the snapshot its time chose: look for it from the start.
            guard let first = try firstSnapshot(hospitalsOnly: hospitalsOnly) else { throw StoreError.historyUnavailable(why) }
            return try walk(to: point, from: first, visiting: visiting, hospitalsOnly: hospitalsOnly, starting: starting, visit)
        }
    }

    private static func isBriefing(_ point: Point) -> Bool {
        if case .briefing = point { true } else { false }
    }

    private func firstSnapshot(hospitalsOnly: Bool) throws -> (index: Int, (board: Board, seq: UInt64))? {
        guard let index = generations.firstIndex(where: { $0.snapshot != nil }), let fd = generations[index].snapshot else { return nil }
        return (index, try Snapshot.decode(try fs.read(fd, count: Int(try fs.size(fd)), at: 0), hospitalsOnly: hospitalsOnly))
    }

    private func walk(
        to point: Point, from snapshot: (index: Int, (board: Board, seq: UInt64)), visiting: Bool, hospitalsOnly: Bool,
        starting: (Board, UInt64) throws -> Void, _ visit: (UInt64, Change, Board) throws -> Void
    ) throws -> (board: Board, seq: UInt64) {
        let (startIndex, start) = snapshot
        var board = start.board
        var seq = start.seq
        var atPoint: (board: Board, seq: UInt64)?
        for gen in generations[startIndex...] {
            var done = false
            try forEachChange(of: gen, after: seq) { s, change in
                guard s == seq + 1 else {
                    throw StoreError.historyUnavailable("the history has no changes \(seq + 1)–\(s - 1)")
                }
                if atPoint == nil, Self.isBeyond(point, seq: s, change: change) {
                    atPoint = (board, seq)
                    try starting(board, seq)
                    guard visiting else {
                        done = true
                        return false
                    }
                }
                if !hospitalsOnly || change.action.changesHospitals { try board.replay(change) }
                seq = s
                if atPoint != nil {
                    try visit(s, change, board)
                } else if case .briefing(let b) = point, case .markBriefing(let marked) = change.action, marked.id == b.id {
                    atPoint = (board, seq)
                    try starting(board, seq)
                    guard visiting else {
                        done = true
                        return false
                    }
                }
                return true
            }
            if done { return atPoint! }
        }
        if let atPoint { return atPoint }
        if case .briefing(let b) = point { throw StoreError.historyUnavailable("briefing \"\(b.title)\" is not in it") }
        try starting(board, seq)
        return (board, seq)
    }

    /// When change `seq` was made, if the history still has it.
    public func time(ofChange seq: UInt64) throws -> Date? {
        for gen in generations.reversed() {
            let records = try records(of: gen)
            guard let first = records.first, first.seq <= seq else { continue }
            return try records.first { $0.seq == seq }.map { try JournalRecord.decodeChange($0.payload).at }
        }
        return nil
    }

    /// Whether the change with sequence `seq` comes after `point`.
    private static func isBeyond(_ point: Point, seq: UInt64, change: Change) -> Bool {
        switch point {
        case .seq(let n): seq > n
        case .time(let t): change.at > t
        // A briefing's point is its own change, wherever it is; `walk` stops there.
        case .briefing: false
        }
    }

    /// The newest snapshot that is not past `point`: every change in it was made at or before it.
    /// A damaged one is passed over for an older one (`sitroom check --repair` rebuilds it).
    private func startingSnapshot(for point: Point, hospitalsOnly: Bool) throws -> (index: Int, (board: Board, seq: UInt64)) {
        var damaged: (any Error)?
        for index in generations.indices.reversed() {
            guard let fd = generations[index].snapshot else { continue }
            let seq: UInt64
            do { seq = try snapshotSeq(fd) } catch {
                damaged = damaged ?? error
                continue
            }
            let usable: Bool
            switch point {
            case .seq(let n): usable = seq <= n
            case .time(let t):
                usable = try seq == 0 || lastChangeTime(before: index, seq: seq).map { $0 <= t } ?? false
            case .briefing(let b):
                // Strictly before: the briefing's own change must come after the snapshot, so that
                // the walk can stop on it.
                usable = try seq == 0 || lastChangeTime(before: index, seq: seq).map { $0 < b.marked.at } ?? false
            }
            guard usable else { continue }
            let bytes = try fs.read(fd, count: Int(try fs.size(fd)), at: 0)
            do { return (index, try Snapshot.decode(bytes, hospitalsOnly: hospitalsOnly)) } catch let error as StoreError {
                damaged = damaged ?? error
            }
        }
        if let damaged { throw damaged }
        let first = generations.first { $0.snapshot != nil }?.number
        throw StoreError.historyUnavailable(first.map { "the history starts with generation \($0), after \(Self.describe(point))" }
            ?? "no snapshot is left to start from")
    }

    /// The time of change `seq`, the last one of the generation before `index` (nil if not there).
    private func lastChangeTime(before index: Int, seq: UInt64) throws -> Date? {
        guard index > 0 else { return nil }
        return try records(of: generations[index - 1]).last { $0.seq == seq }.map { try JournalRecord.decodeChange($0.payload).at }
    }

    /// The good records of a generation's journal, not decoded (a torn or damaged tail is left
    /// out: the history is the good records).
    private func records(of gen: Generation) throws -> [ScannedRecord] {
        guard let fd = gen.journal, gen.journalSize > 0 else { return [] }
        return JournalScanner.scan(try fs.read(fd, count: Int(gen.journalSize), at: 0)).records
    }

    /// Decodes the changes after `seq` one at a time, for as long as `body` returns true. Nothing
    /// is kept: replaying 200,000 changes holds one of them, and a chunk of the journal, at a time.
    private func forEachChange(of gen: Generation, after seq: UInt64, _ body: (UInt64, Change) throws -> Bool) throws {
        guard let fd = gen.journal, gen.journalSize > 0 else { return }
        try JournalStream.scan(fs: fs, fd: fd, to: gen.journalSize) { record in
            guard record.seq > seq else { return true }
            return try body(record.seq, try JournalRecord.decodeChange(record.payload))
        }
    }

    private func snapshotSeq(_ fd: Int32) throws -> UInt64 {
        let head = try fs.read(fd, count: Snapshot.headerSize, at: 0)
        guard head.count == Snapshot.headerSize else { throw StoreError.badSnapshot("truncated snapshot in the history") }
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(head[8 + $1]) << (8 * UInt64($1)) }
    }

    private static func describe(_ point: Point) -> String {
        switch point {
        case .seq(let n): "sequence \(n) is not in it"
        case .time(let t): "\(ISO8601.format(t)) is not in it"
        case .briefing(let b): "briefing \"\(b.title)\" is not in it"
        }
    }
}
