import Foundation

extension QuickCommandParser {
    /// `cap`'s keys for equipment: a short name for each E-Gen item (`ct=0`, `ecmo=1`, `pvent=2`).
    public static let equipmentKeys: [(key: String, code: String)] = [
        ("ct", "hvctayn"), ("mri", "hvmriayn"), ("angio", "hvangioayn"), ("vent", "hvventiayn"), ("ventneo", "hvventisoayn"),
        ("incu", "hvincuayn"), ("crrt", "hvcrrtayn"), ("ecmo", "hvecmoayn"), ("oxy", "hvoxyayn"), ("hypo", "hvhypoayn"),
        ("pvent", "hv10"), ("incus", "hv11"),
    ]
    public static let capKeys = ["hours", "visits"] + equipmentKeys.map(\.key)
    public static let restrictKeys = ["cat", "from", "until"]

    static let yesNo: [(String, Int)] = [("yes", 1), ("y", 1), ("1", 1), ("+", 1), ("no", 0), ("n", 0), ("0", 0), ("-", 0)]
}

extension Reader {
    // MARK: cap

    /// `cap 서울대 -stroke +stemi "neurosurgeon off tonight"`: `+` available, `-` not, `?` unknown,
    /// each before a condition (code, short label or the start of a name; several joined by commas:
    /// `-stroke,sah`). The reason goes with the conditions marked `-` or `?` (with all of them when
    /// every one is `+`). Keys: `hours=24h|08:00-22:00`, `visits=total/severe[/mild]`, equipment
    /// (`ct=0`, `ecmo=1`, `pvent=2`).
    func cap(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like cap 서울대 -stroke +stemi \"neurosurgeon off tonight\""
        func signed(_ text: String) -> Bool { text.first.map { Availability(sign: $0) != nil } ?? false }
        guard let first = args.first, first.key == nil, first.quoted || !signed(first.text) else {
            throw QuickCommandError("cap needs a hospital, \(usage)")
        }
        let (hospital, used) = try leading(args, { try HospitalLookup.resolve($0, in: board) }, same: { $0.id == $1.id }, stops: signed)
        var report = CapabilityReport()
        var given: [(Condition, Availability)] = []
        var figures: [String] = []
        var free: [QuickToken] = []
        var seen: Set<String> = []
        for token in args.dropFirst(used) {
            if !token.quoted, token.key == nil, let sign = token.text.first, let availability = Availability(sign: sign) {
                let names = token.text.dropFirst().split(separator: ",").map(String.init)
                guard !names.isEmpty else { throw QuickCommandError("\(token.raw) needs a condition after \(sign), like \(sign)stroke") }
                for name in names {
                    let condition = try board.conditions.resolve(name)
                    guard report.conditions[condition.code] == nil else {
                        throw QuickCommandError("\(condition.short) is given twice (at \(token.raw))")
                    }
                    report.conditions[condition.code] = ConditionStatus(availability)
                    given.append((condition, availability))
                }
                continue
            }
            guard let key = token.key else {
                free.append(token)
                continue
            }
            try once(key, &seen, token)
            let value = token.value ?? ""
            switch key {
            case "hours":
                guard !value.isEmpty else { throw QuickCommandError("\(token.raw) needs hours, like hours=24h or hours=08:00-22:00") }
                report.hours = ERHours(text: value)
                figures.append("hours \(report.hours!.text)")
            case "visits":
                let parts = value.split(separator: "/", omittingEmptySubsequences: false).map { number($0) }
                guard (2...3).contains(parts.count), let total = parts[0], let severe = parts[1] else {
                    throw QuickCommandError("\(token.raw) needs total/severe[/mild], like visits=120/30")
                }
                let mild = parts.count == 3 ? parts[2] : total - severe
                guard let mild else { throw QuickCommandError("\(token.raw) needs total/severe[/mild], like visits=120/30/90") }
                report.visits = ERVisits(total: total, severe: severe, mild: mild)
                figures.append("visits \(total)/\(severe)/\(mild)")
            default:
                guard let code = QuickCommandParser.equipmentKeys.first(where: { $0.key == key })?.code,
                      let item = Equipment.item(code: code) else {
                    throw unknownKey(token, for: "cap", QuickCommandParser.capKeys)
                }
                if item.isCount {
                    guard let n = number(Substring(value)) else { throw QuickCommandError("\(token.raw) needs a number, like \(key)=2") }
                    report.equipment[code] = n
                    figures.append("\(item.english) \(n)")
                } else {
                    guard let n = QuickCommandParser.yesNo.first(where: { $0.0 == value.lowercased() })?.1 else {
                        throw QuickCommandError("\(token.raw) needs yes or no (1 or 0), like \(key)=0")
                    }
                    report.equipment[code] = n
                    figures.append("\(item.english) \(n == 1 ? "yes" : "no")")
                }
            }
        }
        let reason = QuickCommandParser.words(free)
        guard !given.isEmpty || reason.isEmpty else {
            throw QuickCommandError("\"\(reason)\": a reason goes with a condition, \(usage)")
        }
        guard !report.isEmpty else {
            throw QuickCommandError("cap needs a condition (+available -not ?unknown), equipment, hours= or visits=, \(usage)")
        }
        if !reason.isEmpty {
            let reasoned = given.contains { $0.1 != .available } ? given.filter { $0.1 != .available } : given
            for (condition, availability) in reasoned {
                report.conditions[condition.code] = ConditionStatus(availability, reason: reason)
            }
        }
        var parts = given.map { "\($0.1.sign)\($0.0.short)" } + figures
        if !reason.isEmpty { parts.append("“\(reason)”") }
        return .change(.reportCapability(id: hospital.id, report), summary: "\(hospital.name) " + parts.joined(separator: " "))
    }

