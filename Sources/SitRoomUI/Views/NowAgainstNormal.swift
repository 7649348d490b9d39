import Foundation
import SitRoomCore
import Synchronization

/// The national figures the summary strip holds against their normal-time baselines, where the
/// board has one: ERs able to treat each severe condition (the mean over the conditions that have
/// a baseline, as the ministry counts "27-cond ERs") and ER doctors on duty.
struct NowAgainstNormal: Equatable, Sendable {
    /// Conditions in the table.
    var conditions = 0
    /// Open or limited ERs reporting a condition available, averaged over the conditions with a
    /// baseline; and the baselines' average.
    var capableNow: Int?
    var capableNormal: Int?
    var doctorsNow = 0
    var doctorsNormal: Int?

    var isEmpty: Bool { capableNormal == nil && doctorsNormal == nil }

    init() {}

    init(_ board: Board, doctorsOnDuty: Int) {
        conditions = board.conditions.conditions.count
        doctorsNow = doctorsOnDuty
        doctorsNormal = board.baselines.national(BaselineFigure.erDoctorsOnDuty)
        let normals = board.conditions.conditions.compactMap { c in
            board.baselines.national(BaselineFigure.capable(c.code)).map { (c.code, $0) }
        }
        guard !normals.isEmpty else { return }
        var capable = Dictionary(uniqueKeysWithValues: normals.map { ($0.0, 0) })
        for (id, capability) in board.capabilities {
            guard let state = board.hospitals[id]?.erState, state == .open || state == .limited else { continue }
            for (code, status) in capability.conditions where status.value.availability == .available && capable[code] != nil {
                capable[code]! += 1
            }
        }
        let n = Double(normals.count)
        capableNow = Int((Double(capable.values.reduce(0, +)) / n).rounded())
        capableNormal = Int((Double(normals.reduce(0) { $0 + $1.1 }) / n).rounded())
    }
}

/// What capability figures cost to count, counted once: `NowAgainstNormal` per board, and the
/// matrix's marks per condition per board, filter and minute (3,000 rows by 27 conditions is too
/// much for every frame).
final class CapabilityCache: Sendable {
    struct TallyKey: Equatable {
        var board: UInt64
        var filter: String?
        var minute: Int
    }

    private struct State {
        var normal: (board: UInt64, value: NowAgainstNormal)?
        var tallies: (key: TallyKey, value: [CapabilityView.Tally])?
    }

    private let state = Mutex(State())

    func normal(board: UInt64, build: () -> NowAgainstNormal) -> NowAgainstNormal {
        if let hit = state.withLock({ $0.normal }), hit.board == board { return hit.value }
        let built = build()
        state.withLock { $0.normal = (board, built) }
        return built
    }

    func tallies(_ key: TallyKey, build: () -> [CapabilityView.Tally]) -> [CapabilityView.Tally] {
        if let hit = state.withLock({ $0.tallies }), hit.key == key { return hit.value }
        let built = build()
        state.withLock { $0.tallies = (key, built) }
        return built
    }
}

extension AppModel {
    var nowAgainstNormal: NowAgainstNormal {
        capabilityCache.normal(board: boardVersion) { NowAgainstNormal(board, doctorsOnDuty: summary.erDoctors.onDuty) }
    }

    /// The marks of each condition's column over the matrix's rows (filtered as shown).
    func capabilityTallies(_ rows: [TableRow]) -> [CapabilityView.Tally] {
        let key = CapabilityCache.TallyKey(board: boardVersion, filter: filters[.capability],
                                           minute: Int((now.timeIntervalSince1970 / 60).rounded(.down)))
        return capabilityCache.tallies(key) {
            CapabilityView.tallies(rows, conditions: board.conditions.conditions.count)
        }
    }
}

extension SummaryStrip {
    /// What the strip adds to its lines for the baselines: `27-cond ERs 99/109 91%` on the first and
    /// `ER doctors 1,504 vs 1,850 normal (81%)` on the second, or `Cap 91%` and `Dr 81%` where the
    /// line has no room for the words (the sparklines then narrow or go), or nothing where it has
    /// none for those either: the strip's own figures are never cut for them.
    static func againstNormal(_ n: NowAgainstNormal, wide: Bool, line1: [Piece], line2: [Piece], room: Int) -> (line1: [Piece], line2: [Piece]) {
        let sep: Piece = .text(wide ? "  │ " : " │ ", .border)
        func fitting(_ line: [Piece], _ variants: [[Piece]]) -> [Piece] {
            let used = textWidth(line)
            return variants.first { textWidth([sep] + $0) + used <= room }.map { line + [sep] + $0 } ?? line
        }
        var out = (line1: line1, line2: line2)
        if let now = n.capableNow, let normal = n.capableNormal {
            let share = normal > 0 ? Double(now) / Double(normal) : nil
            let role = role(share)
            out.line1 = fitting(line1, [
                [.text("\(n.conditions)-cond ERs ", .header), .text("\(Format.grouped(now))/\(Format.grouped(normal)) \(Format.percent(share))", role)],
                [.text("Cap ", .header), .text(Format.percent(share), role)],
            ])
        }
        if let normal = n.doctorsNormal {
            let share = normal > 0 ? Double(n.doctorsNow) / Double(normal) : nil
            let role = role(share)
            out.line2 = fitting(line2, [
                [.text("ER doctors ", .header),
                 .text("\(Format.grouped(n.doctorsNow)) vs \(Format.grouped(normal)) normal (\(Format.percent(share)))", role)],
                [.text("Dr ", .header), .text(Format.percent(share), role)],
            ])
        }
        return out
    }

    /// Below nine tenths of normal a warning, below three quarters an alert.
    static func role(_ share: Double?) -> Role {
        guard let share else { return .muted }
        return share < 0.75 ? .alert : share < 0.9 ? .warning : .normal
    }
}
