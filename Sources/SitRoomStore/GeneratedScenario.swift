import Foundation
import SitRoomCore

/// A data directory filled with a generated scenario (`sitroom init --generate`, and the
/// benchmarks): the set-up (`ScenarioGenerator.setupChanges()`, up to and including its log entries)
/// folded into the snapshot, then `spec.changes` changes in the journal on top of it, never compacted,
/// so that opening it means loading the snapshot and replaying the whole journal.
///
/// Written in group commits of `batchSize` changes (one fsync each). No alert rules are applied
/// while generating (a console raises the alerts when it first looks at the board); the
/// directory's `alerts.toml` holds the defaults.
public struct GeneratedScenario: Sendable, Equatable {
    public let spec: ScenarioSpec
    public let seed: UInt64
    /// The last change of the set-up: the snapshot's sequence number.
    public let snapshotSeq: UInt64
    /// The last change in the journal (`snapshotSeq + spec.changes`).
    public let lastSeq: UInt64

    public static let batchSize = 10_000

    public struct Progress: Sendable, Equatable {
        public enum Phase: Sendable, Equatable { case setup, changes }
        public var phase: Phase
        /// Changes of this phase written so far, and in all.
        public var done: Int
        public var total: Int
    }

    /// Creates `directory` (it must not exist, or be empty) and fills it. `progress` is called after
    /// each group commit. The later changes stay in the journal (its policy never compacts).
    @discardableResult
    public static func create(
        at directory: DataDirectory, spec: ScenarioSpec, seed: UInt64 = 1, now: Date = Date(), group: gid_t? = nil,
        progress: ((Progress) -> Void)? = nil
    ) throws -> GeneratedScenario {
        let generator = ScenarioGenerator(spec: spec, seed: seed, now: now)
        try directory.create(group: group)
        try AlertRulesFile.writeDefault(in: directory)
        try ConditionsFile.writeDefault(in: directory)
        let log = try ChangeLog.open(directory)
        log.policy = CompactionPolicy(maxRecords: .max, maxInterval: .infinity)

        let setup = generator.setupChanges()
        var start = 0
        while start < setup.count {
            let end = min(start + batchSize, setup.count)
            try commit(Array(setup[start..<end]), to: log, first: start, phase: "set-up")
            progress?(Progress(phase: .setup, done: end, total: setup.count))
            start = end
        }
        let snapshotSeq = log.seq
        try log.compact()

        var batch: [Change] = []
        batch.reserveCapacity(min(batchSize, spec.changes))
        var done = 0
        for change in generator.laterChanges() {
            batch.append(change)
            if batch.count == batchSize {
                try commit(batch, to: log, first: done, phase: "later")
                done += batch.count
                batch.removeAll(keepingCapacity: true)
                progress?(Progress(phase: .changes, done: done, total: spec.changes))
            }
        }
        if !batch.isEmpty {
            try commit(batch, to: log, first: done, phase: "later")
            done += batch.count
            progress?(Progress(phase: .changes, done: done, total: spec.changes))
        }
        return GeneratedScenario(spec: spec, seed: seed, snapshotSeq: snapshotSeq, lastSeq: log.seq)
    }

    private static func commit(_ changes: [Change], to log: ChangeLog, first: Int, phase: String) throws {
        for (i, result) in log.commit(changes).enumerated() {
            switch result {
            case .saved: continue
            case .rejected(let error):
                throw GeneratedScenarioError("\(phase) change #\(first + i + 1) (\(changes[i].action.type)) was refused: \(error)")
            case .notSaved(let why):
                throw GeneratedScenarioError("\(phase) change #\(first + i + 1) was not saved: \(why)")
            }
        }
    }
}

public struct GeneratedScenarioError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