    // MARK: restrict

    /// `restrict 서울대 "소아 야간 진료 불가 22:00–08:00" cat=paediatric until=08:00`, or
    /// `restrict 서울대 end` to end every restriction of the hospital not yet over.
    func restrict(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like restrict 서울대 \"소아 야간 진료 불가\" cat=paediatric until=08:00, or restrict 서울대 end"
        guard let first = args.first, first.key == nil else { throw QuickCommandError("restrict needs a hospital, \(usage)") }
        let (hospital, used) = try leading(
            args, { try HospitalLookup.resolve($0, in: board) }, same: { $0.id == $1.id }, stops: { $0.lowercased() == "end" })
        var category = Restriction.defaultCategory
        var from: Date?
        var until: Date?
        let (free, seen) = try keyed(args.dropFirst(used), aliases: ["category": "cat"]) { key, token in
            let value = token.value ?? ""
            switch key {
            case "cat":
                guard !value.isEmpty, !value.contains(where: \.isWhitespace) else {
                    throw QuickCommandError("\(token.raw) needs one word, like cat=paediatric")
                }
                category = value
            case "from": from = try time(value, key: "from", leaning: .future)
            case "until": until = try time(value, key: "until", leaning: .future)
            default: throw unknownKey(token, for: "restrict", QuickCommandParser.restrictKeys)
            }
        }
        let now = Date(timeIntervalSince1970: context.now.timeIntervalSince1970.rounded(.down))
        if free.count == 1, !free[0].quoted, free[0].text.lowercased() == "end" {
            if let key = seen.first { throw QuickCommandError("restrict … end takes no \(key)=") }
            let open = board.restrictions.values
                .filter { $0.hospitalId == hospital.id && $0.ended == nil && ($0.until.map { $0 > now } ?? true) }
                .sorted { ($0.from, $0.id) < ($1.from, $1.id) }
            guard !open.isEmpty else { throw QuickCommandError("\(hospital.name) has no restriction to end") }
            let what = open.count == 1 ? "“\(open[0].text)”" : "\(open.count) restrictions"
            return .change(.endRestrictions(ids: open.map(\.id)), summary: "\(hospital.name) restriction ended: \(what)")
        }
        let text = QuickCommandParser.words(free)
        guard !text.isEmpty else { throw QuickCommandError("restrict needs the text of the notice, \(usage)") }
        let restriction = Restriction(id: context.newId("rst"), hospitalId: hospital.id, text: text, category: category,
                                      from: from ?? now, until: until)
        var label = category == Restriction.defaultCategory ? "" : " [\(category)]"
        if let from { label += " from \(TimeExpression.short(from, timeZone: context.timeZone))" }
        if let until { label += " until \(TimeExpression.short(until, timeZone: context.timeZone))" }
        return .change(.addRestriction(restriction), summary: "\(hospital.name) restricted\(label): \(text)")
    }
}
