import Foundation

/// What changed between two boards: the board at the last briefing (the baseline) and the board now.
/// Pure values, computed once; the briefing view and the SITREP render it.
///
/// Every list is sorted deterministically (the order is documented on each), so two diffs of the
/// same boards are equal and a renderer can show them as they come.
///
/// ```swift
/// if let briefing = board.lastBriefing {
///     let (baseline, _) = try History.open(dir).board(at: .briefing(briefing))
///     let diff = BriefingDiff(from: baseline, to: board, since: briefing.marked.at, now: Date())
/// }
/// ```
public struct BriefingDiff: Sendable, Equatable {
    /// When the baseline was taken (the briefing's mark), and the moment of the current board.
    public var since: Date
    public var now: Date

    /// The national figures on the baseline at `since` and on the current board at `now` (staleness
    /// and overdue counts depend on the moment). Deltas are in `national`.
    public var summaryBefore: NationalSummary
    public var summaryNow: NationalSummary

    /// ERs whose reported status (state or reason) differs, worst new state first, then by name and id.
    /// Hospitals added or removed since the baseline are in `hospitalsAdded` / `hospitalsRemoved` instead.
    public var erChanges: [ERChange]
    /// Hospitals whose beds or doctors moved (only the figures that moved are set), by name and id.
    public var hospitalMoves: [HospitalMoves]
    /// National totals of the strike figures, and the ER/bed totals, then → now.
    public var national: NationalDeltas
    /// Strike actions whose participants changed, and those added or removed, in the order of
    /// `StrikeChange.order`: by start, then organisation, then id.
    public var strikeChanges: [StrikeChange]
    /// Log entries entered since (`entered.at >= since`) that are not on the baseline, by event time,
    /// then entry time, then id. (`>=` rather than `>`: an entry made in the same second as the
    /// briefing mark but after it is not on the baseline and is new; one made before it is on it.)
    public var newLog: [LogEntry]
    /// Action items that are not on the baseline (whatever their status now), by creation time, then id.
    public var actionsOpened: [ActionItem]
    /// Action items done or cancelled since: open (or absent) on the baseline, closed now. By the time
    /// of closing, then id.
    public var actionsClosed: [ClosedAction]
    /// Every open action item past its due time at `now`, by due time, then id; each says whether it
    /// was already overdue at the baseline.
    public var actionsOverdue: [OverdueAction]
    /// Alerts raised since (active now or already cleared), worst first, then by time raised, then id.
    public var alertsRaised: [Alert]
    /// Alerts cleared since (from the alert history), by time cleared, then id.
    public var alertsCleared: [Alert]
    /// Hospitals on the current board and not on the baseline, and the other way round; by name, id.
    public var hospitalsAdded: [HospitalRef]
    public var hospitalsRemoved: [HospitalRef]

    /// Whether nothing at all changed (the national figures may still differ in staleness).
    public var isEmpty: Bool {
        erChanges.isEmpty && hospitalMoves.isEmpty && strikeChanges.isEmpty && newLog.isEmpty
            && actionsOpened.isEmpty && actionsClosed.isEmpty && alertsRaised.isEmpty && alertsCleared.isEmpty
            && hospitalsAdded.isEmpty && hospitalsRemoved.isEmpty && national.changed.isEmpty
    }
}

extension BriefingDiff {
    /// A hospital by name, for lists where the record may no longer be on the board.
    public struct HospitalRef: Sendable, Equatable {
        public var id: String
        public var name: String
        public var region: String

        public init(id: String, name: String, region: String) {
            self.id = id
            self.name = name
            self.region = region
        }

        init(_ h: Hospital) { self.init(id: h.id, name: h.name, region: h.region) }
    }

    /// A value then and now; nil means not reported.
    public struct Move<Value: Sendable & Equatable>: Sendable, Equatable {
        public var old: Value?
        public var new: Value?

        public init(old: Value?, new: Value?) {
            self.old = old
            self.new = new
        }

