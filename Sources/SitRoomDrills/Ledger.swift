import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomWire

/// What a drill's writer was told about its changes.
///
/// "Acknowledged" means exactly: `ChangeLog.commit` returned `.saved`. Such a change must be on
/// disk after any failure and any crash. A change the log answered `.notSaved` for must NOT be on
/// disk, with one exception the API states: if that commit left `ChangeLog.failure` set (the log
/// could not undo its own append and stopped writing), the changes of that one commit may or may
/// not be there (a prefix of them). A process killed in the middle of a commit is the same: that
/// commit's changes may or may not be there, since nobody was told either way.
public struct Ledger {
    /// The changes saved, in sequence order (including those made before the drill began).
    public private(set) var saved: [Change] = []
    /// The one commit whose outcome is not known (poisoned log, or the process was killed in it).
    public var uncertain: [Change] = []

    public init(saved: [Change] = []) { self.saved = saved }

    /// A change another process said it saved (`ok <seq>`).
    public mutating func acknowledge(_ change: Change) { saved.append(change) }

    /// Commits and records the answer; throws if the log breaks its own contract.
    public mutating func commit(_ changes: [Change], to log: ChangeLog) throws {
        let healthyBefore = log.failure == nil
        let results = log.commit(changes)
        for (change, result) in zip(changes, results) {
            switch result {
            case .saved(let seq):
                guard seq == UInt64(saved.count + 1) else {
                    throw DrillFailure("saved as #\(seq), but \(saved.count) changes were saved before it")
                }
                saved.append(change)
            case .notSaved:
                if healthyBefore, log.failure != nil, uncertain.isEmpty { uncertain.append(change) }
            case .rejected(let error):
                throw DrillFailure("a valid change was rejected: \(error)")
            }
        }
        if !healthyBefore, results.contains(where: { $0.seq != nil }) {
            // It may start again only by cutting off the append it could not undo before.
            guard log.failure == nil else { throw DrillFailure("a log that had stopped writing (\(log.failure ?? "")) saved a change") }
            uncertain = []
        }
    }

    /// The board the saved changes add up to, plus the first `extra` uncertain ones.
    public func board(withUncertain extra: Int = 0) throws -> Board {
        var board = Board()
        for change in saved + uncertain.prefix(extra) { try board.apply(change) }
        return board
    }

    /// Checks a log reopened after the failure (and the crash): exactly the saved changes, or
    /// those and a prefix of the uncertain commit.
    public func verify(_ reopened: ChangeLog, _ context: String) throws {
        let extra = Int(reopened.seq) - saved.count
        guard extra >= 0 else {
            throw DrillFailure("\(context): LOST acknowledged changes: reopened at #\(reopened.seq), \(saved.count) were saved")
        }
        guard extra <= uncertain.count else {
            throw DrillFailure("\(context): reopened at #\(reopened.seq), but only \(saved.count) were saved"
                + (uncertain.isEmpty ? " and the log never said its state was uncertain" : " (+\(uncertain.count) uncertain)"))
        }
        guard reopened.board == (try board(withUncertain: extra)) else {
            throw DrillFailure("\(context): the reopened board is not the board of the saved changes (#\(reopened.seq))")
        }
    }
}

public struct DrillFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The drills' changes: log entries numbered from 1, so that any one can be made again.
public enum DrillChanges {
    static let t0 = Date(timeIntervalSince1970: 1_795_430_000)

    public static func entry(_ n: Int) -> Change {
        Change(officer: "drill", at: t0.addingTimeInterval(Double(n)),
               action: .addLog(LogEntry(id: "drill-\(n)", eventTime: t0, text: "drill entry \(n) 서울")))
    }
}

/// The journals of a directory hold no damage: a bad record is only ever the last one.
public enum JournalInspection {
    public static func checkNoGarbageBeforeRecords(in directory: String) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix("journal-") {
            let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))) ?? Data())
            if case .corrupt(let offset, _, let nextSeq) = JournalScanner.scan(bytes).tail {
                throw DrillFailure("\(name): garbage at byte \(offset) followed by a valid record (#\(nextSeq))")
            }
        }
    }
}
