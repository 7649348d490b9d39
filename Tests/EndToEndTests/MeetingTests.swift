import Foundation
import Testing

/// A scripted situation meeting, done only with keys in the real binary in tmux, then checked
/// against `sitroom export`: exactly the intended changes, and nothing else.
@Suite(.serialized) struct MeetingTests: DemoSuite {
    let demo: DemoData

    static let officer = "kim.duty"

    init() throws { demo = try DemoData("meeting") }

    func open() throws -> TmuxSession {
        try TmuxSession.console(data: data, officer: Self.officer, width: 100, height: 30, remainOnExit: true)
    }

    /// The board as `sitroom export --format json` writes it.
    func export() throws -> [String: Any] {
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", data, "--format", "json"], stdin: nil)
        guard r.status == 0 else { throw TmuxError(description: "export failed (\(r.status)): \(r.stderr)") }
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(object as? [String: Any], "export is not a JSON object: \(r.stdout.prefix(200))")
    }

    /// Sends keys to the console and counts them: a tmux key name is one key, and so is each
    /// character of literal text (a Korean syllable is one character).
    final class Keyboard {
        let tmux: TmuxSession
        private(set) var count = 0

        init(_ tmux: TmuxSession) { self.tmux = tmux }

        /// Key names ("Enter", "Tab", "C-u") or single characters (":", "/", "c", "u", "q").
        func press(_ keys: String...) {
            for key in keys {
                precondition(TmuxSession.isKeyName(key) || key.count == 1, "not one key: \(key)")
                if TmuxSession.isKeyName(key) { tmux.sendKeys(key) } else { tmux.sendText(key) }
                count += 1
            }
        }

        /// Literal text, one key per character.
        func type(_ text: String) {
            tmux.sendText(text)
            count += text.count
        }
    }

    // MARK: Reading the screen