        /// nil when the two are equal.
        static func of(_ old: Value?, _ new: Value?) -> Move? { old == new ? nil : Move(old: old, new: new) }
    }

    public struct ERChange: Sendable, Equatable {
        public var hospital: HospitalRef
        public var old: ERStatus?
        public var new: ERStatus?
        /// Who reported the new status, and when.
        public var reported: Stamp?

        public init(hospital: HospitalRef, old: ERStatus?, new: ERStatus?, reported: Stamp?) {
            self.hospital = hospital
            self.old = old
            self.new = new
            self.reported = reported
        }

        /// The state changed (not only the reason).
        public var stateChanged: Bool { old?.state != new?.state }
    }

    /// One hospital's beds and doctors then → now. A nil move means that figure did not change.
    public struct HospitalMoves: Sendable, Equatable {
        public var hospital: HospitalRef
        public var erBeds: Move<Capacity>?
        public var icuBeds: Move<Capacity>?
        public var nicuBeds: Move<Capacity>?
        public var picuBeds: Move<Capacity>?
        public var erDoctors: Move<Staffing>?
        public var icuDoctors: Move<Staffing>?

        public init(
            hospital: HospitalRef, erBeds: Move<Capacity>? = nil, icuBeds: Move<Capacity>? = nil,
            nicuBeds: Move<Capacity>? = nil, picuBeds: Move<Capacity>? = nil,
            erDoctors: Move<Staffing>? = nil, icuDoctors: Move<Staffing>? = nil
        ) {
            self.hospital = hospital
            self.erBeds = erBeds
            self.icuBeds = icuBeds
            self.nicuBeds = nicuBeds
            self.picuBeds = picuBeds
            self.erDoctors = erDoctors
            self.icuDoctors = icuDoctors
        }

        public var isEmpty: Bool {
            erBeds == nil && icuBeds == nil && nicuBeds == nil && picuBeds == nil && erDoctors == nil && icuDoctors == nil
        }
    }

    /// A count then and now.
    public struct Delta: Sendable, Equatable {
        public var old: Int
        public var new: Int

        public init(_ old: Int, _ new: Int) {
            self.old = old
            self.new = new
        }

        /// new − old.
        public var change: Int { new - old }
    }

    /// The figures a SITREP states with their change since the baseline.
    public enum NationalFigure: String, Sendable, CaseIterable {
        case erOpen, erLimited, erDiverting, erClosed
        case erBedsAvailable, erBedsStaffed, icuAvailable, icuStaffed, nicuAvailable, nicuStaffed
        case picuAvailable, picuStaffed
        case shortOfDoctors, stale
        case traineesOnRoll, traineesAbsent, traineesReturned, resignations
        case ordersIssued, ordersServed, ordersComplied
        case openActions, overdueActions

        func value(_ s: NationalSummary) -> Int {
            switch self {
            case .erOpen: s.count(.open)
            case .erLimited: s.count(.limited)
            case .erDiverting: s.count(.diverting)
            case .erClosed: s.count(.closed)
            case .erBedsAvailable: s.erBeds.available
            case .erBedsStaffed: s.erBeds.staffed
            case .icuAvailable: s.icuBeds.available
            case .icuStaffed: s.icuBeds.staffed
            case .nicuAvailable: s.nicuBeds.available
            case .nicuStaffed: s.nicuBeds.staffed
            case .picuAvailable: s.picuBeds.available
            case .picuStaffed: s.picuBeds.staffed
            case .shortOfDoctors: s.shortOfDoctors
            case .stale: s.stale
            case .traineesOnRoll: s.traineesOnRoll
            case .traineesAbsent: s.traineesAbsent
            case .traineesReturned: s.traineesReturned
            case .resignations: s.resignations
            case .ordersIssued: s.ordersIssued
            case .ordersServed: s.ordersServed
            case .ordersComplied: s.ordersComplied
            case .openActions: s.openActions
            case .overdueActions: s.overdueActions
            }
        }
    }

