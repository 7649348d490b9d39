import Foundation

/// The whole situation as plain values. It changes only through `apply(_:)`.
public struct Board: Sendable, Equatable {
    public var incident: Incident
    public var hospitals: [String: Hospital]
    public var strikes: [String: StrikeAction]
    public var agencies: [String: Agency]
    public var contacts: [String: Contact]
    public private(set) var calls: [CallRecord]
    public private(set) var log: [LogEntry]
    public var actions: [String: ActionItem]
    /// Alerts raised and not yet cleared, by id.
    public var alerts: [String: Alert]
    /// Cleared alerts, oldest first, the newest `alertHistoryLimit` kept (for briefings and reports).
    public private(set) var alertHistory: [Alert]
    /// Briefings held, in the order they were marked.
    public var briefings: [Briefing]
    /// The conditions capability is reported for (E-Gen's 27 until a `conditions.set`).
    public var conditions: ConditionTable = .egenDefault
    /// What each ER can treat now, by hospital id.
    public var capabilities: [String: HospitalCapability] = [:]
    /// Restriction notices, by id, in force or not.
    public var restrictions: [String: Restriction] = [:]
    /// Normal-time values of the national and hospital figures.
    public var baselines = Baselines()
    /// Feed figures that differ from a recent hand entry, by hospital id (`feed.report`).
    public var feedConflicts: [String: [FeedConflict]] = [:]
    public static let alertHistoryLimit = 1_000
    /// Security incidents at hospitals, by id (issue 16).
    public var securityIncidents: [String: SecurityIncident] = [:]
    /// Each hospital's security level and police link, by hospital id.
    public var hospitalSecurity: [String: HospitalSecurity] = [:]
    /// The incident types in use.
    public var securityTypes: SecurityTypeTable = .standard
    /// The officers, by id (issue 18). Empty: no roster, everything is allowed as before.
    public var roster: [String: Officer] = [:]
    /// The alert rules an admin set for every console of the situation (`rules.set`); nil: each
    /// console applies its data directory's alerts.toml, or the defaults.
    public var alertRules: AlertRules?
    /// Where the last change to each hospital's figures came from (officer, time, OS user, key), by
    /// hospital id; only changes that carry an origin leave one.
    public var figureOrigins: [String: FigureOrigin] = [:]
    /// Ids in `log` and `calls`, so that checking a new entry's id does not scan a long log.
    private var logIds: Set<String> = []
    private var callIds: Set<String> = []

    public init(incident: Incident = .unnamed) {
        self.incident = incident
        hospitals = [:]
        strikes = [:]
        agencies = [:]
        contacts = [:]
        calls = []
        log = []
        actions = [:]
        alerts = [:]
        alertHistory = []
        briefings = []
    }

    public mutating func replaceAlertHistory(_ alerts: [Alert]) {
        alertHistory = Array(alerts.suffix(Self.alertHistoryLimit))
    }

    mutating func appendAlertHistory(_ alert: Alert) {
        alertHistory.append(alert)
        if alertHistory.count > Self.alertHistoryLimit { alertHistory.removeFirst(alertHistory.count - Self.alertHistoryLimit) }
    }

    /// The last briefing marked, if any.
    public var lastBriefing: Briefing? { briefings.last }

    /// Active alerts, worst and newest first.
    public var alertsBySeverity: [Alert] {
        alerts.values.sorted { ($1.severity, $0.raised.at, $1.id) < ($0.severity, $1.raised.at, $0.id) }
    }

    public mutating func replaceLog(_ entries: [LogEntry]) {
        log = entries
        logIds = Set(entries.map(\.id))
    }

    public mutating func replaceCalls(_ records: [CallRecord]) {
        calls = records
        callIds = Set(records.map(\.id))
    }

    func hasLogEntry(_ id: String) -> Bool { logIds.contains(id) }
    func hasCall(_ id: String) -> Bool { callIds.contains(id) }

    mutating func appendLog(_ entry: LogEntry) {
        log.append(entry)
        logIds.insert(entry.id)
    }

    mutating func removeLogEntry(at index: Int) {
        logIds.remove(log.remove(at: index).id)
    }

    mutating func appendCall(_ call: CallRecord) {
        calls.append(call)
        callIds.insert(call.id)
    }

    public var hospitalsByName: [Hospital] {
        hospitals.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    public var agenciesByName: [Agency] {
        agencies.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    public func contacts(of agencyId: String) -> [Contact] {
        contacts.values.filter { $0.agencyId == agencyId }
            .sorted { ($0.escalation, $0.person, $0.id) < ($1.escalation, $1.person, $1.id) }
    }
}
