import Foundation

extension QuickCommandParser {
    public static let officerSubcommands = ["role", "desk", "name", "retire", "add"]
    public static let officerAddKeys = ["role", "desk", "user"]
}

extension Reader {
    // MARK: officer

    /// `officer role|desk|name|retire <officer> …` and `officer add <id> <name> [role=…] [desk=…] [user=…]`:
    /// the roster's changes from the console. Keys (long) are added on the command line.
    func officer(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like officer role kim supervisor, officer desk kim 경찰청, officer retire kim, "
            + "or officer add lee 이서연 role=officer user=lee"
        guard let first = args.first, first.key == nil, !first.quoted else { throw QuickCommandError("officer needs what to change, \(usage)") }
        guard let sub = QuickCommandParser.abbreviated(first.text, QuickCommandParser.officerSubcommands.map { ($0, $0) }) else {
            throw QuickCommandError("\"\(first.text)\" is not something to change on an officer (role, desk, name, retire, add), \(usage)")
        }
        let rest = Array(args.dropFirst())
        if sub == "add" { return try addOfficer(rest) }
        guard let who = rest.first, who.key == nil else { throw QuickCommandError("officer \(sub) needs an officer, \(usage)") }
        let officer = try rosterOfficer(who.text)
        let value = QuickCommandParser.words(Array(rest.dropFirst()))
        let label = "\(officer.id) (\(officer.name))"
        var edited = officer
        switch sub {
        case "role":
            guard rest.count == 2, let role = QuickCommandParser.abbreviated(value, QuickCommandParser.officerRoles) else {
                throw QuickCommandError("officer role \(officer.id) needs one role: watch, officer, supervisor or admin")
            }
            guard role != officer.role else { throw QuickCommandError("\(officer.id) is already \(role.rawValue)") }
            edited.role = role
            return .change(.roster(.edit(edited)), summary: "\(label) role \(officer.role.rawValue) → \(role.rawValue)")
        case "desk":
            guard value != officer.desk else { throw QuickCommandError("\(officer.id)'s desk is already \"\(value)\"") }
            edited.desk = value
            return .change(.roster(.edit(edited)), summary: value.isEmpty ? "\(label) desk cleared" : "\(label) desk \(value)")
        case "name":
            guard !value.isEmpty else { throw QuickCommandError("officer name \(officer.id) needs the name, like officer name \(officer.id) 김민준") }
            edited.name = value
            return .change(.roster(.edit(edited)), summary: "\(officer.id) name \(officer.name) → \(value)")
        default:
            guard rest.count == 1 else { throw QuickCommandError("officer retire takes one officer, like officer retire \(officer.id)") }
            guard officer.isActive else { throw QuickCommandError("officer \(officer.id) is already retired") }
            return .change(.roster(.retire(id: officer.id)), summary: "\(label) retired")
        }
    }

    private func addOfficer(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like officer add lee 이서연 role=officer desk=상황실 user=lee (keys: sitroom officers edit lee --key …)"
        guard let id = args.first, id.key == nil, !id.quoted else { throw QuickCommandError("officer add needs an id and a name, \(usage)") }
        var role = OfficerRole.officer
        var desk = ""
        var users: [String] = []
        let (free, _) = try keyed(args.dropFirst(), aliases: ["os": "user", "users": "user"]) { key, token in
            let value = token.value ?? ""
            switch key {
            case "role":
                guard let r = QuickCommandParser.abbreviated(value, QuickCommandParser.officerRoles) else {
                    throw QuickCommandError("\"\(value)\" is not a role (watch, officer, supervisor, admin)")
                }
                role = r
            case "desk": desk = value
            case "user": users = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: throw unknownKey(token, for: "officer add", QuickCommandParser.officerAddKeys)
            }
        }
        let name = QuickCommandParser.words(free)
        guard !name.isEmpty else { throw QuickCommandError("officer add \(id.text) needs a name, \(usage)") }
        if board.roster[id.text] != nil { throw QuickCommandError("officer \(id.text) is already on the roster") }
        guard !users.isEmpty else {
            throw QuickCommandError("officer add \(id.text) needs an identity: user=OS-USER here, or an SSH key with "
                                    + "sitroom officers add \(id.text) --key KEY.pub on the command line")
        }
        let officer = Officer(id: id.text, name: name, desk: desk, role: role, osUsers: users)
        return .change(.roster(.add(officer)), summary: "officer \(officer.id) (\(name)) added as \(role.rawValue)")
    }

    /// An officer by id (any case), or by the start of an id or name that fits only one.
    func rosterOfficer(_ typed: String) throws -> Officer {
        let roster = board.roster
        guard !roster.isEmpty else {
            throw QuickCommandError("this situation has no roster yet: start one with sitroom officers add ID --name NAME --role admin --os-user USER")
        }
        if let exact = roster[typed] ?? roster.values.first(where: { $0.id.lowercased() == typed.lowercased() }) { return exact }
        let t = typed.lowercased()
        let fits = roster.values.filter { $0.id.lowercased().hasPrefix(t) || $0.name.lowercased().hasPrefix(t) }.sorted { $0.id < $1.id }
        if fits.count == 1 { return fits[0] }
        if fits.count > 1 {
            throw QuickCommandError("\"\(typed)\" fits \(fits.count) officers: \(fits.map(\.id).joined(separator: ", "))",
                                    candidates: fits.map { "\($0.id) \($0.name)" })
        }
        throw QuickCommandError("no officer \"\(typed)\" on the roster; officers: \(roster.keys.sorted().joined(separator: ", "))")
    }
}

extension QuickCommandParser {
    static let officerRoles: [(String, OfficerRole)] = OfficerRole.allCases.map { ($0.rawValue, $0) }
}
