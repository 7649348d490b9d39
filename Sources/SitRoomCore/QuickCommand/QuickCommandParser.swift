import Foundation

/// Reads one quick command line into a `QuickCommand`; see `grammar` (in QuickCommandHelp.swift)
/// and the README. Names resolve against the context's board; whether figures are in range
/// (available ≤ staffed, …) is left to `Board.apply`.
public enum QuickCommandParser {
    public static let commandNames = [
        "er", "strike", "log", "act", "call", "done", "goto", "filter", "theme", "help", "undo", "redo",
        "cap", "restrict",
        "where",
        "sec", "level",
        "officers", "officer",
    ]

    public static let erKeys = ["beds", "icu", "nicu", "picu", "docs", "icudocs"]
    public static let strikeKeys = ["absent", "roll", "returned", "resigned", "orders", "served", "complied"]
    public static let logKeys = ["sev", "cat", "at", "h", "a"]
    public static let actKeys = ["due"]

    public static func parse(_ line: String, _ context: QuickCommandContext) throws -> QuickCommand {
        let tokens = try QuickCommandTokenizer.tokens(line, strict: true)
        guard var first = tokens.first else {
            throw QuickCommandError("empty command; commands: \(commandNames.joined(separator: " "))")
        }
        if first.text.hasPrefix(":") && !first.quoted { first.text.removeFirst() }
        let args = Array(tokens.dropFirst())
        let reader = Reader(context: context)
        switch first.quoted ? "" : first.text.lowercased() {
        case "er": return try reader.er(args)
        case "strike": return try reader.strike(args)
        case "log": return try reader.log(args)
        case "act": return try reader.act(args)
        case "call": return try reader.call(args)
        case "done": return try reader.done(args)
        case "cap": return try reader.cap(args)
        case "restrict": return try reader.restrict(args)
        case "sec": return try reader.sec(args)
        case "level": return try reader.level(args)
        case "officers":
            if let extra = args.first { throw QuickCommandError("unexpected \"\(extra.raw)\": officers shows the roster; officer role|desk|name|retire|add changes it") }
            return .officers
        case "officer": return try reader.officer(args)
        case "goto":
            guard !args.isEmpty else { throw QuickCommandError("goto needs a hospital, like goto 서울대") }
            return .goto(hospitalId: try HospitalLookup.resolve(words(args), in: context.board).id)
        case "filter": return .filter(words(args))
        case "theme":
            guard args.count == 1 else { throw QuickCommandError("theme takes one name, like theme wall") }
            return .theme(args[0].text)
        case "where": return try whereCapable(args, context)
        case "help", "?": return .help
        case "undo", "redo":
            if let extra = args.first { throw QuickCommandError("unexpected \"\(extra.raw)\": \(first.text) takes nothing after it") }
            return first.text.lowercased() == "undo" ? .undo : .redo
        default:
            throw QuickCommandError("unknown command \"\(first.text)\"; commands: \(commandNames.joined(separator: " "))")
        }
    }

    /// Free text from tokens: their texts joined by single spaces.
    static func words(_ tokens: [QuickToken]) -> String {
        tokens.map(\.text).joined(separator: " ")
    }

    /// Reads a value that may be abbreviated to an unambiguous prefix (case-insensitive).
    static func abbreviated<T: Equatable>(_ text: String, _ choices: [(String, T)]) -> T? {
        let t = text.lowercased()
        guard !t.isEmpty else { return nil }
        if let exact = choices.first(where: { $0.0 == t }) { return exact.1 }
        let matches = choices.filter { $0.0.hasPrefix(t) }
        // Aliases may repeat a value: ambiguous only if the prefixes lead to different values.
        guard let one = matches.first, matches.allSatisfy({ $0.1 == one.1 }) else { return nil }
        return one.1
    }

    static let erStates: [(String, ERState)] = ERState.allCases.map { ($0.rawValue, $0) }
    static let severities: [(String, Severity)] = Severity.allCases.map { ($0.rawValue, $0) }
    static let outcomes: [(String, CallOutcome)] = [
        ("reached", .reached), ("no-answer", .noAnswer), ("noanswer", .noAnswer), ("na", .noAnswer),
        ("n", .noAnswer), ("left-message", .leftMessage), ("leftmessage", .leftMessage), ("lm", .leftMessage),
        ("l", .leftMessage), ("r", .reached),
    ]
}

/// The per-command readers (`cap` and `restrict` are in QuickCommand+Capability.swift, `sec` and
/// `level` in QuickCommandSecurity.swift).
struct Reader {
    let context: QuickCommandContext
    var board: Board { context.board }

