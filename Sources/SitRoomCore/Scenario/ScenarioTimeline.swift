import Foundation

/// Whole-second times of a generated scenario, in seconds since 1970.
///
///     start (now − 7 days)   the board is set up: incident, agencies, hospitals, contacts, strikes
///     structureEnd           (within the first hour) the log entries and action items of the set-up
///     changesStart           the later changes, up to a minute before now
///
/// The later changes get at least 36 hours (so the last 24 always have them) and otherwise a share
/// of the week in proportion to their number against the set-up's log entries.
struct ScenarioTimeline: Sendable {
    static let kstOffset = 9 * 3600
    static let week = 7 * 86_400

    let now: Int
    let start: Int
    let structureEnd: Int
    let changesStart: Int
    let end: Int

    init(now: Int, structureChanges: Int, logEntries: Int, changes: Int) {
        self.now = now
        start = now - Self.week
        end = now - 60
        structureEnd = start + min(3_600, max(60, structureChanges))
        let available = end - structureEnd
        let span: Int
        if changes == 0 {
            span = 0
        } else if logEntries == 0 {
            span = available
        } else {
            let share = Int(Double(available) * Double(changes) / Double(changes + logEntries))
            span = min(max(share, 36 * 3_600), available - 12 * 3_600)
        }
        changesStart = end - span
    }

    /// The start of the 12-hour operational period (08:00 or 20:00 KST) holding `t`.
    static func periodStart(containing t: Int) -> Int {
        t - positiveMod(t + kstOffset - 8 * 3_600, 12 * 3_600)
    }

    /// KST hour of the day, 0–23.
    static func kstHour(_ t: Int) -> Int {
        positiveMod(t + kstOffset, 86_400) / 3_600
    }

    static func positiveMod(_ a: Int, _ m: Int) -> Int { ((a % m) + m) % m }
}

/// `count` times in `[from, to)`, in order, denser by day than by night (KST), each jittered
/// within its own slot so that they never go backwards.
struct ScenarioSlots: Sendable {
    /// How busy the HQ is in each KST hour.
    static let hourWeights: [Double] = [
        0.8, 0.75, 0.75, 0.75, 0.8, 0.85, 0.9, 1.0, 1.1, 1.15, 1.15, 1.1,
        1.0, 1.1, 1.15, 1.15, 1.1, 1.05, 1.0, 1.0, 0.95, 0.9, 0.85, 0.8,
    ]

    let from: Int
    let to: Int
    let count: Int
    /// Hour buckets: where each starts, its weight (busy-ness × seconds), and the weights before it.
    private let bucketStart: [Int]
    private let bucketWeight: [Double]
    private let before: [Double]
    private let total: Double

    init(from: Int, to: Int, count: Int) {
        self.from = from
        self.to = max(from, to)
        self.count = count
        var starts: [Int] = []
        var weights: [Double] = []
        var t = from
        while t < to {
            let next = min(to, t - ScenarioTimeline.positiveMod(t, 3_600) + 3_600)
            starts.append(t)
            weights.append(Self.hourWeights[ScenarioTimeline.kstHour(t)] * Double(next - t))
            t = next
        }
        bucketStart = starts
        bucketWeight = weights
        var sum = 0.0
        before = weights.map { w in defer { sum += w }; return sum }
        total = sum
    }

    /// The time of slot `index` given a jitter in `[0, 1)`. `cursor` remembers the bucket reached
    /// (start it at 0; indexes must come in increasing order).
    func time(_ index: Int, jitter: Double, cursor: inout Int) -> Int {
        guard count > 0, !bucketStart.isEmpty else { return from }
        // Slot i ends at (i+1)/count; the jitter pulls it back by up to half a slot, so the last
        // slot always lands in the last half-slot before `to`.
        let x = (Double(index) + 1 - jitter * 0.5) / Double(count) * total
        while cursor + 1 < bucketStart.count, before[cursor + 1] <= x { cursor += 1 }
        let w = bucketWeight[cursor]
        let bucketEnd = cursor + 1 < bucketStart.count ? bucketStart[cursor + 1] : to
        let offset = w > 0 ? (x - before[cursor]) / w * Double(bucketEnd - bucketStart[cursor]) : 0
        return min(to - 1, max(from, bucketStart[cursor] + Int(offset)))
    }
}
