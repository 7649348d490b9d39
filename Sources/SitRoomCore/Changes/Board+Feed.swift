import Foundation

// Applying a feed's figures (`feed.report`) and taking them back (`feed.revert`). A feed is not an
// officer: its figures carry the feed's own time, and a figure the board has from after that time
// is newer and stays.

extension Board {
    /// How far a feed's input time may be ahead of the change that brings it (clocks drift).
    public static let feedClockSkew: TimeInterval = 300

    mutating func replayFeed(_ change: Change) throws {
        switch change.action {
        case .reportFeed(let id, let report):
            guard let index = hospitals.index(forKey: id) else { throw ChangeError.unknown("hospital", id) }
            try require(!report.source.trimmingCharacters(in: .whitespaces).isEmpty, "a feed report needs its source", field: "source")
            try require(!report.isEmpty, "a feed report must give at least one figure", field: "report")
            try require(report.asOf <= change.at.addingTimeInterval(Self.feedClockSkew),
                        "the feed's input time \(ISO8601.format(report.asOf)) is after the report was made (\(ISO8601.format(change.at)))",
                        field: "asOf")
            let taken = feedFigures(id, report)
            let stamp = Stamp(at: report.asOf, by: report.source)
            if !taken.beds.isEmpty {
                try hospitals.values[index].validate(taken.beds.report)
            }
            if !taken.capability.isEmpty { try validate(taken.capability) }
            if !taken.beds.isEmpty { hospitals.values[index].record(taken.beds.report, stamp: stamp) }
            if !taken.capability.isEmpty {
                var cap = capabilities[id] ?? HospitalCapability(hospitalId: id)
                for (code, status) in taken.capability.conditions { cap.conditions[code] = Reported(status, stamp) }
                for (code, value) in taken.capability.equipment { cap.equipment[code] = Reported(value, stamp) }
                capabilities[id] = cap
            }
            // A figure this report speaks of loses its old conflict; a new disagreement replaces it.
            let spoken = Set(taken.spoken)
            var conflicts = (feedConflicts[id] ?? []).filter { !spoken.contains($0.figure) }
            conflicts += taken.conflicts
            feedConflicts[id] = conflicts.isEmpty ? nil : conflicts

        case .revertFeed(let id, let undo):
            guard var h = hospitals[id] else { throw ChangeError.unknown("hospital", id) }
            try require(undo.capability.hospitalId == id,
                        "the capability to revert to is hospital \(undo.capability.hospitalId)'s, not \(id)'s", field: "record")
            for field in undo.fields { h.revert(field, to: undo.hospital) }
            try h.validate()
            hospitals[id] = h
            var cap = capabilities[id] ?? HospitalCapability(hospitalId: id)
            for code in undo.keys.conditions { cap.conditions[code] = undo.capability.conditions[code] }
            for code in undo.keys.equipment { cap.equipment[code] = undo.capability.equipment[code] }
            capabilities[id] = cap.isEmpty ? nil : cap
            feedConflicts[id] = undo.conflicts.isEmpty ? nil : undo.conflicts

        default:
            preconditionFailure("not a feed change: \(change.action.type)")
        }
    }

    /// The figures of `report` newer than what the board has, and where they disagree with a
    /// figure entered by hand within the conflict window.
    func feedFigures(_ id: String, _ report: FeedReport) -> FeedFigures {
        var taken = FeedFigures()
        guard let hospital = hospitals[id] else { return taken }
        let feedStamp = Stamp(at: report.asOf, by: report.source)
        func consider<T: Equatable>(_ name: String, _ feed: T, _ current: Reported<T>?, shown: (T) -> String) -> Bool {
            taken.spoken.append(name)
            if let current, current.by != report.source, abs(current.at.timeIntervalSince(report.asOf)) <= FeedReport.conflictWindow,
               current.value != feed {
                taken.conflicts.append(FeedConflict(figure: name, hand: shown(current.value), handStamp: current.stamp,
                                                    feed: shown(feed), feedStamp: feedStamp))
            }
            // Older figures give way; one of the same time only if it differs (a second import is a no-op).
            return current.map { $0.at < report.asOf || ($0.at == report.asOf && $0.value != feed) } ?? true
        }
        func beds(_ label: String, _ feed: Capacity?, _ current: Reported<Capacity>?, _ set: (inout HospitalReport, Capacity) -> Void) {
            guard var feed else { return }
            // The feed says how many are free, not how many are staffed: the board's staffed count stays.
            let staffed = max(current?.value.staffed ?? feed.staffed, feed.available)
            feed = Capacity(available: feed.available, staffed: staffed)
            // Compared on what the feed reports: the free beds.
            let hand = current.map { Reported(Capacity(available: $0.value.available, staffed: staffed), $0.stamp) }
            if consider(label, feed, hand, shown: { "\($0.available)/\($0.staffed)" }) {
                set(&taken.beds.report, feed)
                taken.beds.fields.append(label)
            }
        }
        beds(Hospital.Figure.erBeds.label, report.erBeds, hospital.erBeds) { $0.erBeds = $1 }
        beds(Hospital.Figure.icuBeds.label, report.icuBeds, hospital.icuBeds) { $0.icuBeds = $1 }
        beds(Hospital.Figure.nicuBeds.label, report.nicuBeds, hospital.nicuBeds) { $0.nicuBeds = $1 }
        let cap = capabilities[id]
        for (code, status) in report.capability.conditions.sorted(by: { $0.key < $1.key }) {
            let name = conditions.condition(code: code)?.short ?? code
            if consider(name, status, cap?.conditions[code], shown: { $0.availability.mark }) {
                taken.capability.conditions[code] = status
            }
        }
        for (code, value) in report.capability.equipment.sorted(by: { $0.key < $1.key }) {
            let item = Equipment.item(code: code)
            let shown: (Int) -> String = { item?.isCount == false ? ($0 == 0 ? "no" : "yes") : "\($0)" }
            if consider(item?.english ?? code, value, cap?.equipment[code], shown: shown) {
                taken.capability.equipment[code] = value
            }
        }
        return taken
    }
}

