import Foundation

/// What an officer may change. Each role may do everything the ones before it may.
public enum OfficerRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads only.
    case watch
    /// Enters reports, the log, calls, actions, strikes, capability and security incidents.
    case officer
    /// Also acknowledges alerts, marks briefings, imports, deletes others' records and sets up the
    /// hospitals, agencies, conditions and baselines.
    case supervisor
    /// Also keeps the roster.
    case admin

    public static func < (a: OfficerRole, b: OfficerRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where a change came from, beside the officer it names: the OS user of the process that made it
/// (from its real uid) and, for a console reached over SSH, the fingerprint of the key the session
/// logged in with. Filled by the store that commits the change, not by the officer.
public struct Origin: Codable, Sendable, Hashable {
    public var osUser: String
    /// `SHA256:…`, as `ssh-keygen -lf` prints it.
    public var key: String?

    public init(osUser: String, key: String? = nil) {
        self.osUser = osUser
        self.key = key
    }

    enum CodingKeys: String, CodingKey { case osUser = "os_user", key }

    public var description: String { key.map { "\(osUser) key \($0)" } ?? osUser }
}

/// The officer, time and identity of the last change to a hospital's figures, for its detail.
public struct FigureOrigin: Codable, Sendable, Equatable {
    public var stamp: Stamp
    public var origin: Origin

    public init(stamp: Stamp, origin: Origin) {
        self.stamp = stamp
        self.origin = origin
    }
}

/// One person on the roster: who they are, what they may do, and the identities that are them.
public struct Officer: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// As colleagues know them (Korean names welcome).
    public var name: String
    /// The desk or agency they sit for.
    public var desk: String
    public var role: OfficerRole
    /// OS user names that are this officer (a console run by that user, not over a mapped key).
    public var osUsers: [String]
    /// SSH key fingerprints (`SHA256:…`) that are this officer (a console reached with that key).
    public var keys: [String]
    /// The public keys themselves (`ssh-ed25519 AAAA… comment`), where given: what
    /// `sitroom officers authorized-keys` prints for the service account.
    public var publicKeys: [String]
    /// When and by whom retired: a retired officer can no longer change anything; their past
    /// changes stay theirs.
    public var retired: Stamp?

    public init(id: String, name: String, desk: String = "", role: OfficerRole, osUsers: [String] = [], keys: [String] = [],
                publicKeys: [String] = [], retired: Stamp? = nil) {
        self.id = id
        self.name = name
        self.desk = desk
        self.role = role
        self.osUsers = osUsers
        self.keys = keys
        self.publicKeys = publicKeys
        self.retired = retired
    }

    enum CodingKeys: String, CodingKey { case id, name, desk, role, osUsers = "os_users", keys, publicKeys = "public_keys", retired }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  desk: try c.decodeIfPresent(String.self, forKey: .desk) ?? "",
                  role: try c.decode(OfficerRole.self, forKey: .role),
                  osUsers: try c.decodeIfPresent([String].self, forKey: .osUsers) ?? [],
                  keys: try c.decodeIfPresent([String].self, forKey: .keys) ?? [],
                  publicKeys: try c.decodeIfPresent([String].self, forKey: .publicKeys) ?? [],
                  retired: try c.decodeIfPresent(Stamp.self, forKey: .retired))
    }

    public var isActive: Bool { retired == nil }

    /// Whether a change from `origin` may speak for this officer: a key decides when there is one
    /// (the service account of an SSH set-up is shared, its keys are not), else the OS user.
    public func isIdentified(by origin: Origin) -> Bool {
        if let key = origin.key { return keys.contains(key) }
        return osUsers.contains(origin.osUser)
    }
}

extension Board {
    /// The active officers an identity maps to, by id.
    public func officers(identifiedBy origin: Origin) -> [Officer] {
        roster.values.filter { $0.isActive && $0.isIdentified(by: origin) }.sorted { $0.id < $1.id }
    }

    /// True once any officer was ever added: from then on every change is checked against the roster.
    public var hasRoster: Bool { !roster.isEmpty }
}
