import Foundation

extension QuickCommandParser {
    public static let secKeys = ["injured", "at", "sev", "by"]
    public static let secSteps = ["notified", "onscene", "closed", "remove"]
    public static let levelKeys = ["post"]
}

extension Reader {
    // MARK: sec

    /// `sec <hospital> <type> [injured=n] [at=time] [sev=…] text` opens an incident;
    /// `sec <id> notified|onscene|closed|remove …` moves one along its timeline.
    func sec(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like sec 서울대 폭행 injured=1 \"patient's family hit a nurse\", or sec S1 notified"
        guard let first = args.first, first.key == nil else { throw QuickCommandError("sec needs a hospital or an incident id, \(usage)") }
        if let incident = incident(first.text) { return try step(incident, Array(args.dropFirst())) }
        // Incident ids are S and a number: "S99" is a missing incident, not a hospital's name.
        if first.text.count > 1, first.text.first.map({ $0 == "S" || $0 == "s" }) == true, first.text.dropFirst().allSatisfy(\.isNumber) {
            let open = board.securityIncidents.values.filter(\.isOpen).map(\.id).sorted()
            throw QuickCommandError("unknown security incident \(first.text.uppercased())" + (open.isEmpty ? "; none is open" : "; open: \(open.joined(separator: ", "))"))
        }
        return try open(args, usage: usage)
    }

    func incident(_ typed: String) -> SecurityIncident? {
        board.securityIncidents[typed] ?? board.securityIncidents.values.first { $0.id.lowercased() == typed.lowercased() }
    }

    func open(_ args: [QuickToken], usage: String) throws -> QuickCommand {
        let types = board.securityTypes
        let (hospital, used) = try leading(
            args, { try resolveHospital($0) }, same: { $0.id == $1.id }, stops: { !types.matching($0).isEmpty })
        var injured = 0
        var at: Date?
        var severity: Severity?
        let aliases = ["severity": "sev", "time": "at"]
        let (free, _) = try keyed(args.dropFirst(used), aliases: aliases) { key, token in
            let value = token.value ?? ""
            switch key {
            case "injured":
                guard let n = Int(value), n >= 0 else { throw QuickCommandError("\(token.raw) needs a number of staff, like injured=2") }
                injured = n
            case "at": at = try time(value, key: "at", leaning: .past)
            case "sev":
                guard let s = QuickCommandParser.abbreviated(value, QuickCommandParser.severities) else {
                    throw QuickCommandError("\"\(value)\" is not a severity (info, notice, warning, critical)")
                }
                severity = s
            default: throw unknownKey(token, for: "sec", ["injured", "at", "sev"])
            }
        }
        guard let typeWord = free.first(where: { !$0.quoted }) else {
            throw QuickCommandError("sec needs an incident type after the hospital (\(typeList)), \(usage)")
        }
        let type = try incidentType(typeWord.text)
        let text = QuickCommandParser.words(free.filter { $0.start != typeWord.start })
        guard !text.isEmpty else { throw QuickCommandError("sec needs a short text of what happened, \(usage)") }
        let now = Date(timeIntervalSince1970: context.now.timeIntervalSince1970.rounded(.down))
        let occurred = at ?? now
        let incident = SecurityIncident(
            id: board.nextSecurityIncidentId(), hospitalId: hospital.id, type: type.code,
            severity: severity ?? (injured > 0 ? .critical : .warning), text: text, staffInjured: injured,
            occurred: Stamp(at: occurred, by: ""), reported: Stamp(at: max(now, occurred), by: ""))
        var summary = "\(incident.id) \(hospital.name) \(type.english)"
        if injured > 0 { summary += ", \(injured) staff injured" }
        if let at { summary += " at \(TimeExpression.short(at, timeZone: context.timeZone))" }
        return .change(.security(.open(incident)), summary: summary + ": \(text)")
    }

    var typeList: String { board.securityTypes.types.map(\.code).joined(separator: ", ") }

