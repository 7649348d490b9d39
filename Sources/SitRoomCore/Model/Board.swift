import Foundation

/// The whole situation as plain values. It changes only through `apply(_:)`.
public struct Board: Codable, Sendable, Equatable {
    public var incident: Incident
    public var hospitals: [String: Hospital]
    public var strikes: [String: StrikeAction]
    public var agencies: [String: Agency]
    public var contacts: [String: Contact]
    public var calls: [CallRecord]
    public var log: [LogEntry]
    public var actions: [String: ActionItem]

    public init(incident: Incident = .unnamed) {
        self.incident = incident
        hospitals = [:]
        strikes = [:]
        agencies = [:]
        contacts = [:]
        calls = []
        log = []
        actions = [:]
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
