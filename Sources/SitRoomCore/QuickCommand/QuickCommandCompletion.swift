import Foundation

/// Tab completion for the quick command line.
public enum QuickCommandCompletion {
    /// Completes the word at the end of `line` (after a trailing space: a new, empty word).
    ///
    /// `candidates`: every word that fits there, sorted: command names, hospital ids / Korean names /
    /// romanised names, agency ids and names, contacts, ER states, outcomes, action ids, `key=` names
    /// (a `key=value` word is completed on its value: `h=서울대` → `h=서울대학교병원`).
    /// `completed`: the whole line with that word extended to the candidates' longest common prefix;
    /// with exactly one candidate, the word is finished (closing quote and a space, except after `key=`).
    /// Text with spaces is put in double quotes. No candidates: the line as it was.
    public static func complete(_ line: String, _ context: QuickCommandContext) -> (candidates: [String], completed: String) {
        let tokens = (try? QuickCommandTokenizer.tokens(line, strict: false)) ?? []
        let last = tokens.last
        let newWord = tokens.isEmpty || (line.last?.isWhitespace == true && last?.open != true)
        let word = newWord ? nil : last
        let position = newWord ? tokens.count : tokens.count - 1
        var keyPart = ""
        var typed = word?.text ?? ""
        if let word, let key = word.key, let value = word.value {
            keyPart = String(word.raw.prefix(key.count + 1))
            typed = value
        }
        var command = position == 0 ? "" : tokens[0].text.lowercased()
        if command.hasPrefix(":") { command.removeFirst() }

        let values = Self.values(command: command, position: position, key: word?.key, typed: typed, context.board)
        let lowered = typed.lowercased()
        let fitting = Set(values.filter { $0.lowercased().hasPrefix(lowered) })
        let sortedValues = fitting.sorted()
        guard !sortedValues.isEmpty else { return ([], line) }

        var insertion = commonPrefix(sortedValues)
        if insertion.count < typed.count { insertion = typed }
        let finished = sortedValues.count == 1
        let typedQuote = word?.raw.dropFirst(keyPart.count).first == "\""
        let quoted = typedQuote || insertion.contains(where: \.isWhitespace)
        var text = keyPart
        if quoted {
            text += "\"" + insertion.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            if finished { text += "\"" }
        } else {
            text += insertion
        }
        if finished && !insertion.hasSuffix("=") { text += " " }
        let start = word?.start ?? line.count
        let completed = String(line.prefix(start)) + text
        return (sortedValues.map { keyPart + $0 }, completed)
    }

    /// What may stand at `position` (0 = the command) of `command`, before filtering by `typed`.
    static func values(command: String, position: Int, key: String?, typed: String, _ board: Board) -> [String] {
        if position == 0 { return QuickCommandParser.commandNames }
        switch (command, position, key) {
        case ("er", 1, nil), ("strike", 1, nil), ("goto", 1, nil):
            return hospitals(typed, board)
        case ("er", _, nil):
            return ERState.allCases.map(\.rawValue) + QuickCommandParser.erKeys.map { $0 + "=" }
        case ("strike", _, nil):
            return QuickCommandParser.strikeKeys.map { $0 + "=" }
        case ("log", _, "sev"), ("log", _, "severity"):
            return Severity.allCases.map(\.rawValue)
        case ("log", _, "h"), ("log", _, "hospital"):
            return hospitals(typed, board)
        case ("log", _, "a"), ("log", _, "agency"):
            return agencies(typed, board)
        case ("log", _, nil):
            return QuickCommandParser.logKeys.map { $0 + "=" }
        case ("act", 1, nil):
            return agencies(typed, board)
        case ("act", _, nil):
            return QuickCommandParser.actKeys.map { $0 + "=" }
        case ("call", 1, _):
            guard !typed.isEmpty else { return agencies(typed, board) }
            return agencies(typed, board) + board.contacts.values.flatMap { [$0.id, $0.person] }
        case ("call", 2, _):
            return CallOutcome.allCases.map(\.rawValue)
        case ("done", 1, _):
            return board.actions.values.filter { $0.status == .open }.map(\.id)
        case ("cap", 1, nil), ("restrict", 1, nil):
            return hospitals(typed, board)
        case ("cap", _, nil):
            guard let sign = typed.first, Availability(sign: sign) != nil else { return QuickCommandParser.capKeys.map { $0 + "=" } }
            // After a comma, the next condition under the same sign: -stroke,s → -stroke,SAH
            let head = typed.lastIndex(of: ",").map { String(typed[...$0]) } ?? String(sign)
            return board.conditions.conditions.map { head + $0.short }
        case ("cap", _, "hours"):
            return [ERHours.allDayText]
        case ("restrict", _, nil):
            return ["end"] + QuickCommandParser.restrictKeys.map { $0 + "=" }
        case ("sec", _, _), ("level", _, _):
            return securityValues(command: command, position: position, key: key, typed: typed, board)
        case ("officer", 1, nil):
            return QuickCommandParser.officerSubcommands
        case ("officer", 2, nil):
            return board.roster.keys.sorted()
        case ("officer", _, "role"):
            return OfficerRole.allCases.map(\.rawValue)
        default:
            return []
        }
    }

    /// Ids, Korean names and romanised names; for nothing typed yet, the Korean names only.
    static func hospitals(_ typed: String, _ board: Board) -> [String] {
        let all = board.hospitals.values
        if typed.isEmpty { return all.map(\.name) }
        return all.flatMap { [$0.id, $0.name, $0.romanizedName] }.filter { !$0.isEmpty }
    }

    /// Ids, and the first word of each name (the Korean one in the demo: `경찰청`).
    static func agencies(_ typed: String, _ board: Board) -> [String] {
        let all = board.agencies.values
        if typed.isEmpty { return all.map(\.id) }
        return all.flatMap { a in [a.id] + (a.name.split(whereSeparator: \.isWhitespace).first.map { [String($0)] } ?? []) }
    }

    /// The longest prefix (compared case-insensitively) of all the strings, spelled as the first.
    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for s in strings.dropFirst() {
            let chars = Array(s)
            var n = 0
            while n < min(prefix.count, chars.count), String(prefix[n]).lowercased() == String(chars[n]).lowercased() { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }
}