    func incidentType(_ word: String) throws -> SecurityIncidentType {
        let found = board.securityTypes.matching(word)
        if found.count == 1 { return found[0] }
        if found.count > 1 {
            throw QuickCommandError("\"\(word)\" fits \(found.count) incident types: \(found.map { "\($0.code) (\($0.english))" }.joined(separator: ", "))",
                                    candidates: found.map(\.code))
        }
        let near = board.securityTypes.closest(word).map { "\($0.code) (\($0.english))" }
        throw QuickCommandError("no incident type matches \"\(word)\"" + (near.isEmpty ? "; types: \(typeList)" : Closest.suffix(near)))
    }

    /// A hospital as `HospitalLookup` finds it; a name that fits none is told with the closest ones.
    func resolveHospital(_ text: String) throws -> Hospital {
        do {
            return try HospitalLookup.resolve(text, in: board)
        } catch let error as QuickCommandError where error.candidates.isEmpty {
            throw QuickCommandError(error.message + Closest.suffix(board.closestHospitals(text)))
        }
    }

    func step(_ incident: SecurityIncident, _ args: [QuickToken]) throws -> QuickCommand {
        let usage = "sec \(incident.id) notified [police] [by=caller] [at=time] | onscene [at=time] | closed <outcome> [note] | remove <reason>"
        guard let word = args.first, word.key == nil, !word.quoted,
              let verb = QuickCommandParser.abbreviated(word.text, QuickCommandParser.secSteps.map { ($0, $0) }) else {
            throw QuickCommandError("after an incident id: \(usage)")
        }
        var at: Date?
        var caller = ""
        let (free, _) = try keyed(args.dropFirst(), aliases: ["time": "at"]) { key, token in
            switch key {
            case "at": at = try time(token.value ?? "", key: "at", leaning: .past)
            case "by" where verb == "notified": caller = token.value ?? ""
            default: throw unknownKey(token, for: "sec \(verb)", verb == "notified" ? ["at", "by"] : ["at"])
            }
        }
        let now = Date(timeIntervalSince1970: context.now.timeIntervalSince1970.rounded(.down))
        let when = at ?? now
        let hospital = board.hospitals[incident.hospitalId]?.name ?? incident.hospitalId
        let timeText = at.map { " at \(TimeExpression.short($0, timeZone: context.timeZone))" } ?? ""
        switch verb {
        case "notified":
            let police = try policeNotice(QuickCommandParser.words(free), caller: caller, hospitalId: incident.hospitalId)
            let whom = policeLabel(police)
            return .change(.security(.step(id: incident.id, SecurityStepReport(step: .notified, at: when, police: police))),
                           summary: "\(incident.id) \(hospital) police notified\(whom.isEmpty ? "" : " (\(whom))")\(timeText)")
        case "onscene":
            if let extra = free.first { throw QuickCommandError("unexpected \"\(extra.raw)\": \(usage)") }
            var summary = "\(incident.id) \(hospital) police on scene\(timeText)"
            if let notified = incident.notified?.at, when >= notified {
                summary += ", \(Format.age(when.timeIntervalSince(notified))) after notified"
            }
            return .change(.security(.step(id: incident.id, SecurityStepReport(step: .onScene, at: when))), summary: summary)
        case "closed":
            guard let outcomeWord = free.first else {
                throw QuickCommandError("closed needs an outcome (\(SecurityOutcome.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let outcome = SecurityOutcome.matching(outcomeWord.text) else {
                let near = Closest.names(outcomeWord.text, among: SecurityOutcome.allCases.map { ($0.rawValue, [$0.rawValue]) })
                throw QuickCommandError("\"\(outcomeWord.text)\" is not an outcome (\(SecurityOutcome.allCases.map(\.rawValue).joined(separator: ", ")))"
                                        + Closest.suffix(near))
            }
            let note = QuickCommandParser.words(Array(free.dropFirst()))
            return .change(.security(.step(id: incident.id, SecurityStepReport(step: .resolved, at: when, outcome: outcome, note: note))),
                           summary: "\(incident.id) \(hospital) closed: \(outcome.label)\(note.isEmpty ? "" : " – \(note)")\(timeText)")
        default:  // remove
            let reason = QuickCommandParser.words(free)
            guard !reason.isEmpty else { throw QuickCommandError("remove needs a reason, like sec \(incident.id) remove \"entered twice\"") }
            return .change(.security(.remove(id: incident.id, reason: reason)), summary: "\(incident.id) \(hospital) removed: \(reason)")
        }
    }

    /// The police named after `notified`: a contact, an agency (kept as its name), or text; nothing
    /// named means the post linked to the hospital.
    func policeNotice(_ words: String, caller: String, hospitalId: String) throws -> PoliceNotice {
        if words.isEmpty {
            let link = board.hospitalSecurity[hospitalId]
            return PoliceNotice(contactId: link?.policeContactId, text: link?.policeText ?? "", caller: caller)
        }
        if let (agency, contact) = try? AgencyLookup.resolveAgencyOrContact(words, in: board) {
            if let contact { return PoliceNotice(contactId: contact.id, caller: caller) }
            return PoliceNotice(text: agency.name, caller: caller)
        }
        return PoliceNotice(text: words, caller: caller)
    }

    func policeLabel(_ p: PoliceNotice) -> String {
        var parts: [String] = []
        if let id = p.contactId { parts.append(board.contacts[id]?.person ?? id) }
        if !p.text.isEmpty { parts.append(p.text) }
        if !p.caller.isEmpty { parts.append("by \(p.caller)") }
        return parts.joined(separator: " ")
    }

    // MARK: level

    /// `level <hospital> normal|elevated|high|lockdown [post=<contact or text>]`.
    func level(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like level 서울대 high, or level 서울대 post=\"혜화지구대 02-760-1000\""
        guard let first = args.first, first.key == nil else { throw QuickCommandError("level needs a hospital, \(usage)") }
        let (hospital, used) = try leading(
            args, { try resolveHospital($0) }, same: { $0.id == $1.id }, stops: { SecurityLevel.matching($0) != nil })
        var post: String?
        let (free, _) = try keyed(args.dropFirst(used), aliases: ["police": "post"]) { key, token in
            switch key {
            case "post": post = token.value ?? ""
            default: throw unknownKey(token, for: "level", QuickCommandParser.levelKeys)
            }
        }
        if let post {
            if let extra = free.first { throw QuickCommandError("unexpected \"\(extra.raw)\": set the level and the post separately, \(usage)") }
            if post.isEmpty {
                return .change(.security(.police(hospitalId: hospital.id, contactId: nil, text: "")), summary: "\(hospital.name) police post cleared")
            }
            let notice = try policeNotice(post, caller: "", hospitalId: hospital.id)
            return .change(.security(.police(hospitalId: hospital.id, contactId: notice.contactId, text: notice.text)),
                           summary: "\(hospital.name) police post: \(policeLabel(notice))")
        }
        guard free.count == 1, let level = SecurityLevel.matching(free[0].text) else {
            let levels = SecurityLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw QuickCommandError(free.isEmpty ? "level needs a level (\(levels)), \(usage)" : "\"\(QuickCommandParser.words(free))\" is not a level (\(levels))")
        }
        return .change(.security(.level(hospitalId: hospital.id, level)), summary: "\(hospital.name) security level \(level.rawValue)")
    }
}

extension QuickCommandCompletion {
    /// `sec`: open incidents' ids and hospitals first, then the steps, types, outcomes and keys;
    /// `level`: hospitals, then the levels.
    static func securityValues(command: String, position: Int, key: String?, typed: String, _ board: Board) -> [String] {
        if command == "level" {
            return position == 1 ? hospitals(typed, board) : SecurityLevel.allCases.map(\.rawValue) + ["post="]
        }
        if key == "sev" { return Severity.allCases.map(\.rawValue) }
        if position == 1 {
            return board.securityIncidents.values.filter(\.isOpen).map(\.id) + (typed.isEmpty ? [] : hospitals(typed, board))
        }
        if position == 2 {
            // After an incident id: its steps; after a hospital: the types.
            return QuickCommandParser.secSteps + board.securityTypes.types.flatMap { [$0.code, $0.korean] }
        }
        return SecurityOutcome.allCases.map(\.rawValue) + ["injured=", "at=", "sev=", "by="]
    }
}
