import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomStore

/// Who is at the keyboard, from what cannot be typed away: the process's real uid and, for a
/// console an SSH forced command started, the key the session logged in with (`--key-id`, written
/// into authorized_keys by the admin). `--officer` may only choose among the officers these map to.
struct Identity {
    var origin: Origin
    /// The officer the changes are made as.
    var officer: String
    /// Their role; nil on a board without a roster (everything allowed, as before).
    var role: OfficerRole?

    /// The OS user of the real uid, or the uid itself when it has no name.
    static func osUser() -> String {
        let uid = getuid()
        return getpwuid(uid).flatMap { $0.pointee.pw_name }.map { String(cString: $0) } ?? "uid \(uid)"
    }

    /// Resolves the identity against `store`'s roster and tells the store to write it into every
    /// change it commits. `directoryOwner`: the uid owning a data directory (a key is taken only
    /// from the service account that owns it); nil for a server.
    static func claim(_ requested: OfficerOption, store: any ChangeStore, directoryOwner: uid_t?) throws -> Identity {
        var key: String?
        if let keyId = requested.keyId {
            guard Officer.isFingerprint(keyId) else {
                throw IdentityError("--key-id \(keyId) is not a key fingerprint: expected SHA256:… as `ssh-keygen -lf KEY.pub` prints it")
            }
            if let owner = directoryOwner, owner != getuid() {
                throw IdentityError("--key-id is for the service account's forced command in authorized_keys; "
                                    + "\(osUser()) does not own \(store.location)")
            }
            key = keyId
        }
        let origin = Origin(osUser: osUser(), key: key)
        store.origin = origin
        let board = store.board
        guard board.hasRoster else { return Identity(origin: origin, officer: requested.name, role: nil) }
        let mine = board.officers(identifiedBy: origin)
        let who = key.map { "key \($0)" } ?? "OS user \(origin.osUser)"
        if let asked = requested.explicit {
            if let officer = mine.first(where: { $0.id == asked }) { return Identity(origin: origin, officer: officer.id, role: officer.role) }
            if let officer = board.roster[asked], !officer.isActive { throw IdentityError("officer \(asked) is retired") }
            guard !mine.isEmpty else { throw notOnRoster(who, origin, suggesting: asked) }
            throw IdentityError("\(who) is not officer \(asked); it may be: \(mine.map(\.id).joined(separator: ", "))")
        }
        switch mine.count {
        case 1: return Identity(origin: origin, officer: mine[0].id, role: mine[0].role)
        case 0: throw notOnRoster(who, origin, suggesting: requested.name)
        default:
            throw IdentityError("\(who) is more than one officer (\(mine.map(\.id).joined(separator: ", "))): choose one with --officer")
        }
    }

    private static func notOnRoster(_ who: String, _ origin: Origin, suggesting id: String) -> IdentityError {
        let identity = origin.key.map { "--key \($0)" } ?? "--os-user \(origin.osUser)"
        return IdentityError("\(who) is not on this situation's roster. Ask an admin to add you:\n"
                             + "  sitroom officers add \(id) --name 'YOUR NAME' --role officer \(identity)")
    }

    /// For a console: why it may change nothing (a watch officer), in the words shown when one tries.
    var readOnlyReason: String? {
        guard role == .watch else { return nil }
        return "read-only: \(officer) has the watch role; entering needs the officer role"
    }
}

struct IdentityError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension OfficerOption {
    /// The identity for a command that writes to `store`, or an exit with the reason. `needs`: a
    /// whole command that only that role may run (an import, a revert), checked before it plans.
    func claim(_ store: any ChangeStore, needs: (OfficerRole, String)? = nil) -> Identity {
        let owner = (store as? ChangeLog).flatMap { Identity.owner(of: $0.directory.path) }
        do {
            let me = try Identity.claim(self, store: store, directoryOwner: owner)
            if let (role, what) = needs, let mine = me.role, mine < role {
                throw IdentityError("\(what) needs the \(role.rawValue) role; \(me.officer) is \(mine.rawValue)")
            }
            return me
        } catch {
            fail("\(error)")
        }
    }
}

extension Identity {
    static func owner(of path: String) -> uid_t? {
        var s = stat()
        return stat(path, &s) == 0 ? s.st_uid : nil
    }
}