    /// Every national figure then → now (from `summaryBefore` and `summaryNow`).
    public struct NationalDeltas: Sendable, Equatable {
        public var figures: [NationalFigure: Delta]

        public init(before: NationalSummary, now: NationalSummary) {
            figures = Dictionary(uniqueKeysWithValues: NationalFigure.allCases.map { ($0, Delta($0.value(before), $0.value(now))) })
        }

        public subscript(_ figure: NationalFigure) -> Delta { figures[figure]! }

        /// The figures that changed, in `NationalFigure.allCases` order.
        public var changed: [NationalFigure] { NationalFigure.allCases.filter { self[$0].change != 0 } }
    }

    public struct StrikeChange: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var id: String
        public var organisation: String
        public var form: StrikeForm
        public var start: Date
        public var kind: Kind
        /// Participants then → now (nil: not reported, or the action was not on that board).
        public var participants: Move<Int>
        /// Who reported the current participants, and when.
        public var reported: Stamp?

        public init(
            id: String, organisation: String, form: StrikeForm, start: Date, kind: Kind,
            participants: Move<Int>, reported: Stamp?
        ) {
            self.id = id
            self.organisation = organisation
            self.form = form
            self.start = start
            self.kind = kind
            self.participants = participants
            self.reported = reported
        }
    }

    public struct ClosedAction: Sendable, Equatable {
        public var action: ActionItem
        /// Who closed it (done or cancelled) and when: its last status change.
        public var closed: Stamp?

        public init(action: ActionItem, closed: Stamp?) {
            self.action = action
            self.closed = closed
        }
    }

    public struct OverdueAction: Sendable, Equatable {
        public var action: ActionItem
        /// It was open and past due at the baseline too.
        public var alreadyOverdue: Bool

        public init(action: ActionItem, alreadyOverdue: Bool) {
            self.action = action
            self.alreadyOverdue = alreadyOverdue
        }
    }
}