    // MARK: er

    func er(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like er 서울대 limited beds=3/20 \"CT down\""
        guard let first = args.first, first.key == nil else { throw QuickCommandError("er needs a hospital, \(usage)") }
        let (hospital, used) = try leading(
            args, { try HospitalLookup.resolve($0, in: board) }, same: { $0.id == $1.id },
            stops: { QuickCommandParser.abbreviated($0, QuickCommandParser.erStates) != nil })
        var report = HospitalReport()
        var figures: [String] = []
        let (unkeyed, seen) = try keyed(args.dropFirst(used)) { key, token in
            switch key {
            case "beds": report.erBeds = try capacity(token)
            case "icu": report.icuBeds = try capacity(token)
            case "nicu": report.nicuBeds = try capacity(token)
            case "picu": report.picuBeds = try capacity(token)
            case "docs": report.erDoctors = try staffing(token)
            case "icudocs": report.icuDoctors = try staffing(token)
            default: throw unknownKey(token, for: "er", QuickCommandParser.erKeys)
            }
        }
        // Bare a/b figures fill ER beds, ICU beds and ER doctors in that order (skipping any given by
        // name): "er snuh l 3/20 1/12 4/6" is the meeting-speed form of beds=3/20 icu=1/12 docs=4/6.
        var slots = ["beds", "icu", "docs"].filter { !seen.contains($0) }
        var free = try unkeyed.filter { token in
            guard !token.quoted, let (a, b) = pair(token.text) else { return true }
            guard !slots.isEmpty else {
                throw QuickCommandError("\(token.text): bare figures fill beds, icu and docs; name the others, like nicu=1/8")
            }
            switch slots.removeFirst() {
            case "beds": report.erBeds = Capacity(available: a, staffed: b)
            case "icu": report.icuBeds = Capacity(available: a, staffed: b)
            default: report.erDoctors = Staffing(onDuty: a, minimum: b)
            }
            return false
        }
        if let c = report.erBeds { figures.append("beds \(c.available)/\(c.staffed)") }
        if let c = report.icuBeds { figures.append("ICU \(c.available)/\(c.staffed)") }
        if let c = report.nicuBeds { figures.append("NICU \(c.available)/\(c.staffed)") }
        if let c = report.picuBeds { figures.append("PICU \(c.available)/\(c.staffed)") }
        if let s = report.erDoctors { figures.append("docs \(s.onDuty)/\(s.minimum)") }
        if let s = report.icuDoctors { figures.append("ICU docs \(s.onDuty)/\(s.minimum)") }
        // The first unquoted word is the state; everything else free is the reason.
        if let index = free.firstIndex(where: { !$0.quoted }) {
            let word = free[index].text
            guard let state = QuickCommandParser.abbreviated(word, QuickCommandParser.erStates) else {
                throw QuickCommandError("\"\(word)\" is not an ER state (open, limited, diverting, closed)")
            }
            report.erState = state
            free.remove(at: index)
        }
        let reason = QuickCommandParser.words(free)
        if !reason.isEmpty { report.erReason = reason }
        guard report.erState != nil || report.erReason != nil || !figures.isEmpty else {
            throw QuickCommandError("er needs an ER state (open, limited, diverting, closed) or a figure, \(usage)")
        }
        var status: [String] = []
        if let state = report.erState { status.append("ER \(state.rawValue)") }
        if let reason = report.erReason { status.append(report.erState == nil ? "ER reason \"\(reason)\"" : "\"\(reason)\"") }
        var parts = status.isEmpty ? [] : [status.joined(separator: " ")]
        parts += figures
        return .change(.reportHospital(id: hospital.id, report), summary: "\(hospital.name) " + parts.joined(separator: ", "))
    }

    func capacity(_ token: QuickToken) throws -> Capacity {
        guard let (a, b) = pair(token.value) else {
            throw QuickCommandError("\(token.raw) needs available/staffed, like \(token.key!)=3/20")
        }
        return Capacity(available: a, staffed: b)
    }

    func staffing(_ token: QuickToken) throws -> Staffing {
        guard let (a, b) = pair(token.value) else {
            throw QuickCommandError("\(token.raw) needs on-duty/minimum, like \(token.key!)=4/6")
        }
        return Staffing(onDuty: a, minimum: b)
    }

