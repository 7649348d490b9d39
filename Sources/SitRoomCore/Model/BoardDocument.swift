import Foundation

/// The board as one document: every table as an array in id order (the log and calls in entry
/// order). This is the stable shape of `sitroom export --format json`, and what snapshots hold.
public struct BoardDocument: Codable, Sendable, Equatable {
    public static let formatName = "sitroom-board"
    /// Version 2 added alerts, the alert history and briefings; version 3 the condition table,
    /// capabilities, restrictions, baselines, feed conflicts and hospital security. Version 1 and 2
    /// documents still read. The roster, the board's alert rules and the hospitals' last origins
    /// (OS users, key fingerprints) are not in it: an export goes to other agencies; `sitroom
    /// officers list`, `alerts` and `audit` show them.
    public static let currentVersion = 3

    public var format: String
    public var version: Int
    /// The sequence number of the last change included.
    public var seq: UInt64
    public var incident: Incident
    public var hospitals: [Hospital]
    public var strikes: [StrikeAction]
    public var agencies: [Agency]
    public var contacts: [Contact]
    public var calls: [CallRecord]
    public var log: [LogEntry]
    public var actions: [ActionItem]
    public var alerts: [Alert]
    public var alertHistory: [Alert]
    public var briefings: [Briefing]
    public var conditions: ConditionTable
    public var capabilities: [HospitalCapability]
    /// Feed figures that differ from a recent hand entry, by hospital id.
    public var feedConflicts: [String: [FeedConflict]]
    public var restrictions: [Restriction]
    public var baselines: Baselines
    public var securityIncidents: [SecurityIncident] = []
    public var hospitalSecurity: [HospitalSecurity] = []
    public var securityTypes: [SecurityIncidentType] = SecurityTypeTable.standard.types

    public init(_ board: Board, seq: UInt64) {
        func sorted<R: Identifiable>(_ d: [String: R]) -> [R] where R.ID == String {
            d.values.sorted { $0.id < $1.id }
        }
        format = Self.formatName
        version = Self.currentVersion
        self.seq = seq
        incident = board.incident
        hospitals = sorted(board.hospitals)
        strikes = sorted(board.strikes)
        agencies = sorted(board.agencies)
        contacts = sorted(board.contacts)
        calls = board.calls
        log = board.log
        actions = sorted(board.actions)
        alerts = sorted(board.alerts)
        alertHistory = board.alertHistory
        briefings = board.briefings
        conditions = board.conditions
        capabilities = sorted(board.capabilities)
        feedConflicts = board.feedConflicts
        restrictions = sorted(board.restrictions)
        baselines = board.baselines
        securityIncidents = sorted(board.securityIncidents)
        hospitalSecurity = board.hospitalSecurity.values.sorted { $0.hospitalId < $1.hospitalId }
        securityTypes = board.securityTypes.types
    }

    public var board: Board {
        func table<R: Identifiable>(_ a: [R]) -> [String: R] where R.ID == String {
            Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        }
        var b = Board(incident: incident)
        b.hospitals = table(hospitals)
        b.strikes = table(strikes)
        b.agencies = table(agencies)
        b.contacts = table(contacts)
        b.replaceCalls(calls)
        b.replaceLog(log)
        b.actions = table(actions)
        b.alerts = table(alerts)
        b.replaceAlertHistory(alertHistory)
        b.briefings = briefings
        b.conditions = conditions
        b.capabilities = table(capabilities)
        b.feedConflicts = feedConflicts
        b.restrictions = table(restrictions)
        b.baselines = baselines
        b.securityIncidents = table(securityIncidents)
        b.hospitalSecurity = Dictionary(hospitalSecurity.map { ($0.hospitalId, $0) }, uniquingKeysWith: { _, last in last })
        b.securityTypes = SecurityTypeTable(types: securityTypes)
        return b
    }
}

extension BoardDocument {
    enum CodingKeys: String, CodingKey {
        case format, version, seq, incident, hospitals, strikes, agencies, contacts, calls, log, actions
        case alerts, alertHistory, briefings
        case conditions, capabilities, restrictions, baselines, feedConflicts
        case securityIncidents, hospitalSecurity, securityTypes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        seq = try c.decode(UInt64.self, forKey: .seq)
        incident = try c.decode(Incident.self, forKey: .incident)
        hospitals = try c.decode([Hospital].self, forKey: .hospitals)
        strikes = try c.decode([StrikeAction].self, forKey: .strikes)
        agencies = try c.decode([Agency].self, forKey: .agencies)
        contacts = try c.decode([Contact].self, forKey: .contacts)
        calls = try c.decode([CallRecord].self, forKey: .calls)
        log = try c.decode([LogEntry].self, forKey: .log)
        actions = try c.decode([ActionItem].self, forKey: .actions)
        // Positional in the binary coding: a version 1 body simply ends here.
        if version >= 2 {
            alerts = try c.decode([Alert].self, forKey: .alerts)
            alertHistory = try c.decode([Alert].self, forKey: .alertHistory)
            briefings = try c.decode([Briefing].self, forKey: .briefings)
        } else {
            alerts = []
            alertHistory = []
            briefings = []
        }
        // Absent in version 1 and 2 documents (and positional in the binary coding: read only from 3 on).
        conditions = .egenDefault
        capabilities = []
        feedConflicts = [:]
        restrictions = []
        baselines = Baselines()
        if version >= 3 {
            conditions = try c.decodeIfPresent(ConditionTable.self, forKey: .conditions) ?? .egenDefault
            capabilities = try c.decodeIfPresent([HospitalCapability].self, forKey: .capabilities) ?? []
            feedConflicts = try c.decodeIfPresent([String: [FeedConflict]].self, forKey: .feedConflicts) ?? [:]
            restrictions = try c.decodeIfPresent([Restriction].self, forKey: .restrictions) ?? []
            baselines = try c.decodeIfPresent(Baselines.self, forKey: .baselines) ?? Baselines()
        }
        // Version 3; a table left out means none (the standard types). `contains`, not
        // `decodeIfPresent`: the positional binary coding has no presence byte for these.
        func table<T: Decodable>(_ key: CodingKeys, _ absent: T) throws -> T {
            version >= 3 && c.contains(key) ? try c.decode(T.self, forKey: key) : absent
        }
        securityIncidents = try table(.securityIncidents, [])
        hospitalSecurity = try table(.hospitalSecurity, [])
        securityTypes = try table(.securityTypes, SecurityTypeTable.standard.types)
    }
}