extension BriefingDiff {
    /// What changed from `baseline` (the board at `since`) to `current` (the board at `now`).
    public init(from baseline: Board, to current: Board, since: Date, now: Date) {
        self.since = since
        self.now = now
        summaryBefore = baseline.summary(at: since)
        summaryNow = current.summary(at: now)
        national = NationalDeltas(before: summaryBefore, now: summaryNow)

        func byName(_ a: HospitalRef, _ b: HospitalRef) -> Bool { (a.name, a.id) < (b.name, b.id) }

        // Hospitals.
        hospitalsAdded = current.hospitals.values.filter { baseline.hospitals[$0.id] == nil }.map(HospitalRef.init).sorted(by: byName)
        hospitalsRemoved = baseline.hospitals.values.filter { current.hospitals[$0.id] == nil }.map(HospitalRef.init).sorted(by: byName)
        var ers: [ERChange] = []
        var moves: [HospitalMoves] = []
        for h in current.hospitals.values {
            guard let old = baseline.hospitals[h.id] else { continue }
            let ref = HospitalRef(h)
            if old.erStatus?.value != h.erStatus?.value {
                ers.append(ERChange(hospital: ref, old: old.erStatus?.value, new: h.erStatus?.value, reported: h.erStatus?.stamp))
            }
            let m = HospitalMoves(
                hospital: ref,
                erBeds: .of(old.erBeds?.value, h.erBeds?.value), icuBeds: .of(old.icuBeds?.value, h.icuBeds?.value),
                nicuBeds: .of(old.nicuBeds?.value, h.nicuBeds?.value), picuBeds: .of(old.picuBeds?.value, h.picuBeds?.value),
                erDoctors: .of(old.erDoctors?.value, h.erDoctors?.value), icuDoctors: .of(old.icuDoctors?.value, h.icuDoctors?.value))
            if !m.isEmpty { moves.append(m) }
        }
        // Worst new state first (no status at all counts as better than open).
        func rank(_ s: ERStatus?) -> Int { s.map { $0.state.severity } ?? -1 }
        erChanges = ers.sorted { (rank($1.new), $0.hospital.name, $0.hospital.id) < (rank($0.new), $1.hospital.name, $1.hospital.id) }
        hospitalMoves = moves.sorted { byName($0.hospital, $1.hospital) }

        // Strike actions.
        var strikes: [StrikeChange] = []
        for s in current.strikes.values {
            if let old = baseline.strikes[s.id] {
                guard old.participants?.value != s.participants?.value else { continue }
                strikes.append(StrikeChange(id: s.id, organisation: s.organisation, form: s.form, start: s.start, kind: .changed,
                                            participants: Move(old: old.participants?.value, new: s.participants?.value),
                                            reported: s.participants?.stamp))
            } else {
                strikes.append(StrikeChange(id: s.id, organisation: s.organisation, form: s.form, start: s.start, kind: .added,
                                            participants: Move(old: nil, new: s.participants?.value), reported: s.participants?.stamp))
            }
        }
        for s in baseline.strikes.values where current.strikes[s.id] == nil {
            strikes.append(StrikeChange(id: s.id, organisation: s.organisation, form: s.form, start: s.start, kind: .removed,
                                        participants: Move(old: s.participants?.value, new: nil), reported: nil))
        }
        strikeChanges = strikes.sorted { ($0.start, $0.organisation, $0.id) < ($1.start, $1.organisation, $1.id) }

        // The log.
        let oldLog = Set(baseline.log.map(\.id))
        newLog = current.log.filter { $0.entered.at >= since && !oldLog.contains($0.id) }
            .sorted { ($0.eventTime, $0.entered.at, $0.id) < ($1.eventTime, $1.entered.at, $1.id) }

        // Action items.
        func created(_ a: ActionItem) -> Date { a.history.first?.at ?? .distantPast }
        actionsOpened = current.actions.values.filter { baseline.actions[$0.id] == nil }
            .sorted { (created($0), $0.id) < (created($1), $1.id) }
        actionsClosed = current.actions.values
            .filter { $0.status != .open && (baseline.actions[$0.id].map { $0.status == .open } ?? true) }
            .map { ClosedAction(action: $0, closed: $0.history.last?.stamp) }
            .sorted { ($0.closed?.at ?? .distantPast, $0.action.id) < ($1.closed?.at ?? .distantPast, $1.action.id) }
        actionsOverdue = current.actions.values.filter { $0.isOverdue(at: now) }
            .map { OverdueAction(action: $0, alreadyOverdue: baseline.actions[$0.id]?.isOverdue(at: since) ?? false) }
            .sorted { ($0.action.due ?? .distantPast, $0.action.id) < ($1.action.due ?? .distantPast, $1.action.id) }

        // Alerts: keyed by id and time raised, since one rule and subject may be raised more than once.
        struct Key: Hashable { var id: String; var at: Date }
        let oldRaised = Set((Array(baseline.alerts.values) + baseline.alertHistory).map { Key(id: $0.id, at: $0.raised.at) })
        let oldCleared = Set(baseline.alertHistory.compactMap { a in a.cleared.map { Key(id: a.id, at: $0.at) } })
        alertsRaised = (Array(current.alerts.values) + current.alertHistory)
            .filter { $0.raised.at > since || ($0.raised.at == since && !oldRaised.contains(Key(id: $0.id, at: $0.raised.at))) }
            .sorted { ($1.severity, $0.raised.at, $0.id) < ($0.severity, $1.raised.at, $1.id) }
        alertsCleared = current.alertHistory.filter { a in
            guard let c = a.cleared else { return false }
            return c.at > since || (c.at == since && !oldCleared.contains(Key(id: a.id, at: c.at)))
        }
        .sorted { ($0.cleared!.at, $0.id) < ($1.cleared!.at, $1.id) }
    }
}
