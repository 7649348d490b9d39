import Foundation

/// One figure over time, for a sparkline: the values it took and when, over a sliding window
/// (24 hours unless told otherwise), read back as a fixed number of buckets.
///
/// Samples are kept in the order they are recorded and their times never go backwards: a sample
/// dated before the latest one counts at the latest one's time (the journal's order is the truth).
/// A value equal to the latest is not stored. Samples that have slid out of the window are dropped,
/// except the last one before it, which says what the value was when the window starts. Recording
/// is amortised O(1); reading `count` buckets is O(count · log samples).
public struct TrendSeries: Equatable, Sendable {
    /// A figure's value from `at` on; nil means nothing is known from then on (a gap).
    public struct Sample: Equatable, Sendable {
        public var at: Date
        public var value: Int?

        public init(at: Date, value: Int?) {
            self.at = at
            self.value = value
        }
    }

    public static let day: TimeInterval = 24 * 3600

    public let window: TimeInterval
    private var stored: [Sample] = []
    /// Samples before this index have slid out of the window.
    private var first = 0

    public init(window: TimeInterval = TrendSeries.day) {
        self.window = window
    }

    /// The samples still kept, oldest first.
    public var samples: ArraySlice<Sample> { stored[first...] }

    /// The latest sample, if any.
    public var latest: Sample? { first < stored.count ? stored[stored.count - 1] : nil }

    /// Records that the figure is `value` from `at` on. Nothing is stored for a value equal to the
    /// latest one, nor for a gap before anything is known.
    public mutating func record(_ value: Int?, at time: Date) {
        guard let last = latest else {
            if value != nil { stored.append(Sample(at: time, value: value)) }
            return
        }
        guard value != last.value else { return }
        let at = max(time, last.at)
        if at == last.at {
            // Two values at the same moment: the later one is what the figure was.
            stored[stored.count - 1].value = value
            if stored.count - first >= 2, stored[stored.count - 2].value == value { stored.removeLast() }
        } else {
            stored.append(Sample(at: at, value: value))
        }
        prune(before: at.addingTimeInterval(-window))
    }

    /// Drops samples made before `start`, keeping the last of them (the value at `start`).
    private mutating func prune(before start: Date) {
        while stored.count - first >= 2, stored[first + 1].at <= start { first += 1 }
        if first >= 32, first * 2 >= stored.count {
            stored.removeFirst(first)
            first = 0
        }
    }

    /// The value at `time`: that of the last sample at or before it; nil before the first sample.
    public func value(at time: Date) -> Int? {
        // Binary search for the first sample after `time`.
        var lo = first, hi = stored.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if stored[mid].at <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo > first ? stored[lo - 1].value : nil
    }

    /// The window ending at `end`, cut into `count` equal buckets, oldest first: each bucket's value
    /// is the value at its end (the last one known at or before that moment), nil where nothing was
    /// known yet. The last bucket ends exactly at `end`.
    public func buckets(_ count: Int, endingAt end: Date) -> [Int?] {
        guard count > 0 else { return [] }
        let step = window / Double(count)
        return (0..<count).map { i in value(at: end.addingTimeInterval(-step * Double(count - 1 - i))) }
    }

    /// The lowest and highest value the figure had in the window ending at `end` (the value it had
    /// when the window starts included); nil if nothing was known in it.
    public func range(endingAt end: Date) -> ClosedRange<Int>? {
        let start = end.addingTimeInterval(-window)
        var low: Int?, high: Int?
        func take(_ v: Int?) {
            guard let v else { return }
            low = min(low ?? v, v)
            high = max(high ?? v, v)
        }
        take(value(at: start))
        for s in samples where s.at > start && s.at <= end { take(s.value) }
        guard let low, let high else { return nil }
        return low...high
    }
}

/// The national and per-hospital figures the sparklines draw, kept up to date one change at a time.
///
/// Seed it with the board at the start of the window (`init(board:seq:at:)`), then `record` every
/// later change with the board as it is after it. Each change costs O(1): only the hospital it is
/// about is looked at, and the national totals move by that hospital's difference. A change that
/// does not follow the last one recorded (a sequence number skipped) is taken as "anything may have
/// changed": every hospital is looked at again, once.
public struct BoardTrends: Equatable, Sendable {
    /// National figures (sums over the hospitals that report them).
    public enum National: Int, CaseIterable, Sendable {
        case erBedsAvailable, icuAvailable, traineesAbsent
        /// ERs limited, diverting or closed.
        case ersNotOpen
    }

    /// One hospital's figures.
    public enum PerHospital: Int, CaseIterable, Sendable {
        case erBedsAvailable, icuAvailable, erDoctorsOnDuty
    }

    /// What one hospital adds to the national figures, and its own figures (nil: not reported).
    struct Figures: Equatable, Sendable {
        var national: [Int?]
        var own: [Int?]

        static let none = Figures(national: National.allCases.map { _ in nil }, own: PerHospital.allCases.map { _ in nil })

        init(national: [Int?], own: [Int?]) {
            self.national = national
            self.own = own
        }

        init(_ h: Hospital) {
            // Plain statements: with the optional chains inside array literals, Swift 6.3.1 crashed
            // in -O (CopyPropagation, "Found outside of lifetime use").
            let er = h.erBeds?.value.available
            let icu = h.icuBeds?.value.available
            let absent = h.traineesAbsent?.value
            let docs = h.erDoctors?.value.onDuty
            var notOpen: Int?
            if let state = h.erStatus?.value.state { notOpen = state == .open ? 0 : 1 }
            national = [er, icu, absent, notOpen]
            own = [er, icu, docs]
        }
    }

