import Foundation
import SitRoomCore

/// One change an import will make, with the row it comes from.
public struct PlannedChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case added, updated, agencyAdded }

    public var line: Int
    public var kind: Kind
    public var change: Change
    /// The line the report shows for it (an update's fields, a new agency), if any.
    public var detail: String?
    /// Where the row is, when not a line (see `ImportSkip.place`).
    public var place: String?

    public init(line: Int, kind: Kind, change: Change, detail: String? = nil, place: String? = nil) {
        self.line = line
        self.kind = kind
        self.change = change
        self.detail = detail
        self.place = place
    }
}

/// Rows read against the board: the changes to make and the report so far. Pure: making one
/// reads no file and writes nothing (see `HospitalImport.plan` and `ContactImport.plan`).
public struct ImportPlan: Sendable, Equatable {
    public var what: String
    public var changes: [PlannedChange] = []
    public var unchanged = 0
    public var skipped: [ImportSkip] = []
    public var preamble: [String] = []

    public init(what: String) { self.what = what }

    mutating func skip(_ line: Int, _ reason: String, place: String? = nil) {
        skipped.append(ImportSkip(line: line, reason: reason, place: place))
    }

    /// The report as if every change were saved (what `--dry-run` prints).
    public var report: ImportReport {
        var report = ImportReport(what: what)
        report.preamble = preamble
        report.added = changes.count { $0.kind == .added }
        report.updated = changes.count { $0.kind == .updated }
        report.agenciesAdded = changes.count { $0.kind == .agencyAdded }
        report.unchanged = unchanged
        report.skipped = skipped
        report.details = changes.compactMap(\.detail)
        return report
    }

    /// Commits the changes through `log` in group commits of `batchSize`, one change per record, so
    /// each record is whole or absent. A change the log rejects (another console changed the board
    /// since the plan was made) is reported as skipped with its reason; after a failed write nothing
    /// more is attempted and the report says what was not saved. `progress(done, total)` is called
    /// after each batch.
    public func commit(to log: ChangeLog, batchSize: Int = 500, progress: ((Int, Int) -> Void)? = nil) -> ImportReport {
        var report = ImportReport(what: what)
        report.preamble = preamble
        report.unchanged = unchanged
        report.skipped = skipped
        var done = 0
        var failure: (why: String, place: String)?
        var lost = 0
        for start in stride(from: 0, to: changes.count, by: max(1, batchSize)) {
            let batch = Array(changes[start..<min(changes.count, start + max(1, batchSize))])
            let results = log.commit(batch.map(\.change))
            for (planned, result) in zip(batch, results) {
                switch result {
                case .saved(let seq):
                    report.saved += 1
                    report.firstSeq = min(report.firstSeq ?? seq, seq)
                    report.lastSeq = max(report.lastSeq ?? seq, seq)
                    switch planned.kind {
                    case .added: report.added += 1
                    case .updated: report.updated += 1
                    case .agencyAdded: report.agenciesAdded += 1
                    }
                    if let detail = planned.detail { report.details.append(detail) }
                case .rejected(let error):
                    report.skipped.append(ImportSkip(line: planned.line, reason: error.message, place: planned.place))
                case .notSaved(let why):
                    if failure == nil { failure = (why, planned.place ?? "line \(planned.line)") }
                    lost += 1
                }
            }
            done += batch.count
            progress?(done, changes.count)
            if let failure {
                lost += changes.count - done
                report.notSaved = "\(failure.why): \(lost) change\(lost == 1 ? "" : "s") from \(failure.place) on "
                    + "\(lost == 1 ? "was" : "were") not written; import the file again once the fault is fixed"
                break
            }
        }
        return report
    }
}
