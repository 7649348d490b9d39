import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomWire

/// `sitroom check`'s walk through every generation, oldest first: each file's checksums, the
/// changes' sequence numbers running on with no gap from one journal to the next, and each
/// snapshot against the replay of the journals that lead to it. With `repair`, a damaged snapshot
/// the replay reaches is written again from it (the live one is what opening needs).
///
/// A gap (a damaged record, a journal missing) stops the replay until the next good snapshot;
/// the changes in it, and the moments of the history that needed them, are reported as damage.
struct CheckWalk {
    private struct SnapshotEntry {
        let name: String
        let path: String
        let folder: String
        let file: CheckedFile?
        /// From the header when the file is whole; else where the journals say it must be.
        var seq: UInt64?
        /// Why it cannot be read (missing, checksum mismatch, ...); nil when whole.
        var damage: String?
        var done = false
    }

    let dir: DataDirectory
    let repair: Bool
    /// The live generation, whose snapshot opening needs and whose journal is still written.
    let current: Int
    private let fs: any FileSystem
    private(set) var report = CheckReport()
    /// The replayed board; nil before the first good snapshot and after a gap, until the next one.
    private(set) var board: Board?
    private(set) var seq: UInt64 = 0
    /// Changes from `from` on are in no journal read so far; `resumes`: the first one after them seen.
    private var gap: (from: UInt64, resumes: UInt64?, file: String)?
    private var snapshots: [Int: SnapshotEntry] = [:]
    /// Snapshots (by generation) to compare with the board once the replay is at their sequence.
    private var due: [UInt64: [Int]] = [:]
    /// A snapshot that could not be read nor rebuilt before the replay had started: the history
    /// from its sequence has no board to start from until the next good snapshot.
    private var unanchored: (from: UInt64, name: String)?
    /// The last snapshot the replay started from or found equal to it.
    private var lastGood: String?
    private(set) var rebuiltLive = false
    /// The live journal's tail, for the verdict and the repair of a torn record.
    private(set) var liveTail: JournalTail = .clean
    private(set) var liveJournalSize = 0

    init(dir: DataDirectory, repair: Bool, current: Int) {
        self.dir = dir
        self.repair = repair
        self.current = current
        fs = dir.fs
    }

    private mutating func say(_ line: String) { report.lines.append(line) }

    private mutating func damage(_ file: String, _ sequences: ClosedRange<UInt64>?, _ text: String, repaired: Bool = false) {
        report.damage.append(CheckDamage(file: file, sequences: sequences, repaired: repaired, text: text))
        say(text)
    }

    mutating func run(_ generations: [CheckedGeneration]) {
        for gen in generations { readSnapshotHeader(gen, live: gen.number == current) }
        for gen in generations {
            if snapshots[gen.number] != nil { atSnapshot(gen.number) }
            readJournal(gen, live: gen.number == current)
        }
        if let gap {
            damage(gap.file, gap.from...(gap.resumes.map { max(gap.from, $0 - 1) } ?? gap.from),
                   "damage: the changes from sequence \(gap.from) on are in no readable journal, and no later snapshot "
                       + "has the board: the board from sequence \(gap.from) on cannot be rebuilt")
        } else if board != nil {
            say("replay: every record applies; the board is at sequence \(seq)")
        }
    }

    // MARK: Snapshots

    /// Checks a snapshot's header and checksum (not its body, decoded when it is compared), and
    /// registers it to be compared once the replay reaches its sequence.
    private mutating func readSnapshotHeader(_ gen: CheckedGeneration, live: Bool) {
        guard gen.snapshot != nil || live else { return }
        let folder = gen.snapshot.map { parentDirectory(of: $0.path) } ?? dir.path
        var entry = SnapshotEntry(
            name: gen.snapshot?.name ?? "snapshot-\(gen.number).bin", path: gen.snapshot?.path ?? dir.snapshotPath(gen.number),
            folder: folder, file: gen.snapshot)
        if let file = gen.snapshot {
            do {
                entry.seq = try Snapshot.verify(try CheckFiles.bytes(of: file, fs: fs))
            } catch StoreError.badSnapshot(let why) {
                entry.damage = why
            } catch {
                entry.damage = "\(error)"
            }
        } else {
            entry.damage = "missing"
        }
        if entry.damage != nil {
            // The journal of its generation starts just after it (a compaction copies there what
            // was committed while the snapshot was written). An empty one: resolved on reaching it.
            entry.seq = gen.journal.flatMap { firstRecordSeq($0) }.map { $0 - 1 }
        }
        if let s = entry.seq { due[s, default: []].append(gen.number) }
        snapshots[gen.number] = entry
    }