    public let window: TimeInterval
    /// The last change recorded.
    public private(set) var seq: UInt64 = 0
    private var national: [TrendSeries]
    /// Per national figure: the sum over the hospitals reporting it, and how many do.
    private var totals: [(sum: Int, count: Int)]
    private var contributions: [String: Figures] = [:]
    private var hospitals: [String: [TrendSeries]] = [:]

    /// Nothing known: every sparkline blank until changes are recorded.
    public init(window: TimeInterval = TrendSeries.day) {
        self.window = window
        national = National.allCases.map { _ in TrendSeries(window: window) }
        totals = National.allCases.map { _ in (0, 0) }
    }

    /// Starts from `board`, the board after change `seq`, as it was at `at` (the window's start).
    /// An empty board (sequence 0) records nothing: the sparklines stay blank until data comes.
    public init(board: Board, seq: UInt64, at: Date, window: TimeInterval = TrendSeries.day) {
        self.init(window: window)
        self.seq = seq
        for (id, h) in board.hospitals { update(id, h, at: at) }
    }

    public static func == (a: BoardTrends, b: BoardTrends) -> Bool {
        a.window == b.window && a.seq == b.seq && a.national == b.national && a.hospitals == b.hospitals
            && a.contributions == b.contributions
            && a.totals.map(\.sum) == b.totals.map(\.sum) && a.totals.map(\.count) == b.totals.map(\.count)
    }

    public func series(_ figure: National) -> TrendSeries { national[figure.rawValue] }

    public func series(_ figure: PerHospital, of hospitalId: String) -> TrendSeries {
        hospitals[hospitalId]?[figure.rawValue] ?? TrendSeries(window: window)
    }

    /// Records change `seq`, with `board` as it is just after it. Changes at or before the last one
    /// recorded are ignored; a skipped sequence number makes it look at every hospital once.
    public mutating func record(seq: UInt64, change: Change, board: Board) {
        guard seq > self.seq else { return }
        defer { self.seq = seq }
        guard seq == self.seq + 1 else {
            resync(board, at: change.at)
            return
        }
        if let id = change.action.trendHospitalId { update(id, board.hospitals[id], at: change.at) }
    }

    /// Brings trends read up to an earlier change to `board`, the board after change `seq` (what a
    /// console committed or followed while they were being read).
    public mutating func catchUp(to board: Board, seq: UInt64, at: Date) {
        guard seq > self.seq else { return }
        resync(board, at: at)
        self.seq = seq
    }

    /// Looks at every hospital of `board` (and those gone from it) again.
    public mutating func resync(_ board: Board, at: Date) {
        for id in Set(contributions.keys).union(board.hospitals.keys) { update(id, board.hospitals[id], at: at) }
    }

    /// Hospital `id` is now `hospital` (nil: removed).
    private mutating func update(_ id: String, _ hospital: Hospital?, at: Date) {
        let old = contributions[id] ?? .none
        let new = hospital.map(Figures.init) ?? .none
        if old.national != new.national {
            for figure in National.allCases where old.national[figure.rawValue] != new.national[figure.rawValue] {
                let i = figure.rawValue
                if let v = old.national[i] {
                    totals[i].sum -= v
                    totals[i].count -= 1
                }
                if let v = new.national[i] {
                    totals[i].sum += v
                    totals[i].count += 1
                }
                national[i].record(totals[i].count > 0 ? totals[i].sum : nil, at: at)
            }
        }
        guard hospital != nil else {
            contributions[id] = nil
            hospitals[id] = nil
            return
        }
        contributions[id] = new
        if hospitals[id] == nil { hospitals[id] = PerHospital.allCases.map { _ in TrendSeries(window: window) } }
        for figure in PerHospital.allCases { hospitals[id]![figure.rawValue].record(new.own[figure.rawValue], at: at) }
    }
}

extension ChangeAction {
    /// The hospital whose figures a change may alter.
    var trendHospitalId: String? {
        switch self {
        case .addHospital(let h): h.id
        case .reportHospital(let id, _), .revertHospital(let id, _, _), .removeHospital(let id): id
        default: nil
        }
    }
}

extension ChangeAction {
    /// Whether a change may alter `Board.hospitals`; applying it needs nothing else of the board.
    public var changesHospitals: Bool {
        switch self {
        case .addHospital, .editHospital, .reportHospital, .revertHospital, .removeHospital: true
        default: false
        }
    }
}

extension BoardTrends {
    /// Records changes read from the journal together, oldest first: `before` is the board before
    /// the first of them, `after` the board after the last. When there are several, they are applied
    /// to a copy of `before` so that each is recorded with the board as it was just after it.
    public mutating func record(_ changes: [(seq: UInt64, change: Change)], before: Board, after: Board) {
        guard changes.count > 1 else {
            if let (seq, change) = changes.first { record(seq: seq, change: change, board: after) }
            return
        }
        var board = before
        for (seq, change) in changes {
            guard (try? board.replay(change)) != nil else {
                // Not the board these changes were made on: look at every hospital once.
                if let last = changes.last { resync(after, at: last.change.at) }
                self.seq = max(self.seq, changes.last?.seq ?? 0)
                return
            }
            record(seq: seq, change: change, board: board)
        }
    }
}
