import Foundation
import SitRoomCore
import SitRoomStore

/// The end of a crash drill: every change in the data directory's whole history (`history/` and
/// the live generation), from sequence 1, against what the writers sent and were told was saved.
struct CrashVerdict {
    var lastSeq: UInt64 = 0
    var generations = 0
    /// Acknowledged but not in the history.
    var lost: [String] = []
    /// In the history more than once (acknowledged or not).
    var duplicated: [String] = []
    /// Acknowledged as #N but found at another sequence number.
    var misplaced: [String] = []
    /// Tagged changes the drill never sent.
    var unknown: [String] = []
    var unacknowledgedPresent = 0
    var unacknowledgedAbsent = 0
    /// Changes without a drill tag (alerts a writer raised, say).
    var untagged = 0
    var failures: [String] = []

    var passed: Bool { failures.isEmpty && lost.isEmpty && duplicated.isEmpty && misplaced.isEmpty && unknown.isEmpty }
}

enum CrashVerification {
    static func verify(data: String, sent: [String], acks: [Ack]) -> CrashVerdict {
        var verdict = CrashVerdict()
        let directory = DataDirectory(data)
        var found: [String: [UInt64]] = [:]
        do {
            var expected: UInt64 = 1
            // History.replay itself refuses a gap; the sequence is checked here again from 1.
            try History.open(directory).replay(from: .seq(0)) { seq, change, _ in
                if seq != expected { verdict.failures.append("sequence \(seq) follows \(expected - 1): not gap-free") }
                expected = seq + 1
                verdict.lastSeq = seq
                if case .addLog(let entry) = change.action, let tag = drillTag(in: entry.text) {
                    found[tag, default: []].append(seq)
                } else {
                    verdict.untagged += 1
                }
            }
            let log = try ChangeLog.open(directory, mode: .readOnly)
            verdict.generations = log.generation
            if log.seq != verdict.lastSeq {
                verdict.failures.append("the live log is at #\(log.seq), the history ends at #\(verdict.lastSeq)")
            }
            // The board agrees with the history: each tagged entry on it once.
            var onBoard: [String: Int] = [:]
            for entry in log.board.log { if let tag = drillTag(in: entry.text) { onBoard[tag, default: 0] += 1 } }
            for (tag, seqs) in found where onBoard[tag] != seqs.count {
                verdict.failures.append("[\(tag)] is \(seqs.count)x in the history, \(onBoard[tag] ?? 0)x on the board")
            }
            for tag in onBoard.keys where found[tag] == nil { verdict.failures.append("[\(tag)] is on the board, not in the history") }
        } catch {
            verdict.failures.append("cannot read the history: \(error)")
            return verdict
        }
        let sentSet = Set(sent)
        let acked = Dictionary(acks.map { ($0.tag, $0.seq) }, uniquingKeysWith: { a, _ in a })
        if acked.count != acks.count { verdict.failures.append("\(acks.count - acked.count) tags acknowledged twice") }
        for (tag, seqs) in found {
            if seqs.count > 1 { verdict.duplicated.append("[\(tag)] at #" + seqs.map(String.init).joined(separator: ", #")) }
            if !sentSet.contains(tag) { verdict.unknown.append(tag) }
        }
        for (tag, seq) in acked {
            guard let seqs = found[tag] else {
                verdict.lost.append("[\(tag)] acknowledged as #\(seq)")
                continue
            }
            if seqs.first != seq { verdict.misplaced.append("[\(tag)] acknowledged as #\(seq), found at #\(seqs[0])") }
        }
        for tag in sentSet where acked[tag] == nil {
            if found[tag] == nil { verdict.unacknowledgedAbsent += 1 } else { verdict.unacknowledgedPresent += 1 }
        }
        return verdict
    }
}