    static func lines(_ screen: String) -> [Substring] {
        screen.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The bottom row: the command or filter line while one is open, else the status line.
    static func bottomLine(_ screen: String) -> String {
        String(lines(screen).last ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// Waits until the bottom row is exactly `line` (e.g. a typed command, before Enter).
    @discardableResult
    static func waitForBottomLine(_ tmux: TmuxSession, _ line: String) throws -> String {
        try tmux.waitUntil("the bottom line to read \(line)") { bottomLine($0) == line }
    }

    /// Waits for the status message of the change saved as `seq`, containing `summary`.
    @discardableResult
    static func waitForSaved(_ tmux: TmuxSession, _ seq: UInt64, _ summary: String) throws -> String {
        try tmux.waitUntil("\"saved #\(seq): …\(summary)…\"") { screen in
            lines(screen).contains { $0.contains("saved #\(seq): ") && $0.contains(summary) }
        }
    }

    /// Waits for the status message of a change containing `summary` and returns its number.
    static func waitForSaved(_ tmux: TmuxSession, _ summary: String) throws -> UInt64 {
        var seq: UInt64?
        try tmux.waitUntil("\"saved #…: …\(summary)…\"") { screen in
            seq = lines(screen).lazy.compactMap { line -> UInt64? in
                guard line.contains(summary), let mark = line.range(of: "saved #") else { return nil }
                return UInt64(line[mark.upperBound...].prefix { $0.isNumber })
            }.first
            return seq != nil
        }
        return seq!
    }

    // MARK: Reading the export

    /// An ISO 8601 time of the export ("2026-11-23T12:03:41Z", maybe with fractional seconds).
    static func date(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    static func table(_ doc: [String: Any], _ name: String) -> [[String: Any]] {
        doc[name] as? [[String: Any]] ?? []
    }

    static func byId(_ rows: [[String: Any]]) -> [String: [String: Any]] {
        Dictionary(rows.compactMap { row in (row["id"] as? String).map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
    }

    /// JSON values compared as canonical JSON text (sorted keys).
    static func same(_ a: Any?, _ b: Any?) -> Bool {
        func canonical(_ v: Any?) -> Data? {
            guard let v else { return nil }
            return try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed])
        }
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return canonical(a) != nil && canonical(a) == canonical(b)
        default: return false
        }
    }

    /// `due=18:00` entered at `t`: 18:00 KST that day, or the next day's if that is more than an hour past.
    static func expectedDue(enteredAt t: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
        let today = calendar.date(bySettingHour: 18, minute: 0, second: 0, of: t)!
        return t.timeIntervalSince(today) > 3600 ? calendar.date(byAdding: .day, value: 1, to: today)! : today
    }

    // MARK: The meeting

    @Test func aMeetingDoneByKeysLeavesExactlyTheIntendedBoard() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try export()
        #expect(before["seq"] as? Int == Int(base))
        let started = Date()

        let tmux = try open()
        let keys = Keyboard(tmux)
        try tmux.waitUntil("the wall, coverage focused first") {
            $0.contains("✔ saved #\(base)") && $0.contains("┏━ 2 ER/ICU coverage") && $0.contains("KST")
        }
        var undoSeq: UInt64 = 0
        var perStep: [(String, Int)] = []
        func step(_ name: String, _ body: () throws -> Void) rethrows {
            let start = keys.count
            try body()
            perStep.append((name, keys.count - start))
        }

        // 1. An ER's status, reason, ER beds, ICU beds and doctors, in one line from the main screen.
        let update = "er snuh l 3/20 1/12 4/6"
        let reason = #" "2 ER specialists out""#
        var step1Core = 0
        try step("1 er") {
            let start = keys.count
            keys.press(":")
            keys.type(update)
            step1Core = keys.count - start + 1  // with the Enter below
            keys.type(reason)
            try Self.waitForBottomLine(tmux, ":" + update + reason)
            keys.press("Enter")
            try Self.waitForSaved(tmux, base + 1, "서울대학교병원 ER limited")
        }

        // 2. A log entry, in Korean.
        let logText = "응급실 앞 대기 인원 증가"
        try step("2 log") {
            keys.press(":")
            keys.type("log sev=warning " + logText)
            try Self.waitForBottomLine(tmux, ":log sev=warning " + logText)
            keys.press("Enter")
            try Self.waitForSaved(tmux, base + 2, logText)
        }
        try tmux.waitUntil("the entry in Latest") { screen in
            Self.lines(screen).contains { $0.contains("WARNING") && $0.contains(logText) }
        }

        // 3. An action item for the police, due at 18:00.
        let actionText = "Post officers at Anam ER"
        var actionEnteredBetween = (Date(), Date())
        try step("3 act") {
            keys.press(":")
            keys.type(#"act police "\#(actionText)" due=18:00"#)
            try Self.waitForBottomLine(tmux, #":act police "\#(actionText)" due=18:00"#)
            actionEnteredBetween.0 = Date()
            keys.press("Enter")
            try Self.waitForSaved(tmux, base + 3, " for knpa: " + actionText)
            actionEnteredBetween.1 = Date()
        }

        // 4. The police liaison reached: contacts panel, filter to the police, `c` on the first one.
        var contactId = ""
        try step("4 call") {
            keys.press("Tab")
            try tmux.waitFor("┏━ 3 Inter-agency contacts")
            keys.press("/")
            try Self.waitForBottomLine(tmux, "/")
            keys.type("경찰")
            try tmux.waitUntil("the contacts filtered to the police") { screen in
                screen.contains("┏━ 3 Inter-agency contacts /경찰") && Self.bottomLine(screen) == "/경찰"
            }
            keys.press("Enter")
            let filtered = try tmux.waitUntil("the filter kept and its line closed") { screen in
                screen.contains("┏━ 3 Inter-agency contacts /경찰") && !Self.bottomLine(screen).hasPrefix("/")
            }
            // Every contact row left is a police one (the agency column starts with 경찰청).
            let contactRows = Self.lines(filtered).filter { $0.contains("-0000-") }
            #expect(!contactRows.isEmpty && contactRows.allSatisfy { $0.contains("경찰청") }, "\(filtered)")
            keys.press("c")
            let line = try tmux.waitUntil("the call line with the selected contact") {
                Self.bottomLine($0).hasPrefix(":call ") && Self.bottomLine($0).split(separator: " ").count == 2
            }
            contactId = String(Self.bottomLine(line).split(separator: " ")[1])
            keys.type(#"r "confirmed 18:00""#)
            try Self.waitForBottomLine(tmux, #":call \#(contactId) r "confirmed 18:00""#)
            keys.press("Enter")
            try Self.waitForSaved(tmux, base + 4, "reached – confirmed 18:00")
        }

        // 5. A wrong change, undone.
        try step("5 wrong+undo") {
            keys.press(":")
            keys.type("er snuh c")
            try Self.waitForBottomLine(tmux, ":er snuh c")
            keys.press("Enter")
            try Self.waitForSaved(tmux, base + 5, "서울대학교병원 ER closed")
            // The er-closed alert (and any capability alert the closed ER leaves behind) is raised
            // with it, from base+6; the undo clears them again.
            keys.press("u")
            undoSeq = try Self.waitForSaved(tmux, "undo: 서울대학교병원 ER status")
        }

        // 6. The coverage panel filtered to Seoul: SNUH is limited again, with the new figures.
        try step("6 filter") {
            keys.press("Tab")
            try tmux.waitFor("┏━ 1 Strike status")
            keys.press("Tab")
            try tmux.waitFor("┏━ 2 ER/ICU coverage")
            keys.press("/")
            try Self.waitForBottomLine(tmux, "/")
            keys.type("서울")
            try Self.waitForBottomLine(tmux, "/서울")
            keys.press("Enter")
            try tmux.waitUntil("the coverage filtered to 서울, SNUH limited again") { screen in
                screen.contains("┏━ 2 ER/ICU coverage /서울") && !Self.bottomLine(screen).hasPrefix("/")
                    && Self.lines(screen).contains {
                        $0.contains("서울대학교병원 ") && !$0.contains("분당") && $0.contains("LIMITED")
                            && $0.contains("3/20") && $0.contains("1/12") && $0.contains("4/6")
                    }
            }
        }

        // 7. Quit.
        try step("7 quit") {
            keys.press("q")
            try tmux.waitUntil("the console to exit") { _ in tmux.paneIsDead() }
        }

        let steps = perStep.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        print("meeting keystrokes: \(keys.count) in all (\(steps)); "
              + "step 1, update one hospital's ER status, ER beds, ICU beds and doctors from the main screen "
              + "(\":\(update)⏎\"): \(step1Core), with the quoted reason: \(perStep[0].1)")
        #expect(step1Core <= 30)
        #expect(step1Core + reason.count == perStep[0].1)

        // The board: exactly the intended changes.
        let after = try export()
        let finished = Date()
        func recent(_ value: Any?) -> Bool {
            guard let d = Self.date(value) else { return false }
            return d >= started.addingTimeInterval(-2) && d <= finished.addingTimeInterval(2)
        }
        let raisedWithTheWrongChange = Int(undoSeq) - Int(base) - 6
        #expect(raisedWithTheWrongChange >= 1)
        #expect(after["seq"] as? Int == Int(undoSeq) + raisedWithTheWrongChange, "each alert raised with it cleared by the undo")
        let cleared = (after["alertHistory"] as? [[String: Any]])?.suffix(raisedWithTheWrongChange).compactMap { $0["id"] as? String }
        #expect(cleared?.contains("er-closed/A1100017") == true, "the wrong change's alert came and went")
        for key in ["format", "version", "incident", "strikes", "agencies"] {
            #expect(Self.same(before[key], after[key]), "\(key) changed")
        }

        // Hospitals: only SNUH's ER status and three figures.
        let hospitalsBefore = Self.byId(Self.table(before, "hospitals"))
        let hospitalsAfter = Self.byId(Self.table(after, "hospitals"))
        #expect(Set(hospitalsBefore.keys) == Set(hospitalsAfter.keys))
        for (id, old) in hospitalsBefore where id != "A1100017" {
            #expect(Self.same(old, hospitalsAfter[id]), "hospital \(id) changed")
        }
        let snuh = try #require(hospitalsAfter["A1100017"])
        let snuhBefore = try #require(hospitalsBefore["A1100017"])
        let reported: Set<String> = ["erStatus", "erBeds", "icuBeds", "erDoctors"]
        for key in Set(snuh.keys).union(snuhBefore.keys).subtracting(reported) {
            #expect(Self.same(snuh[key], snuhBefore[key]), "SNUH \(key) changed")
        }
        let expected: [String: [String: Any]] = [
            "erStatus": ["state": "limited", "reason": "2 ER specialists out"],
            "erBeds": ["available": 3, "staffed": 20],
            "icuBeds": ["available": 1, "staffed": 12],
            "erDoctors": ["onDuty": 4, "minimum": 6],
        ]
        for (key, value) in expected {
            let figure = snuh[key] as? [String: Any]
            #expect(Self.same(figure?["value"], value), "SNUH \(key): \(String(describing: figure))")
            #expect(figure?["by"] as? String == Self.officer, "SNUH \(key) by")
            #expect(recent(figure?["at"]), "SNUH \(key) at \(String(describing: figure?["at"]))")
        }
        // The undo put the status back as step 1 left it, stamp and all.
        #expect(Self.same((snuh["erStatus"] as? [String: Any])?["at"], (snuh["erBeds"] as? [String: Any])?["at"]))

        // The log: one new entry, last.
        let logBefore = Self.table(before, "log"), logAfter = Self.table(after, "log")
        #expect(logAfter.count == logBefore.count + 1)
        #expect(Self.same(logBefore, Array(logAfter.prefix(logBefore.count))), "old log entries changed")
        let entry = try #require(logAfter.last)
        #expect(entry["text"] as? String == logText)
        #expect(entry["severity"] as? String == "warning")
        let entered = entry["entered"] as? [String: Any]
        #expect(entered?["by"] as? String == Self.officer)
        #expect(recent(entered?["at"]))
        #expect(recent(entry["eventTime"]))

        // The actions: one new, the police's, open, due 18:00 KST.
        let actionsBefore = Self.byId(Self.table(before, "actions"))
        let actionsAfter = Self.byId(Self.table(after, "actions"))
        let newActions = actionsAfter.filter { actionsBefore[$0.key] == nil }
        #expect(newActions.count == 1)
        for (id, old) in actionsBefore { #expect(Self.same(old, actionsAfter[id]), "action \(id) changed") }
        let action = try #require(newActions.first?.value)
        #expect(action["text"] as? String == actionText)
        #expect(action["ownerAgencyId"] as? String == "knpa")
        #expect(action["status"] as? String == "open")
        let due = Self.date(action["due"])
        let dues = Set([Self.expectedDue(enteredAt: actionEnteredBetween.0), Self.expectedDue(enteredAt: actionEnteredBetween.1)])
        #expect(due.map(dues.contains) == true, "due \(String(describing: action["due"])), expected one of \(dues)")

        // The call: one new, reached, to the contact the `c` key named, a police one, first in the panel.
        let contactsBefore = Self.byId(Self.table(before, "contacts"))
        let contactsAfter = Self.byId(Self.table(after, "contacts"))
        let contact = try #require(contactsAfter[contactId], "no contact \(contactId)")
        #expect(contact["agencyId"] as? String == "knpa")
        let police = contactsAfter.values.filter { $0["agencyId"] as? String == "knpa" }
        let first = police.min { a, b in
            let ea = a["escalation"] as? Int ?? 1, eb = b["escalation"] as? Int ?? 1
            let pa = a["person"] as? String ?? "", pb = b["person"] as? String ?? ""
            return (ea, pa, a["id"] as? String ?? "") < (eb, pb, b["id"] as? String ?? "")
        }
        #expect(first?["id"] as? String == contactId, "the first police contact in the panel")
        for (id, old) in contactsBefore where id != contactId {
            #expect(Self.same(old, contactsAfter[id]), "contact \(id) changed")
        }
        let oldContact = try #require(contactsBefore[contactId])
        for key in Set(contact.keys).union(oldContact.keys).subtracting(["lastReached"]) {
            #expect(Self.same(contact[key], oldContact[key]), "contact \(contactId) \(key) changed")
        }
        #expect(recent(contact["lastReached"]), "lastReached \(String(describing: contact["lastReached"]))")
        let callsBefore = Self.table(before, "calls"), callsAfter = Self.table(after, "calls")
        #expect(callsAfter.count == callsBefore.count + 1)
        #expect(Self.same(callsBefore, Array(callsAfter.prefix(callsBefore.count))), "old calls changed")
        let call = try #require(callsAfter.last)
        #expect(call["contactId"] as? String == contactId)
        #expect(call["agencyId"] as? String == "knpa")
        #expect(call["outcome"] as? String == "reached")
        #expect(call["note"] as? String == "confirmed 18:00")
        #expect(call["by"] as? String == Self.officer)
        #expect(recent(call["at"]))
        #expect(Self.same(call["at"], contact["lastReached"]))
    }

    @Test func anAmbiguousNameKeepsTheLineAndListsTheCandidates() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open()
        try tmux.waitFor("✔ saved #\(base)")
        tmux.sendKeys(":")
        tmux.sendText("er 서울 l")
        try Self.waitForBottomLine(tmux, ":er 서울 l")
        tmux.sendKeys("Enter")
        try tmux.waitUntil("the error, the candidates and the line kept") { screen in
            let lines = Self.lines(screen)
            return lines.contains { $0.contains("✖") && $0.contains("\"서울\" matches") }
                && lines.contains { $0.contains("A1100017 서울대학교병원") }
                && Self.bottomLine(screen) == ":er 서울 l"
        }
        tmux.sendKeys("C-u")
        try tmux.waitUntil("the line emptied, the error gone") { screen in
            Self.bottomLine(screen) == ":" && !screen.contains("✖")
        }
        tmux.sendText("er 서울대 l")
        try Self.waitForBottomLine(tmux, ":er 서울대 l")
        tmux.sendKeys("Enter")
        try Self.waitForSaved(tmux, base + 1, "서울대학교병원 ER limited")
        tmux.sendKeys("q")
        try tmux.waitUntil("the console to exit") { _ in tmux.paneIsDead() }
        let after = try export()
        #expect(after["seq"] as? Int == Int(base) + 1, "the ambiguous line wrote nothing")
    }
}
