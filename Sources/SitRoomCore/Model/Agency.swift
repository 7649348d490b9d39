import Foundation

public enum AgencyKind: String, Codable, Sendable, CaseIterable {
    case ministry, police, fire, military, localGovernment = "local-government", health, other
}

public struct Agency: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var kind: AgencyKind
    public var phone: String
    public var notes: String

    public init(id: String, name: String, kind: AgencyKind = .other, phone: String = "", notes: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.phone = phone
        self.notes = notes
    }
}

public struct Contact: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var agencyId: String
    public var person: String
    public var role: String
    public var phone: String
    public var mobile: String
    public var email: String
    /// Free text such as "day 08-20" or "night".
    public var shift: String
    /// 1 is called first.
    public var escalation: Int
    public var lastVerified: Date?
    public var lastReached: Date?

    public init(
        id: String, agencyId: String, person: String, role: String = "", phone: String = "",
        mobile: String = "", email: String = "", shift: String = "", escalation: Int = 1,
        lastVerified: Date? = nil, lastReached: Date? = nil
    ) {
        self.id = id
        self.agencyId = agencyId
        self.person = person
        self.role = role
        self.phone = phone
        self.mobile = mobile
        self.email = email
        self.shift = shift
        self.escalation = escalation
        self.lastVerified = lastVerified
        self.lastReached = lastReached
    }
}

public enum CallOutcome: String, Codable, Sendable, CaseIterable {
    case reached, noAnswer = "no-answer", leftMessage = "left-message"
}

/// One call an officer made to an agency (and, when known, a person there).
public struct CallRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var agencyId: String
    public var contactId: String?
    public var outcome: CallOutcome
    public var note: String
    /// Filled from the change that logged it.
    public var at: Date
    public var by: String

    public init(
        id: String, agencyId: String, contactId: String? = nil, outcome: CallOutcome,
        note: String = "", at: Date = .distantPast, by: String = ""
    ) {
        self.id = id
        self.agencyId = agencyId
        self.contactId = contactId
        self.outcome = outcome
        self.note = note
        self.at = at
        self.by = by
    }
}