    private func firstRecordSeq(_ file: CheckedFile) -> UInt64? {
        guard let head = try? fs.read(file.fd, count: JournalRecord.headerSize, at: 0), head.count == JournalRecord.headerSize else { return nil }
        let length = (0..<4).reduce(0) { $0 | Int(head[$1]) << (8 * $1) }
        guard length <= JournalRecord.maxPayload, let bytes = try? fs.read(file.fd, count: JournalRecord.headerSize + length, at: 0) else { return nil }
        return JournalScanner.record(in: bytes, at: 0)?.seq
    }

    /// A generation's snapshot, reached before its journal is read.
    private mutating func atSnapshot(_ number: Int) {
        guard var entry = snapshots[number], !entry.done else { return }
        if entry.damage == nil, let s = entry.seq {
            if board == nil || seq < s {
                startOver(at: entry)
            } else if seq == s {
                compare(number)
            } else {
                say("\(entry.name): ok, sequence \(s), checksum verified; not compared (the replay passed sequence \(s) before reaching it)")
            }
            snapshots[number]?.done = true
            return
        }
        // Damaged, and its journal is empty: it holds the board at the end of the journals before it.
        if entry.seq == nil, board != nil, gap == nil {
            entry.seq = seq
            snapshots[number] = entry
        }
        if let s = entry.seq, s == seq, board != nil {
            rebuild(number)
        } else {
            let why = entry.seq.map { "the replay of the journals does not reach its sequence \($0)" }
                ?? "the journals do not say which sequence it held"
            damage(entry.name, entry.seq.map { $0...$0 }, "\(entry.name): DAMAGED (\(entry.damage!)); it cannot be rebuilt: \(why)")
            snapshots[number]?.done = true
            if board == nil, unanchored == nil { unanchored = (entry.seq ?? 0, entry.name) }
        }
    }

    /// Starts the replay (again) from a whole snapshot; a gap before it becomes damage.
    private mutating func startOver(at entry: SnapshotEntry) {
        guard let file = entry.file, let s = entry.seq else { return }
        let decoded: (board: Board, seq: UInt64)
        do { decoded = try Snapshot.decode(try CheckFiles.bytes(of: file, fs: fs)) } catch {
            damage(entry.name, s...s, "\(entry.name): DAMAGED: \(error)")
            return
        }
        if let gap {
            let lastLost = min(gap.resumes ?? s + 1, s + 1) - 1
            reportLoss(gap.from...max(gap.from, lastLost), unreadable: gap.from..<s, file: gap.file, until: entry.name, at: s)
        } else if board != nil, seq < s {
            reportLoss(seq + 1...s, unreadable: seq + 1..<s, file: "the journals before \(entry.name)", until: entry.name, at: s)
        } else if board == nil, let lost = unanchored, lost.from < s {
            damage(lost.name, lost.from...s - 1, "damage: with \(lost.name) unreadable, the board at sequences \(lost.from)–\(s - 1) "
                + "cannot be rebuilt (`export --at`, briefings and trends in that range); from sequence \(s) (\(entry.name)) on the history is whole")
        }
        unanchored = nil
        board = decoded.board
        seq = s
        gap = nil
        lastGood = entry.name
        say("\(entry.name): ok, sequence \(s), \(file.size) bytes, checksum verified; the replay starts here")
    }

    private mutating func reportLoss(_ lost: ClosedRange<UInt64>, unreadable: Range<UInt64>, file: String, until name: String, at s: UInt64) {
        let changes = lost.count == 1 ? "change \(lost.lowerBound) is" : "changes \(lost.lowerBound)–\(lost.upperBound) are"
        let moments = unreadable.isEmpty ? "every moment can still be rebuilt"
            : "the board at sequences \(unreadable.lowerBound)–\(unreadable.upperBound - 1) cannot be rebuilt "
                + "(`export --at`, briefings and trends in that range)"
        damage(file, lost, "damage: \(changes) in no readable journal (noticed in \(file)); \(moments); "
            + "from sequence \(s) (\(name)) on the history is whole. --repair cannot bring back a lost change")
    }

    /// Compares a whole snapshot with the replay, which is at its sequence.
    private mutating func compare(_ number: Int) {
        guard let entry = snapshots[number], !entry.done, let board else { return }
        guard entry.damage == nil, let file = entry.file else {
            rebuild(number)
            return
        }
        snapshots[number]?.done = true
        do {
            let decoded = try Snapshot.decode(try CheckFiles.bytes(of: file, fs: fs))
            if decoded.board == board {
                lastGood = entry.name
                say("\(entry.name): ok, sequence \(seq), \(file.size) bytes, checksum verified, equal to the replay of the journals")
            } else {
                damage(entry.name, seq...seq, "\(entry.name): DAMAGED: its board differs from the replay of the journals up to sequence \(seq)")
            }
        } catch {
            damage(entry.name, seq...seq, "\(entry.name): DAMAGED: \(error)")
        }
    }