/// What a feed report changes on the board (see `Board.feedFigures`).
struct FeedFigures {
    struct Beds {
        var report = HospitalReport()
        var fields: [String] = []
        var isEmpty: Bool { fields.isEmpty }
    }
    var beds = Beds()
    var capability = CapabilityReport()
    var conflicts: [FeedConflict] = []
    /// Every figure the report gives, taken or not.
    var spoken: [String] = []
}

/// What a feed report would do to the board, for an import's report.
public struct FeedEffect: Sendable, Equatable {
    /// The figures it sets, in words.
    public var taken: [String]
    /// How many figures it gives that the board has newer.
    public var kept: Int
    public var conflicts: [FeedConflict]
}

extension Board {
    public func feedEffect(_ id: String, _ report: FeedReport) -> FeedEffect {
        let figures = feedFigures(id, report)
        let conditionCodes = figures.capability.conditions.keys.sorted()
        let equipmentCodes = figures.capability.equipment.keys.sorted()
        // A long list is said as its count (the conflicts name the ones that matter); a short one by name.
        let conditionWords = conditionCodes.count == conditions.conditions.count && conditionCodes.count > 1
            ? ["all \(conditionCodes.count) conditions"]
            : conditionCodes.count > 8 ? ["\(conditionCodes.count) conditions"]
            : conditionCodes.map { conditions.condition(code: $0)?.short ?? $0 }
        let equipmentWords = equipmentCodes.count > 3
            ? ["\(equipmentCodes.count) equipment items"] : equipmentCodes.map { Equipment.item(code: $0)?.english ?? $0 }
        let takenCount = figures.beds.fields.count + conditionCodes.count + equipmentCodes.count
        // A disagreement the board already shows is not news (the same response imported again).
        let shown = feedConflicts[id] ?? []
        return FeedEffect(taken: figures.beds.fields + conditionWords + equipmentWords,
                          kept: figures.spoken.count - takenCount, conflicts: figures.conflicts.filter { !shown.contains($0) })
    }
}

extension Board {
    /// A feed report is undone by `feed.revert` of exactly the figures it gave (beds, capability)
    /// and the hospital's conflicts as they were; a revert by another revert (redo).
    func feedInverse(of change: Change) -> Undo? {
        let id: String
        let fields: [Hospital.Figure]
        let keys: CapabilityKeys
        switch change.action {
        case .reportFeed(let hospitalId, let report):
            id = hospitalId
            fields = [report.erBeds.map { _ in .erBeds }, report.icuBeds.map { _ in .icuBeds },
                      report.nicuBeds.map { _ in .nicuBeds }].compactMap { $0 }
            keys = report.capability.keys
        case .revertFeed(let hospitalId, let undo):
            id = hospitalId
            fields = undo.fields
            keys = undo.keys
        default:
            return nil
        }
        guard let hospital = hospitals[id] else { return nil }
        let undo = FeedUndo(fields: fields, hospital: hospital, keys: keys,
                            capability: capabilities[id] ?? HospitalCapability(hospitalId: id),
                            conflicts: feedConflicts[id] ?? [])
        return Undo(action: .revertFeed(id: id, undo), description: "undo: \(hospital.name) feed figures")
    }
}

extension Board {
    /// The hospital's feed conflicts still worth showing: those with a value from the last
    /// `FeedReport.conflictWindow` (an old disagreement has been overtaken by events).
    public func feedConflicts(of id: String, at now: Date) -> [FeedConflict] {
        (feedConflicts[id] ?? []).filter {
            now.timeIntervalSince(max($0.handStamp.at, $0.feedStamp.at)) <= FeedReport.conflictWindow
        }
    }
}
