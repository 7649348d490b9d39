import Foundation
import Testing
@testable import SitRoomCore

/// The quick command language: the console's `:` line and `sitroom apply --command`.
@Suite struct QuickCommandTests {
    static let now = Date(timeIntervalSince1970: 1_795_430_000)  // 2026-11-23 19:33:20 KST
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    static let board = DemoSituation.board(now: now)

    let context = QuickCommandContext(board: QuickCommandTests.board, now: QuickCommandTests.now,
                                      timeZone: QuickCommandTests.seoul, newId: { "\($0)-new" })

    func parse(_ line: String) throws -> QuickCommand { try QuickCommandParser.parse(line, context) }

    /// The change a line makes (failing the test if it makes none).
    func change(_ line: String) throws -> (action: ChangeAction, summary: String) {
        guard case .change(let action, let summary) = try parse(line) else {
            Issue.record("\(line) made no change")
            throw QuickCommandError("no change")
        }
        return (action, summary)
    }

    /// The message a bad line is refused with.
    func error(_ line: String) -> QuickCommandError? {
        do {
            let result = try parse(line)
            Issue.record("\(line) was accepted: \(result)")
            return nil
        } catch let error as QuickCommandError {
            return error
        } catch {
            Issue.record("\(line): unexpected \(error)")
            return nil
        }
    }

    func iso(_ text: String) -> Date { ISO8601.parse(text)! }

    // MARK: er