    func pair(_ text: String?) -> (Int, Int)? {
        guard let parts = text?.split(separator: "/", omittingEmptySubsequences: false), parts.count == 2,
              let a = number(parts[0]), let b = number(parts[1]) else { return nil }
        return (a, b)
    }

    /// Digits only (a sign is let through so that Board.apply names a negative figure).
    func number(_ text: Substring) -> Int? {
        guard text.count <= 9 else { return nil }
        return Int(text)
    }

    // MARK: strike

    func strike(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like strike 서울대 absent=120/150 returned=3"
        guard let first = args.first, first.key == nil else { throw QuickCommandError("strike needs a hospital, \(usage)") }
        let (hospital, used) = try leading(args, { try HospitalLookup.resolve($0, in: board) }, same: { $0.id == $1.id })
        var r = HospitalReport()
        var seen: Set<String> = []
        for token in args.dropFirst(used) {
            guard let key = token.key else {
                throw QuickCommandError(
                    "unexpected \"\(token.raw)\"; keys for strike: \(QuickCommandParser.strikeKeys.joined(separator: " "))")
            }
            try once(key, &seen, token)
            func count() throws -> Int {
                guard let v = token.value, let n = number(Substring(v)) else {
                    throw QuickCommandError("\(token.raw) needs a number, like \(key)=3")
                }
                return n
            }
            switch key {
            case "absent":
                if let (absent, roll) = pair(token.value) {
                    try once("roll", &seen, token)
                    r.traineesAbsent = absent
                    r.traineesOnRoll = roll
                } else if let v = token.value, let n = number(Substring(v)) {
                    r.traineesAbsent = n
                } else {
                    throw QuickCommandError("\(token.raw) needs a number or absent/roll, like absent=120/150")
                }
            case "roll": r.traineesOnRoll = try count()
            case "returned": r.traineesReturned = try count()
            case "resigned": r.resignations = try count()
            case "orders": r.ordersIssued = try count()
            case "served": r.ordersServed = try count()
            case "complied": r.ordersComplied = try count()
            default: throw unknownKey(token, for: "strike", QuickCommandParser.strikeKeys)
            }
        }
        var parts: [String] = []
        if let a = r.traineesAbsent { parts.append("trainees absent \(a)" + (r.traineesOnRoll.map { "/\($0)" } ?? "")) }
        else if let roll = r.traineesOnRoll { parts.append("trainees on roll \(roll)") }
        if let n = r.traineesReturned { parts.append("returned \(n)") }
        if let n = r.resignations { parts.append("resigned \(n)") }
        if let n = r.ordersIssued { parts.append("orders \(n)") }
        if let n = r.ordersServed { parts.append("served \(n)") }
        if let n = r.ordersComplied { parts.append("complied \(n)") }
        guard !parts.isEmpty else { throw QuickCommandError("strike needs a figure, \(usage)") }
        return .change(.reportHospital(id: hospital.id, r), summary: "\(hospital.name) " + parts.joined(separator: ", "))
    }

    // MARK: log

    func log(_ args: [QuickToken]) throws -> QuickCommand {
        var severity = Severity.info
        var category = "general"
        var at: Date?
        var hospital: Hospital?
        var agency: Agency?
        let aliases = ["severity": "sev", "category": "cat", "hospital": "h", "agency": "a"]
        let (free, _) = try keyed(args, aliases: aliases) { key, token in
            let value = token.value ?? ""
            switch key {
            case "sev":
                guard let s = QuickCommandParser.abbreviated(value, QuickCommandParser.severities) else {
                    throw QuickCommandError("\"\(value)\" is not a severity (info, notice, warning, critical)")
                }
                severity = s
            case "cat":
                guard !value.isEmpty else { throw QuickCommandError("\(token.raw) needs a word, like cat=security") }
                category = value
            case "at": at = try time(value, key: "at", leaning: .past)
            case "h": hospital = try HospitalLookup.resolve(value, in: board)
            case "a": agency = try AgencyLookup.resolve(value, in: board)
            default: throw unknownKey(token, for: "log", QuickCommandParser.logKeys)
            }
        }
        let text = QuickCommandParser.words(free)
        guard !text.isEmpty else {
            throw QuickCommandError("log needs text, like log sev=warning \"Crowd at Anam ER\"")
        }
        let now = Date(timeIntervalSince1970: context.now.timeIntervalSince1970.rounded(.down))
        let entry = LogEntry(
            id: context.newId("log"), eventTime: at ?? now, category: category, severity: severity, text: text,
            hospitalId: hospital?.id, agencyId: agency?.id)
        var label = severity.rawValue
        if category != "general" { label += "/\(category)" }
        if let at { label += " at \(TimeExpression.short(at, timeZone: context.timeZone))" }
        if let hospital { label += " \(hospital.name)" }
        if let agency { label += " \(agency.id)" }
        return .change(.addLog(entry), summary: "log \(label): \(text)")
    }