    /// A damaged snapshot whose sequence the replay is at: written again from the replay with
    /// `repair`, and read back to be sure.
    private mutating func rebuild(_ number: Int) {
        guard let entry = snapshots[number], let board else { return }
        snapshots[number]?.done = true
        let source = lastGood.map { "\($0) and the journals after it" } ?? "the journals"
        guard repair else {
            damage(entry.name, seq...seq, "\(entry.name): DAMAGED (\(entry.damage ?? "")); the board it held (sequence \(seq)) "
                + "can be rebuilt from \(source): run again with --repair")
            return
        }
        do {
            let bytes = try Snapshot.encode(board, seq: seq)
            try dir.writeDurably(bytes, to: entry.path, folder: entry.folder)
            guard let back = try fs.readFile(entry.path), try Snapshot.decode(back).board == board, try Snapshot.verify(back) == seq else {
                throw StoreError.badSnapshot("the rebuilt file does not read back to the same board")
            }
            if number == current { rebuiltLive = true }
            lastGood = entry.name
            damage(entry.name, seq...seq, "\(entry.name): was DAMAGED (\(entry.damage ?? "")); repair: rebuilt from \(source), "
                + "sequence \(seq), \(bytes.count) bytes, read back and verified", repaired: true)
        } catch {
            damage(entry.name, seq...seq, "\(entry.name): DAMAGED (\(entry.damage ?? "")); repair failed: \(error)")
        }
    }

    // MARK: Journals

    private mutating func readJournal(_ gen: CheckedGeneration, live: Bool) {
        guard let file = gen.journal else {
            let name = "journal-\(gen.number).log"
            if live {
                damage(name, nil, "\(name): missing")
            } else {
                say("\(name): missing (a gap in the changes, if it held any, is reported below)")
            }
            return
        }
        let bytes: [UInt8]
        do { bytes = try CheckFiles.bytes(of: file, fs: fs) } catch {
            damage(file.name, nil, "\(file.name): unreadable: \(error)")
            return
        }
        if live { liveJournalSize = bytes.count }
        // Every good record and every damaged spot first, so that the file's line comes before
        // what replaying it finds (a later snapshot compared on the way).
        var records: [ScannedRecord] = []
        var spots: [(bad: Int, after: UInt64?, next: Int, nextSeq: UInt64)] = []
        var tail = JournalTail.clean
        var offset = 0
        scanning: while true {
            let (found, end) = JournalScanner.scan(bytes, from: offset)
            records += found
            switch end {
            case .clean: break scanning
            case .torn:
                tail = end
                break scanning
            case .corrupt(let bad, let next, let nextSeq):
                spots.append((bad, records.last?.seq, next, nextSeq))
                tail = end
                offset = next
            }
        }
        let range = records.first.map { ", sequences \($0.seq)-\(records.last!.seq)" } ?? ""
        say("\(file.name): \(records.count) good record\(records.count == 1 ? "" : "s")\(range), \(bytes.count) bytes")
        for spot in spots {
            let after = spot.after.map { "after sequence \($0)" } ?? "at the start"
            damage(file.name, (spot.after ?? 0) + 1...max((spot.after ?? 0) + 1, spot.nextSeq &- 1),
                   "\(file.name): DAMAGED: a bad record at byte \(spot.bad) \(after); good records resume at sequence "
                       + "\(spot.nextSeq) (byte \(spot.next))")
        }
        for record in records { apply(record, from: file.name) }
        if live {
            // A torn record after a damaged one is not cut either: the damage comes first.
            liveTail = spots.first.map { .corrupt(offset: $0.bad, nextGoodOffset: $0.next, nextGoodSeq: $0.nextSeq) } ?? tail
            if !spots.isEmpty { say("nothing was changed; this is not a torn write and --repair will not cut it") }
        } else if case .torn(let at, let n) = tail {
            say("\(file.name): a torn last record, \(n) bytes at byte \(at), not part of the history")
        }
    }

    private mutating func apply(_ record: ScannedRecord, from file: String) {
        guard board != nil, record.seq > seq else { return }
        guard record.seq == seq + 1 else {
            if let g = gap {
                gap!.resumes = min(g.resumes ?? record.seq, record.seq)
            } else {
                gap = (seq + 1, record.seq, file)
            }
            return
        }
        gap = nil  // a later journal had the missing changes (a compaction copies its tail there)
        do {
            try board!.replay(try JournalRecord.decodeChange(record.payload))
        } catch {
            damage(file, record.seq...record.seq, "\(file): record \(record.seq) does not apply: \(error)")
            gap = (record.seq, nil, file)
            return
        }
        seq = record.seq
        for number in due.removeValue(forKey: seq) ?? [] { compare(number) }
    }
}
