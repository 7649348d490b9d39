import Foundation

/// The changes to the roster (JSON types `officer.*`). Only an admin makes them, once a roster exists.
public enum RosterAction: Sendable, Equatable {
    /// Puts a new officer on the roster.
    case add(Officer)
    /// Replaces an officer's record (name, desk, role, identities); `retired` as given.
    case edit(Officer)
    /// Retires an officer; `retired` is filled from the change. Their past changes stay theirs.
    case retire(id: String)

    public var kind: ChangeAction.Kind {
        switch self {
        case .add: .officerAdd
        case .edit: .officerEdit
        case .retire: .officerRetire
        }
    }

    public var officerId: String {
        switch self {
        case .add(let o), .edit(let o): o.id
        case .retire(let id): id
        }
    }

    enum CodingKeys: String, CodingKey { case id, record }

    init(kind: ChangeAction.Kind, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .officerAdd: self = .add(try c.decode(Officer.self, forKey: .record))
        case .officerEdit: self = .edit(try c.decode(Officer.self, forKey: .record))
        case .officerRetire: self = .retire(id: try c.decode(String.self, forKey: .id))
        default:
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "\(kind.rawValue) is not a roster change")
        }
    }

    /// Writes the fields after the `type` the change wrote.
    func encodeFields(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .add(let o), .edit(let o): try c.encode(o, forKey: .record)
        case .retire(let id): try c.encode(id, forKey: .id)
        }
    }
}