    // MARK: act

    func act(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like act knpa \"Post officers at the Anam ER\" due=18:00"
        guard let first = args.first, first.key == nil else { throw QuickCommandError("act needs an agency, \(usage)") }
        let (agency, used) = try leading(args, { try AgencyLookup.resolve($0, in: board) }, same: { $0.id == $1.id })
        var due: Date?
        let (free, _) = try keyed(args.dropFirst(used)) { key, token in
            switch key {
            case "due": due = try time(token.value ?? "", key: "due", leaning: .future)
            default: throw unknownKey(token, for: "act", QuickCommandParser.actKeys)
            }
        }
        let text = QuickCommandParser.words(free)
        guard !text.isEmpty else { throw QuickCommandError("act needs the text of the action, \(usage)") }
        let item = ActionItem(id: context.newId("act"), text: text, ownerAgencyId: agency.id, due: due)
        let dueText = due.map { " (due \(TimeExpression.short($0, timeZone: context.timeZone)))" } ?? ""
        return .change(.addAction(item), summary: "action \(item.id) for \(agency.id): \(text)\(dueText)")
    }

    // MARK: call

    func call(_ args: [QuickToken]) throws -> QuickCommand {
        let usage = "like call knpa reached \"confirmed 18:00\""
        guard !args.isEmpty else { throw QuickCommandError("call needs an agency or contact, \(usage)") }
        let ((agency, contact), used) = try leading(
            args, { try AgencyLookup.resolveAgencyOrContact($0, in: board) }, same: { $0.0.id == $1.0.id && $0.1?.id == $1.1?.id },
            stops: { QuickCommandParser.abbreviated($0, QuickCommandParser.outcomes) != nil })
        guard args.count > used else {
            throw QuickCommandError("call needs an outcome (reached, no-answer, left-message), \(usage)")
        }
        let word = args[used].text
        guard let outcome = QuickCommandParser.abbreviated(word, QuickCommandParser.outcomes) else {
            throw QuickCommandError("\"\(word)\" is not a call outcome (reached, no-answer, left-message)")
        }
        // No keys: the rest of the line is the note, `=` and all.
        let note = args.dropFirst(used + 1).map(\.text).joined(separator: " ")
        let record = CallRecord(id: context.newId("call"), agencyId: agency.id, contactId: contact?.id,
                                outcome: outcome, note: note)
        let who = contact.map { "\($0.person) (\(agency.id))" } ?? agency.id
        return .change(.logCall(record), summary: "call \(who): \(outcome.rawValue)" + (note.isEmpty ? "" : " – \(note)"))
    }

    // MARK: done

    func done(_ args: [QuickToken]) throws -> QuickCommand {
        guard args.count == 1 else { throw QuickCommandError("done takes an action item id, like done act-003") }
        let typed = args[0].text
        guard let item = board.actions[typed] ?? board.actions.values.first(where: { $0.id.lowercased() == typed.lowercased() })
        else { throw QuickCommandError("unknown action item \"\(typed)\"") }
        guard item.status == .open else { throw QuickCommandError("action item \(item.id) is already \(item.status.rawValue)") }
        return .change(.editAction(id: item.id, ActionPatch(status: .done)), summary: "\(item.id) done: \(item.text)")
    }

    // MARK: Shared

    /// Resolves the name at the start of `args`: the first word, or, while that fits several
    /// records, it and the unquoted words after it (`er seoul national limited`); then as many more
    /// words as still name the same record (`er seoul st marys open`). A word for which `stops` is
    /// true (an ER state after `er`, an outcome after `call`) ends the name. Returns the record and
    /// how many words named it; a name that fits none or several is the first word's error.
    func leading<T>(
        _ args: [QuickToken], _ resolve: (String) throws -> T, same: (T, T) -> Bool, stops: (String) -> Bool = { _ in false }
    ) throws -> (T, Int) {
        let more = args.dropFirst().prefix { $0.key == nil && !$0.quoted && !stops($0.text) }
        var words = [args[0].text]
        var found: T
        do {
            found = try resolve(words[0])
        } catch let firstError as QuickCommandError where !firstError.candidates.isEmpty && !args[0].quoted {
            var resolved: T?
            for token in more {
                words.append(token.text)
                do {
                    resolved = try resolve(words.joined(separator: " "))
                    break
                } catch let e as QuickCommandError where !e.candidates.isEmpty {
                    continue
                } catch {
                    break
                }
            }
            guard let resolved else { throw firstError }
            found = resolved
        }
        if args[0].quoted { return (found, 1) }
        for token in more.dropFirst(words.count - 1) {
            guard let longer = try? resolve((words + [token.text]).joined(separator: " ")), same(longer, found) else { break }
            words.append(token.text)
        }
        return (found, words.count)
    }

