import Foundation

// DEMO DATA. Everything the demo puts on the board is made up for training and testing, except the
// names, NEMC ids, classes, addresses and switchboard numbers of the Seoul hospitals, which come from
// Seoul's public list of emergency rooms (seoul-er-2022.csv). All figures, reports, people, phone
// numbers of agencies and contacts, and the Gyeonggi/Incheon hospital ids and phones are fictional.

/// The built-in demo situation: a day of a doctors' collective action seen from the health
/// ministry's emergency HQ, covering hospitals in Seoul, Gyeonggi and Incheon.
public enum DemoSituation {
    /// The demo as an ordered list of changes; applying them in order to an empty Board must succeed.
    /// Deterministic: the same `now` gives the same changes. All times are whole seconds, relative to `now`.
    /// Without `capability`, the demo as it was before capability (issue 15) and the ERs' opening
    /// round of reports (issue 23), which the old coding's fuzz seeds were made from.
    public static func changes(now: Date, capability: Bool = true) -> [Change] {
        let clock = DemoClock(now: now)
        var builder = DemoBuilder(clock: clock)
        builder.setup(by: "demo", .setIncident(Incident(
            name: "DEMO – Doctors' collective action 2026",
            periodStart: clock.date(clock.periodStart),
            periodHours: 12,
            isDemo: true
        )))
        addAgencies(to: &builder)
        addHospitals(to: &builder, openingRound: capability)
        addStrikes(to: &builder)
        addCalls(to: &builder)
        addLog(to: &builder)
        addActions(to: &builder)
        if capability { addCapability(to: &builder) }
        addSecurity(to: &builder)
        return withAlertsAndBriefings(builder.ordered(), clock: clock)
    }

    /// Convenience: an empty Board with all changes applied.
    public static func board(now: Date) -> Board {
        var board = Board()
        for (index, change) in changes(now: now).enumerated() {
            do {
                try board.apply(change)
            } catch {
                preconditionFailure("demo change #\(index) (\(change.action.type)) was refused: \(error)")
            }
        }
        return board
    }
}

/// Whole-second times relative to `now`, and the Korean clock (KST, UTC+9, no daylight saving).
struct DemoClock {
    /// `now` in whole seconds since 1970.
    let now: Int

    init(now: Date) {
        self.now = Int(now.timeIntervalSince1970.rounded(.down))
    }

    static let kstOffset = 9 * 3600

    func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: Double(seconds)) }

    /// `minutes` before now, in seconds since 1970.
    func ago(minutes: Int) -> Int { now - minutes * 60 }

    func dateAgo(minutes: Int) -> Date { date(ago(minutes: minutes)) }

    /// The latest 00:00 KST at or before now.
    var kstMidnight: Int { now - positiveMod(now + Self.kstOffset, 86_400) }

    /// Start of the current 12-hour operational period: the latest 08:00 or 20:00 KST at or before now.
    var periodStart: Int { now - positiveMod(now + Self.kstOffset - 8 * 3600, 12 * 3600) }

    /// When the demo board was set up: well before anything else in the demo happened.
    var setupTime: Int { now - 36 * 3600 }

    private func positiveMod(_ a: Int, _ m: Int) -> Int { ((a % m) + m) % m }
}

/// Collects changes, then orders them by time.
struct DemoBuilder {
    let clock: DemoClock
    private var changes: [Change] = []
    private var setupCount = 0

    init(clock: DemoClock) {
        self.clock = clock
    }

    /// A set-up change (incident, agencies, contacts, hospitals, strikes): one second apart, before everything else.
    mutating func setup(by officer: String, _ action: ChangeAction) {
        changes.append(Change(officer: officer, at: clock.date(clock.setupTime + setupCount), action: action))
        setupCount += 1
    }

    /// A change entered `minutesAgo` minutes before now.
    mutating func add(minutesAgo: Int, by officer: String, _ action: ChangeAction) {
        add(at: clock.ago(minutes: minutesAgo), by: officer, action)
    }

    /// A change entered at `seconds` (since 1970); never later than now.
    mutating func add(at seconds: Int, by officer: String, _ action: ChangeAction) {
        changes.append(Change(officer: officer, at: clock.date(min(seconds, clock.now)), action: action))
    }

    /// The changes sorted by time; ties keep the order they were added in.
    func ordered() -> [Change] {
        changes.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }
}