    @Test func erWithEveryFigureAndAQuotedReason() throws {
        let (action, summary) = try change(
            "er 서울대학교병원 limited beds=3/20 icu=0/12 nicu=1/5 picu=0/4 docs=4/6 icudocs=2/3 \"2 ER specialists out\"")
        #expect(action == .reportHospital(id: "A1100017", HospitalReport(
            erState: .limited, erReason: "2 ER specialists out", erBeds: Capacity(available: 3, staffed: 20),
            icuBeds: Capacity(available: 0, staffed: 12), nicuBeds: Capacity(available: 1, staffed: 5),
            picuBeds: Capacity(available: 0, staffed: 4), erDoctors: Staffing(onDuty: 4, minimum: 6),
            icuDoctors: Staffing(onDuty: 2, minimum: 3))))
        #expect(summary == "서울대학교병원 ER limited \"2 ER specialists out\", beds 3/20, ICU 0/12, NICU 1/5, PICU 0/4, docs 4/6, ICU docs 2/3")
        var board = Self.board
        try board.apply(Change(officer: "kim", at: Self.now, action: action))
        #expect(board.hospitals["A1100017"]?.erStatus?.value == ERStatus(state: .limited, reason: "2 ER specialists out"))
    }

    @Test func erSummaryForTheStatusLine() throws {
        #expect(try change("er snuh limited beds=3/20").summary == "서울대학교병원 ER limited, beds 3/20")
    }

    @Test func erStatesMayBeAbbreviated() throws {
        for (word, state) in [("o", ERState.open), ("l", .limited), ("di", .diverting), ("div", .diverting),
                              ("d", .diverting), ("c", .closed), ("CLOSED", .closed), ("Limited", .limited)] {
            let (action, _) = try change("er snuh \(word)")
            #expect(action == .reportHospital(id: "A1100017", HospitalReport(erState: state)), "\(word)")
        }
    }

    @Test func erStateIsOptionalWithAFigure() throws {
        let (action, summary) = try change("er 서울대 beds=3/20")
        #expect(action == .reportHospital(id: "A1100017", HospitalReport(erBeds: Capacity(available: 3, staffed: 20))))
        #expect(summary == "서울대학교병원 beds 3/20")
    }

    @Test func erReasonWithoutQuotesIsTheRestOfTheLineInAnyOrder() throws {
        let (action, _) = try change("er A1100008 beds=0/32 diverting CT 장비 고장")
        #expect(action == .reportHospital(id: "A1100008", HospitalReport(
            erState: .diverting, erReason: "CT 장비 고장", erBeds: Capacity(available: 0, staffed: 32))))
        let (quotedFirst, _) = try change("er A1100008 \"CT 장비 고장\" d")
        #expect(quotedFirst == .reportHospital(id: "A1100008", HospitalReport(erState: .diverting, erReason: "CT 장비 고장")))
        // A quoted reason alone changes the reason and keeps the state.
        let (reasonOnly, summary) = try change("er snuh \"CT back\"")
        #expect(reasonOnly == .reportHospital(id: "A1100017", HospitalReport(erReason: "CT back")))
        #expect(summary == "서울대학교병원 ER reason \"CT back\"")
    }

    @Test func aNameOfSeveralWordsNeedsNoQuotes() throws {
        #expect(try change("er seoul national limited beds=3/20").action
            == .reportHospital(id: "A1100017", HospitalReport(erState: .limited, erBeds: Capacity(available: 3, staffed: 20))))
        #expect(try change("er seoul st marys open").action == .reportHospital(id: "A1100012", HospitalReport(erState: .open)))
        #expect(try change("er severance hospital d").action == .reportHospital(id: "A1100007", HospitalReport(erState: .diverting)))
        // "c" would continue "asan medical c(enter)", but after er it is the state.
        #expect(try change("er asan medical c").action == .reportHospital(id: "A1100009", HospitalReport(erState: .closed)))
        #expect(try change("strike seoul national absent=700/741").action
            == .reportHospital(id: "A1100017", HospitalReport(traineesOnRoll: 741, traineesAbsent: 700)))
        #expect(try change("act national police check the route").action
            == .addAction(ActionItem(id: "act-new", text: "check the route", ownerAgencyId: "knpa")))
        #expect(try change("call national fire r").action
            == .logCall(CallRecord(id: "call-new", agencyId: "nfa", outcome: .reached)))
        // Still several: the first word's error.
        #expect(error("er seoul open")?.message.hasPrefix("\"seoul\" matches 6 hospitals: ") == true)
        #expect(error("er seoul c")?.message.hasPrefix("\"seoul\" matches 6 hospitals: ") == true)
    }

    // MARK: strike

    @Test func strikeFigures() throws {
        let (action, summary) = try change("strike snuh absent=120/150 returned=3 resigned=10 orders=100 served=90 complied=5")
        #expect(action == .reportHospital(id: "A1100017", HospitalReport(
            traineesOnRoll: 150, traineesAbsent: 120, resignations: 10, traineesReturned: 3,
            ordersIssued: 100, ordersServed: 90, ordersComplied: 5)))
        #expect(summary == "서울대학교병원 trainees absent 120/150, returned 3, resigned 10, orders 100, served 90, complied 5")
        let (split, _) = try change("strike 세브란스 absent=12 roll=20")
        #expect(split == .reportHospital(id: "A1100007", HospitalReport(traineesOnRoll: 20, traineesAbsent: 12)))
        var board = Self.board
        try board.apply(Change(officer: "kim", at: Self.now, action: action))
        #expect(board.hospitals["A1100017"]?.traineesAbsent?.value == 120)
    }

    // MARK: log

    @Test func logWithEveryKey() throws {
        let (action, summary) = try change("log sev=warning cat=security h=A1100008 a=knpa \"Crowd at Anam ER\"")
        #expect(action == .addLog(LogEntry(
            id: "log-new", eventTime: Self.now, category: "security", severity: .warning, text: "Crowd at Anam ER",
            hospitalId: "A1100008", agencyId: "knpa")))
        #expect(summary == "log warning/security 고려대학교의과대학부속병원(안암병원) knpa: Crowd at Anam ER")
    }

    @Test func logTextWithoutQuotesIsEverythingThatIsNotAKey() throws {
        let (action, _) = try change("log 응급실 앞 sev=c 집회 인원 증가 at=-15m h=snuh")
        #expect(action == .addLog(LogEntry(
            id: "log-new", eventTime: Self.now.addingTimeInterval(-900), severity: .critical,
            text: "응급실 앞 집회 인원 증가", hospitalId: "A1100017")))
    }

    @Test func logDefaultsAndLongKeyNames() throws {
        let (plain, summary) = try change("log shift handover done")
        #expect(plain == .addLog(LogEntry(id: "log-new", eventTime: Self.now, text: "shift handover done")))
        #expect(summary == "log info: shift handover done")
        let (long, _) = try change("log severity=notice category=transport agency=nfa \"119 delays\"")
        #expect(long == .addLog(LogEntry(id: "log-new", eventTime: Self.now, category: "transport", severity: .notice,
                                         text: "119 delays", agencyId: "nfa")))
    }

    @Test func koreanTextInQuotesSurvivesExactly() throws {
        let text = "중수본 회의: 응급실  \"우회\" 해제 — 18시 (재확인)"
        let (action, _) = try change("log \"중수본 회의: 응급실  \\\"우회\\\" 해제 — 18시 (재확인)\"")
        guard case .addLog(let entry) = action else { Issue.record("not a log entry"); return }
        #expect(entry.text == text)
        let (act, _) = try change("act 경찰 \"안암병원 응급실 앞 경찰관 배치 beds=3/20\"")
        guard case .addAction(let item) = act else { Issue.record("not an action"); return }
        #expect(item.text == "안암병원 응급실 앞 경찰관 배치 beds=3/20")
    }

    @Test func generatedIdsComeFromTheContext() throws {
        let random = QuickCommandContext(board: Self.board, now: Self.now, timeZone: Self.seoul)
        guard case .change(.addLog(let entry), _) = try QuickCommandParser.parse("log hello", random) else {
            Issue.record("not a log entry"); return
        }
        #expect(entry.id.hasPrefix("log-") && entry.id.count > 4)
    }

    // MARK: act

    @Test func actionItems() throws {
        let (action, summary) = try change("act knpa \"Post officers at the Anam ER\" due=18:00")
        // 18:00 today is 1h33 past at 19:33: tomorrow's.
        #expect(action == .addAction(ActionItem(id: "act-new", text: "Post officers at the Anam ER", ownerAgencyId: "knpa",
                                                due: iso("2026-11-24T09:00:00Z"))))
        #expect(summary == "action act-new for knpa: Post officers at the Anam ER (due 11-24 18:00)")
        let (korean, _) = try change("act 경찰 경찰관 배치 due=+2h")
        #expect(korean == .addAction(ActionItem(id: "act-new", text: "경찰관 배치", ownerAgencyId: "knpa",
                                                due: Self.now.addingTimeInterval(7200))))
        let (english, _) = try change("act \"national police\" check the rally route")
        #expect(english == .addAction(ActionItem(id: "act-new", text: "check the rally route", ownerAgencyId: "knpa")))
        let (byWord, _) = try change("act fire \"119 delay figures\"")
        #expect(byWord == .addAction(ActionItem(id: "act-new", text: "119 delay figures", ownerAgencyId: "nfa")))
    }

    // MARK: call

    @Test func callsToAgenciesAndPeople() throws {
        let (agency, summary) = try change("call knpa reached \"confirmed 18:00\"")
        #expect(agency == .logCall(CallRecord(id: "call-new", agencyId: "knpa", outcome: .reached, note: "confirmed 18:00")))
        #expect(summary == "call knpa: reached – confirmed 18:00")
        let (byId, _) = try change("call knpa-1 na")
        #expect(byId == .logCall(CallRecord(id: "call-new", agencyId: "knpa", contactId: "knpa-1", outcome: .noAnswer)))
        let (byName, personSummary) = try change("call 양소율 lm 메시지 남김 18시 회신 요청")
        #expect(byName == .logCall(CallRecord(id: "call-new", agencyId: "knpa", contactId: "knpa-1",
                                              outcome: .leftMessage, note: "메시지 남김 18시 회신 요청")))
        #expect(personSummary == "call 양소율 (knpa): left-message – 메시지 남김 18시 회신 요청")
        for (word, outcome) in [("r", CallOutcome.reached), ("n", .noAnswer), ("no-answer", .noAnswer),
                                ("l", .leftMessage), ("left-message", .leftMessage), ("reach", .reached)] {
            let (action, _) = try change("call nfa \(word)")
            #expect(action == .logCall(CallRecord(id: "call-new", agencyId: "nfa", outcome: outcome)), "\(word)")
        }
    }

    // MARK: done and the console commands

    @Test func doneMarksAnOpenActionItem() throws {
        let open = Self.board.actions.values.filter { $0.status == .open }.map(\.id).sorted()
        let closed = Self.board.actions.values.filter { $0.status == .done }.map(\.id).sorted()
        let id = try #require(open.first)
        let (action, summary) = try change("done \(id)")
        #expect(action == .editAction(id: id, ActionPatch(status: .done)))
        #expect(summary == "\(id) done: \(Self.board.actions[id]!.text)")
        let finished = try #require(closed.first)
        #expect(error("done \(finished)")?.message == "action item \(finished) is already done")
        #expect(error("done act-999")?.message == "unknown action item \"act-999\"")
    }

    @Test func consoleCommands() throws {
        #expect(try parse("goto snuh") == .goto(hospitalId: "A1100017"))
        #expect(try parse(":goto seoul national") == .goto(hospitalId: "A1100017"))
        #expect(try parse("filter 고려대 안암") == .filter("고려대 안암"))
        #expect(try parse("filter") == .filter(""))
        #expect(try parse("theme wall") == .theme("wall"))
        #expect(try parse("help") == .help)
        #expect(try parse("?") == .help)
        #expect(try parse("UNDO") == .undo)
        #expect(try parse("redo") == .redo)
    }

    // MARK: Errors

    @Test func badLinesSayWhatIsWrong() {
        let expected: [(String, String)] = [
            ("foo bar", "unknown command \"foo\"; commands: er strike log act call done goto filter theme help undo redo cap restrict where sec level officers officer"),
            ("", "empty command; commands: er strike log act call done goto filter theme help undo redo cap restrict where sec level officers officer"),
            ("er snuh beds=3", "beds=3 needs available/staffed, like beds=3/20"),
            ("er snuh icu=x/12", "icu=x/12 needs available/staffed, like icu=3/20"),
            ("er snuh docs=4", "docs=4 needs on-duty/minimum, like docs=4/6"),
            ("er snuh limted beds=3/20", "\"limted\" is not an ER state (open, limited, diverting, closed)"),
            ("er snuh limited bed=3/20", "unknown key \"bed\"; keys for er: beds icu nicu picu docs icudocs"),
            ("er snuh beds=1/2 beds=3/4", "beds is given twice (at beds=3/4)"),
            ("er snuh", "er needs an ER state (open, limited, diverting, closed) or a figure, like er 서울대 limited beds=3/20 \"CT down\""),
            ("er", "er needs a hospital, like er 서울대 limited beds=3/20 \"CT down\""),
            ("er xyz open", "no hospital matches \"xyz\""),
            ("strike snuh absent=lots", "absent=lots needs a number or absent/roll, like absent=120/150"),
            ("strike snuh returned=", "returned= needs a number, like returned=3"),
            ("strike snuh absent=1/5 roll=6", "roll is given twice (at roll=6)"),
            ("strike snuh 120", "unexpected \"120\"; keys for strike: absent roll returned resigned orders served complied"),
            ("strike snuh", "strike needs a figure, like strike 서울대 absent=120/150 returned=3"),
            ("log sev=urgent text", "\"urgent\" is not a severity (info, notice, warning, critical)"),
            ("log at=yesterday text", "at \"yesterday\" is not a time (14:30, 12-05 09:00, +2h, -15m, now)"),
            ("log sev=warning", "log needs text, like log sev=warning \"Crowd at Anam ER\""),
            ("log hosp=snuh text", "unknown key \"hosp\"; keys for log: sev cat at h a"),
            ("log a=zzz text", "no agency matches \"zzz\""),
            ("act knpa \"Post officers\" due=25:00", "due \"25:00\" is not a time (14:30, 12-05 09:00, +2h, -15m, now)"),
            ("act knpa \"Post officers\" when=18:00", "unknown key \"when\"; keys for act: due"),
            ("act knpa due=18:00", "act needs the text of the action, like act knpa \"Post officers at the Anam ER\" due=18:00"),
            ("act", "act needs an agency, like act knpa \"Post officers at the Anam ER\" due=18:00"),
            ("call knpa", "call needs an outcome (reached, no-answer, left-message), like call knpa reached \"confirmed 18:00\""),
            ("call knpa maybe", "\"maybe\" is not a call outcome (reached, no-answer, left-message)"),
            ("call nobody reached", "no agency or contact matches \"nobody\""),
            ("goto", "goto needs a hospital, like goto 서울대"),
            ("theme", "theme takes one name, like theme wall"),
            ("undo 3", "unexpected \"3\": undo takes nothing after it"),
            ("log \"unclosed text", "a quote is not closed: \"unclosed text"),
        ]
        for (line, message) in expected {
            #expect(error(line)?.message == message, "\(line)")
        }
    }

    // MARK: Names

    @Test func oneHospitalByIdNameRomanisationOrInitials() throws {
        for text in ["snuh", "SNUH", "서울대학교병원", "서울대", "A1100017", "a1100017", "seoul national",
                     "Seoul National University Hospital", "seoulnationaluniversityh"] {
            #expect(try HospitalLookup.resolve(text, in: Self.board).id == "A1100017", "\(text)")
        }
        // The Bundang hospital is not in the way of "seoul national", and is found by its own name.
        #expect(try HospitalLookup.resolve("snubh", in: Self.board).id == "A1300001")
        #expect(try HospitalLookup.resolve("분당서울", in: Self.board).id == "A1300001")
        #expect(try HospitalLookup.resolve("seoul national university bundang", in: Self.board).id == "A1300001")
        #expect(try HospitalLookup.resolve("severance", in: Self.board).id == "A1100007")
        #expect(try HospitalLookup.resolve("seoul st. mary", in: Self.board).id == "A1100012")
    }

    @Test func anAmbiguousNameListsTheCandidates() {
        let e = error("er 서울 open")
        #expect(e?.candidates == [
            "A1100017 서울대학교병원", "A1100012 서울성모병원", "A1100009 서울아산병원", "A1100029 서울적십자병원",
            "A1100022 서울특별시동부병원", "A1100040 서울특별시보라매병원", "A1100035 서울특별시서울의료원",
        ])
        #expect(e?.message == "\"서울\" matches 7 hospitals: A1100017 서울대학교병원, A1100012 서울성모병원, "
            + "A1100009 서울아산병원, A1100029 서울적십자병원, A1100022 서울특별시동부병원, A1100040 서울특별시보라매병원, "
            + "A1100035 서울특별시서울의료원")
        // More than 8: the message lists 8 and "…", the candidates hold them all.
        let many = error("goto s")
        #expect((many?.candidates.count ?? 0) > 8)
        #expect(many?.message.hasPrefix("\"s\" matches \(many?.candidates.count ?? 0) hospitals: ") == true)
        #expect(many?.message.hasSuffix(", …") == true)
        #expect(many?.message.components(separatedBy: ", ").count == 9)
        // "seoul" alone is not Seoul Medical Center: "Medical Center" is part of its name.
        #expect(error("goto seoul")?.candidates.count == 6)
        // Two exact matches are ambiguous too: Samsung Medical Center and Seoul Medical Center are both "smc".
        #expect(error("goto smc")?.candidates.count == 2)
    }

    @Test func agenciesAndContacts() throws {
        #expect(try AgencyLookup.resolve("KNPA", in: Self.board).id == "knpa")
        #expect(try AgencyLookup.resolve("경찰", in: Self.board).id == "knpa")
        #expect(try AgencyLookup.resolve("police", in: Self.board).id == "knpa")
        #expect(try AgencyLookup.resolve("seoul", in: Self.board).id == "seoul")
        #expect(throws: QuickCommandError.self) { try AgencyLookup.resolve("national", in: Self.board) }
        let (agency, contact) = try AgencyLookup.resolveAgencyOrContact("홍승우", in: Self.board)
        #expect(agency.id == "nfa" && contact?.id == "nfa-1")
    }

    // MARK: Times

    func time(_ text: String, _ leaning: TimeExpression.Leaning = .future) -> Date? {
        TimeExpression.parse(text, now: Self.now, timeZone: Self.seoul, leaning: leaning)
    }

    @Test func times() {
        #expect(time("now") == Self.now)
        #expect(time("-15m") == Self.now.addingTimeInterval(-900))
        #expect(time("+2h") == Self.now.addingTimeInterval(7200))
        #expect(time("-1h30m") == Self.now.addingTimeInterval(-5400))
        #expect(time("+1d") == Self.now.addingTimeInterval(86_400))
        // Local times of day, today in Seoul...
        #expect(time("21:00") == iso("2026-11-23T12:00:00Z"))
        #expect(time("19:00") == iso("2026-11-23T10:00:00Z"))  // 33 minutes ago: still today
        // ...but a due time more than an hour past is tomorrow's,
        #expect(time("14:30") == iso("2026-11-24T05:30:00Z"))
        #expect(time("18:30") == iso("2026-11-24T09:30:00Z"))
        // and an event time more than an hour ahead is yesterday's.
        #expect(time("14:30", .past) == iso("2026-11-23T05:30:00Z"))
        #expect(time("20:00", .past) == iso("2026-11-23T11:00:00Z"))
        #expect(time("21:00", .past) == iso("2026-11-22T12:00:00Z"))
        // Dates: local without a zone, ISO 8601 with one.
        #expect(time("2026-11-23T18:00") == iso("2026-11-23T09:00:00Z"))
        #expect(time("2026-11-23T18:00:30") == iso("2026-11-23T09:00:30Z"))
        #expect(time("2026-11-23T09:00:00Z") == iso("2026-11-23T09:00:00Z"))
        #expect(time("2026-11-23T09:00Z") == iso("2026-11-23T09:00:00Z"))
        #expect(time("2026-11-23T18:00:00+09:00") == iso("2026-11-23T09:00:00Z"))
        // The screen's own form, month-day and time, in the year nearest to now (2026-11-23).
        #expect(time("11-25 09:00") == iso("2026-11-25T00:00:00Z"))
        #expect(time("12-05 9:30") == iso("2026-12-05T00:30:00Z"))
        #expect(time("01-02 08:00") == iso("2027-01-01T23:00:00Z"), "January is next year's")
        #expect(time("06-01 08:00") == iso("2026-05-31T23:00:00Z"), "June is this year's, the nearer")
        for bad in ["25:00", "14:60", "1430", "-15x", "15m", "-", "tomorrow", "2026-02-30T10:00", "2026-11-23", "",
                    "13-01 08:00", "02-30 08:00", "11-25", "11-25 25:00", "1125 09:00"] {
            #expect(time(bad) == nil, "\(bad)")
        }
    }

    @Test func resultsAreWholeSeconds() throws {
        let context = QuickCommandContext(board: Self.board, now: Self.now.addingTimeInterval(0.75),
                                          timeZone: Self.seoul, newId: { "\($0)-new" })
        guard case .change(.addLog(let entry), _) = try QuickCommandParser.parse("log at=-1m hello", context) else {
            Issue.record("not a log entry"); return
        }
        #expect(entry.eventTime == Self.now.addingTimeInterval(-60))
    }

    @Test func logAtUsesThePastAndActDueTheFuture() throws {
        let (log, summary) = try change("log at=14:30 \"ER reopened\"")
        guard case .addLog(let entry) = log else { Issue.record("not a log entry"); return }
        #expect(entry.eventTime == iso("2026-11-23T05:30:00Z"))
        #expect(summary == "log info at 11-23 14:30: ER reopened")
    }

    // MARK: Completion

    func complete(_ line: String) -> (candidates: [String], completed: String) {
        QuickCommandCompletion.complete(line, context)
    }

    @Test func completesCommands() {
        #expect(complete("").candidates == QuickCommandParser.commandNames.sorted())
        #expect(complete("st") == (["strike"], "strike "))
        #expect(complete("re").candidates == ["redo", "restrict"])
        #expect(complete("xyz").candidates.isEmpty)
        #expect(complete("xyz").completed == "xyz")
    }

    @Test func completesHospitalNamesAndIds() {
        let seoul = complete("er 서울")
        #expect(seoul.candidates == ["서울대학교병원", "서울성모병원", "서울아산병원", "서울적십자병원",
                                     "서울특별시동부병원", "서울특별시보라매병원", "서울특별시서울의료원"])
        #expect(seoul.completed == "er 서울")
        #expect(complete("er 서울특").completed == "er 서울특별시")
        #expect(complete("er 서울대").completed == "er 서울대학교병원 ")
        let ids = complete("er A11000")
        #expect(ids.candidates.count == Self.board.hospitals.keys.filter { $0.hasPrefix("A11000") }.count)
        #expect(ids.candidates.first == "A1100001")
        #expect(complete("er A110001").completed == "er A110001")
        #expect(complete("er a1100017").completed == "er A1100017 ")
        #expect(complete("goto seoul national university b").completed == "goto seoul national university b")
        #expect(complete("er \"Seoul National University H").completed == "er \"Seoul National University Hospital\" ")
        #expect(complete("er Seoul Na").candidates.isEmpty)  // the second word is not a hospital
        #expect(complete("goto seoul n").completed == "goto seoul n")
        #expect(complete("er seoul n").candidates == ["nicu="])  // the second word is the state or a figure
        #expect(complete("er seoul").candidates.contains("Seoul National University Hospital"))
        #expect(complete("er seoul").completed == "er \"Seoul ")
    }

    @Test func completesStatesKeysAgenciesOutcomes() {
        #expect(complete("er snuh li") == (["limited"], "er snuh limited "))
        #expect(complete("er snuh limited ic") == (["icu=", "icudocs="], "er snuh limited icu"))
        #expect(complete("er snuh limited icud") == (["icudocs="], "er snuh limited icudocs="))
        #expect(complete("strike snuh ab") == (["absent="], "strike snuh absent="))
        #expect(complete("log sev=w") == (["sev=warning"], "log sev=warning "))
        #expect(complete("log h=서울대") == (["h=서울대학교병원"], "log h=서울대학교병원 "))
        #expect(complete("act kn") == (["knpa"], "act knpa "))
        #expect(complete("act 경") == (["경기도", "경찰청"], "act 경"))
        #expect(complete("call knpa-") == (["knpa-1", "knpa-2", "knpa-3"], "call knpa-"))
        #expect(complete("call knpa l") == (["left-message"], "call knpa left-message "))
        let open = Self.board.actions.values.filter { $0.status == .open }.map(\.id).sorted()
        #expect(complete("done ").candidates == open)
    }

    // MARK: Help

    @Test func grammarHasAnEntryPerCommand() {
        let names = QuickCommandParser.grammar.map { String($0.syntax.prefix { $0 != " " }) }
        #expect(names == QuickCommandParser.commandNames)
        #expect(QuickCommandHelp.lines().contains { $0.hasPrefix("done <action-id>") })
    }

    @Test func everyChangeAppliesToTheDemoBoard() throws {
        let open = try #require(Self.board.actions.values.filter { $0.status == .open }.map(\.id).min())
        for line in [
            "er snuh limited beds=3/20 icu=0/12 docs=4/6 \"2 ER specialists out\"",
            "strike snuh absent=700/741 returned=20",
            "log sev=warning cat=security h=A1100008 a=knpa \"Crowd at Anam ER\"",
            "act knpa \"Post officers\" due=18:00",
            "call knpa-1 reached confirmed",
            "done \(open)",
        ] {
            var board = Self.board
            let (action, _) = try change(line)
            try board.apply(Change(officer: "kim", at: Self.now, action: action))
        }
    }
}

