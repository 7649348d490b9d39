import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomStore

/// Creates a data directory with its default alert rules and condition table, optionally filled
/// with the demo situation.
enum DemoSetup {
    /// Returns the number of changes written.
    @discardableResult
    static func create(_ dir: DataDirectory, demo: Bool, group: gid_t? = nil) throws -> Int {
        try dir.create(group: group)
        try AlertRulesFile.writeDefault(in: dir)
        try ConditionsFile.writeDefault(in: dir)
        guard demo else { return 0 }
        let log = try ChangeLog.open(dir)
        defer { log.close() }
        let results = log.commit(DemoSituation.changes(now: Date()), deriving: AlertRulesFile.deriver(for: dir, officer: "kim.mohw"))
        if let bad = results.first(where: { $0.seq == nil }) { throw StoreError.failed("demo data did not apply: \(bad)") }
        try log.compact()  // the demo starts from a snapshot of its own (closing compacts only by size or age)
        return results.count
    }
}