    func time(_ value: String, key: String, leaning: TimeExpression.Leaning) throws -> Date {
        guard let date = TimeExpression.parse(value, now: context.now, timeZone: context.timeZone, leaning: leaning) else {
            throw QuickCommandError("\(key) \"\(value)\" is not a time (\(TimeExpression.examples))")
        }
        return date
    }

    func once(_ key: String, _ seen: inout Set<String>, _ token: QuickToken) throws {
        guard seen.insert(key).inserted else { throw QuickCommandError("\(key) is given twice (at \(token.raw))") }
    }

    /// Hands each keyed token to `each` in order, its key first put in its short form through
    /// `aliases` and allowed once; returns the tokens without a key (the free text) and the keys seen.
    func keyed(
        _ tokens: some Sequence<QuickToken>, aliases: [String: String] = [:],
        _ each: (_ key: String, _ token: QuickToken) throws -> Void
    ) throws -> (free: [QuickToken], seen: Set<String>) {
        var seen: Set<String> = []
        var free: [QuickToken] = []
        for token in tokens {
            guard let key = token.key.map({ aliases[$0] ?? $0 }) else {
                free.append(token)
                continue
            }
            try once(key, &seen, token)
            try each(key, token)
        }
        return (free, seen)
    }

    func unknownKey(_ token: QuickToken, for command: String, _ keys: [String]) -> QuickCommandError {
        QuickCommandError("unknown key \"\(token.key!)\"; keys for \(command): \(keys.joined(separator: " "))")
    }
}

// MARK: - Tokens

/// One word of a quick command line.
struct QuickToken: Equatable {
    /// The word without its quotes.
    var text: String
    /// As typed, quotes included.
    var raw: String
    /// The word began with a double quote: free text, never a key or a command.
    var quoted: Bool
    /// For `key=value` (unquoted key of letters): the key, lower-cased, and the value without quotes.
    var key: String?
    var value: String?
    /// Where the word starts in the line, in characters.
    var start: Int
    /// A quote was opened and not closed (only when not strict).
    var open: Bool = false
}

enum QuickCommandTokenizer {
    /// Splits on spaces; `"double quoted text"` is one word (`\"` and `\\` inside quotes are a quote
    /// and a backslash). `strict`: an unclosed quote is an error (else the word runs to the end).
    static func tokens(_ line: String, strict: Bool) throws -> [QuickToken] {
        var tokens: [QuickToken] = []
        var text = ""
        var raw = ""
        var inQuotes = false
        var startedQuoted = false
        var start = -1
        var escaped = false
        func finish() {
            guard start >= 0 else { return }
            var token = QuickToken(text: text, raw: raw, quoted: startedQuoted, start: start, open: inQuotes)
            if !startedQuoted, let eq = raw.firstIndex(of: "="), eq > raw.startIndex,
               raw[..<eq].allSatisfy({ $0.isASCII && $0.isLetter }) {
                token.key = raw[..<eq].lowercased()
                // The value as read (quotes removed): text after the key's "=".
                token.value = String(text.dropFirst(raw.distance(from: raw.startIndex, to: eq) + 1))
            }
            tokens.append(token)
            text = ""
            raw = ""
            start = -1
            startedQuoted = false
        }
        for (offset, c) in line.enumerated() {
            if start < 0 {
                if c.isWhitespace { continue }
                start = offset
                startedQuoted = c == "\""
            }
            if inQuotes {
                raw.append(c)
                if escaped {
                    text.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inQuotes = false
                } else {
                    text.append(c)
                }
                continue
            }
            if c.isWhitespace {
                finish()
            } else if c == "\"" {
                raw.append(c)
                inQuotes = true
            } else {
                raw.append(c)
                text.append(c)
            }
        }
        if inQuotes && strict {
            throw QuickCommandError("a quote is not closed: \(raw)")
        }
        finish()
        return tokens
    }
}