@Suite struct MeetingSpeedTests {
    let context = QuickCommandContext(
        board: DemoSituation.board(now: Date(timeIntervalSince1970: 1_795_430_000)),
        now: Date(timeIntervalSince1970: 1_795_430_000), timeZone: TimeZone(identifier: "Asia/Seoul")!)

    @Test func bareFiguresFillBedsIcuAndDoctorsInOrder() throws {
        let short = try QuickCommandParser.parse("er snuh l 3/20 1/12 4/6", context)
        let long = try QuickCommandParser.parse("er snuh limited beds=3/20 icu=1/12 docs=4/6", context)
        guard case .change(let a, _) = short, case .change(let b, _) = long else {
            Issue.record("not a change")
            return
        }
        #expect(a == b)
        #expect(a == .reportHospital(id: "A1100017", HospitalReport(
            erState: .limited, erBeds: Capacity(available: 3, staffed: 20), icuBeds: Capacity(available: 1, staffed: 12),
            erDoctors: Staffing(onDuty: 4, minimum: 6))))
        // ":" + the line + Enter: the keystrokes for status, ER beds, ICU beds and doctors from the main screen.
        #expect(1 + "er snuh l 3/20 1/12 4/6".count + 1 <= 30)
    }

    @Test func aNamedFigureTakesItsSlotAndTooManyBareOnesAreRefused() throws {
        guard case .change(.reportHospital(_, let r), _) = try QuickCommandParser.parse("er snuh beds=3/20 1/12", context) else {
            Issue.record("not a report")
            return
        }
        #expect(r.erBeds == Capacity(available: 3, staffed: 20))
        #expect(r.icuBeds == Capacity(available: 1, staffed: 12))
        #expect(throws: QuickCommandError.self) { try QuickCommandParser.parse("er snuh l 1/2 1/2 1/2 1/2", context) }
    }
}
