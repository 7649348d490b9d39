import Foundation
import Testing
@testable import SitRoomCore

@Suite struct InverseTests {
    static let hospitalId = Fixture.snuh.id

    /// Changes past `Fixture.everyKind`, applying to the board it leaves, for the undos it does not
    /// reach: reverts of stamped and empty-before fields, a log entry restored mid-log, an action item
    /// restored with a long history, and a `hospital.revert` made directly.
    static let moreKinds: [ChangeAction] = [
        .reportHospital(id: hospitalId, HospitalReport(erState: .diverting, icuBeds: Capacity(available: 1, staffed: 12), policePost: true)),
        .reportHospital(id: hospitalId, HospitalReport(erReason: "CT down", icuBeds: Capacity(available: 0, staffed: 12))),
        .revertHospital(id: hospitalId, fields: [.icuBeds, .erState], to: Fixture.snuh),
        .addStrike(StrikeAction(id: "s2", organisation: "KMA", form: .rally, start: Fixture.t0,
                                participants: Reported(100, at: Fixture.t0.addingTimeInterval(-600), by: "park"))),
        .editStrike(id: "s2", StrikePatch(scope: "Seoul")),
        .editStrike(id: "s2", StrikePatch(end: Fixture.t0.addingTimeInterval(86400), participants: 120)),
        .editContact(id: "c1", ContactPatch(phone: "112", lastVerified: Fixture.t0)),
        .editContact(id: "c1", ContactPatch(lastVerified: Fixture.t0.addingTimeInterval(60))),
        .addAction(ActionItem(id: "a2", text: "open a second triage tent", ownerAgencyId: "knpa")),
        .editAction(id: "a2", ActionPatch(due: Fixture.t0.addingTimeInterval(7200), status: .cancelled)),
        .editAction(id: "a2", ActionPatch(text: "open a triage tent", status: .open)),
        .addLog(LogEntry(id: "l2", eventTime: Fixture.t0, text: "first")),
        .addLog(LogEntry(id: "l3", eventTime: Fixture.t0, text: "middle", agencyId: "knpa")),
        .addLog(LogEntry(id: "l4", eventTime: Fixture.t0, text: "last")),
        .removeLog(id: "l3"),
        .removeAction(id: "a2"),
        .setIncident(Incident(name: "Second period", periodStart: Fixture.t0.addingTimeInterval(43200), periodHours: 8)),
    ]

    /// Action items whose status a change moves: undoing (or redoing) it adds a history entry.
    static func movesStatus(_ action: ChangeAction, on board: Board) -> Bool {
        switch action {
        case .editAction(let id, let p): p.status.map { $0 != board.actions[id]?.status } ?? false
        case .revertAction(let id, let fields, let old): fields.contains(.status) && old.status != board.actions[id]?.status
        default: false
        }
    }

    static func withoutHistories(_ board: Board) -> Board {
        var b = board
        for id in b.actions.keys { b.actions[id]?.history = [] }
        return b
    }

    /// `result` equals `expected` but for the origins, except that an action item whose status
    /// `stamp` moved has the history of `previous` plus exactly one entry: the status it now has, with that stamp.
    static func expectSame(_ result: Board, _ expected: Board, previous: Board, movedBy stamp: Stamp?, _ label: String) {
        // These undos carry no origin, so they leave the hospitals' last origins as they were.
        #expect(result.figureOrigins == previous.figureOrigins, "\(label)")
        let (result, expected) = (result.withoutFigureOrigins, expected.withoutFigureOrigins)
        guard let stamp else {
            #expect(result == expected, "\(label)")
            return
        }
        #expect(withoutHistories(result) == withoutHistories(expected), "\(label)")
        for (id, item) in result.actions where item.history != expected.actions[id]?.history {
            #expect(item.history == (previous.actions[id]?.history ?? []) + [Reported(item.status, stamp)], "\(label) \(id)")
        }
    }

    static let notUndoable: Set<ChangeAction.Kind> = [.logCall, .raiseAlert, .acknowledgeAlert, .clearAlert, .markBriefing,
                                                          .officerAdd, .officerEdit, .officerRetire]

    @Test func everyKindIsUndoneAndRedone() throws {
        var board = try Fixture.board()
        var covered = Set<ChangeAction.Kind>()
        // The roster last: from then on a change needs an identity the roster knows.
        let (roster, others) = (Fixture.everyKind.filter(\.isRoster), Fixture.everyKind.filter { !$0.isRoster })
        for (i, action) in (others + Self.moreKinds + roster).enumerated() {
            let before = board
            let change = Fixture.change(action, by: "kim", at: Double(i) * 10)
            let after = try before.applying(change)
            defer { board = after }
            covered.insert(action.kind)
            guard let undo = before.inverse(of: change) else {
                #expect(Self.notUndoable.contains(action.kind), "\(action.type) has no undo")
                continue
            }
            covered.insert(undo.action.kind)
            #expect(undo.description.hasPrefix("undo: "))

            let undoChange = Change(officer: "lee", at: change.at.addingTimeInterval(3), action: undo.action)
            let undone = try after.applying(undoChange)
            let moved = Self.movesStatus(action, on: before)
            Self.expectSame(undone, before, previous: after, movedBy: moved ? undoChange.stamp : nil, "undo of \(action.type)")

            // Redo is the inverse of the undo, computed when the undo is made.
            let redo = try #require(after.inverse(of: undoChange), "redo of \(action.type)")
            covered.insert(redo.action.kind)
            let redoChange = Change(officer: "park", at: change.at.addingTimeInterval(6), action: redo.action)
            let redone = try undone.applying(redoChange)
            Self.expectSame(redone, after, previous: undone, movedBy: moved ? redoChange.stamp : nil, "redo of \(action.type)")
        }
        #expect(covered == Set(ChangeAction.Kind.allCases))
    }

    @Test func undoingAReportKeepsAnotherOfficersLaterFigure() throws {
        var board = try Fixture.board()
        let id = Self.hospitalId
        try board.apply(Fixture.change(.reportHospital(id: id, HospitalReport(erBeds: Capacity(available: 9, staffed: 20))), by: "park", at: -600))
        let before = board
        let report = Fixture.change(.reportHospital(id: id, HospitalReport(
            erState: .closed, erReason: "no specialists", erBeds: Capacity(available: 0, staffed: 20))), by: "kim", at: 0)
        let undo = try #require(board.inverse(of: report))
        #expect(undo.description == "undo: 서울대학교병원 ER status, ER beds")
        #expect(undo.action == .revertHospital(id: id, fields: [.erState, .erReason, .erBeds], to: before.hospitals[id]!))
        try board.apply(report)
        try board.apply(Fixture.change(.reportHospital(id: id, HospitalReport(icuBeds: Capacity(available: 2, staffed: 12))), by: "lee", at: 60))
        try board.apply(Change(officer: "kim", at: Fixture.t0.addingTimeInterval(120), action: undo.action))

        let h = try #require(board.hospitals[id])
        #expect(h.erStatus == nil)
        #expect(h.erBeds == Reported(Capacity(available: 9, staffed: 20), at: Fixture.t0.addingTimeInterval(-600), by: "park"))
        #expect(h.icuBeds == Reported(Capacity(available: 2, staffed: 12), at: Fixture.t0.addingTimeInterval(60), by: "lee"))
    }

    @Test func descriptionsNameWhatIsUndone() throws {
        let board = try Fixture.board()
        func text(_ action: ChangeAction) -> String? { board.inverse(of: Fixture.change(action))?.description }
        #expect(text(.addLog(LogEntry(id: "x", eventTime: Fixture.t0, text: "t"))) == "undo: add log entry")
        #expect(text(.editHospital(id: Self.hospitalId, HospitalPatch(erPhone: "119", updateIntervalMinutes: 30)))
            == "undo: 서울대학교병원 ER phone, update interval")
        #expect(text(.editContact(id: "c1", ContactPatch(lastVerified: Fixture.t0))) == "undo: Officer Lee last verified")
        #expect(text(.removeContact(id: "c1")) == "undo: remove contact Officer Lee")
        #expect(text(.reportHospital(id: Self.hospitalId, HospitalReport())) == "undo: edit 서울대학교병원")
    }

    @Test func editsAreUndoneByEditsWhenAnEditCanSayIt() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.addStrike(StrikeAction(id: "s", organisation: "KIRA", form: .walkout, start: Fixture.t0, scope: "Seoul"))))
        let scope = board.inverse(of: Fixture.change(.editStrike(id: "s", StrikePatch(form: .rally, scope: "nationwide"))))
        #expect(scope?.action == .editStrike(id: "s", StrikePatch(form: .walkout, scope: "Seoul")))
        let end = board.inverse(of: Fixture.change(.editStrike(id: "s", StrikePatch(end: Fixture.t0.addingTimeInterval(60), scope: "x"))))
        #expect(end?.action == .revertStrike(id: "s", fields: [.end, .scope], to: board.strikes["s"]!))
        let region = board.inverse(of: Fixture.change(.editHospital(id: Self.hospitalId, HospitalPatch(region: "Busan"))))
        #expect(region?.action == .editHospital(id: Self.hospitalId, HospitalPatch(region: "Seoul")))
    }

    @Test(arguments: [
        ChangeAction.removeLog(id: "nope"),
        .editStrike(id: "nope", StrikePatch(scope: "x")),
        .reportHospital(id: "A1100017", HospitalReport(erBeds: Capacity(available: 5, staffed: 2))),
        .addHospital(Fixture.snuh),
        .revertHospital(id: "A0", fields: [.erBeds], to: Fixture.snuh),
        .logCall(CallRecord(id: "k", agencyId: "knpa", contactId: "c1", outcome: .reached)),
    ])
    func noUndoForChangesThatWouldNotApplyOrCannotBeUndone(action: ChangeAction) throws {
        #expect(try Fixture.board().inverse(of: Fixture.change(action)) == nil)
    }

    /// A field is a case of its record's enum, so a misspelt one cannot be written in Swift; from
    /// JSON (`sitroom apply`) it is refused with the names there are.
    @Test func aMisspeltFieldInJSONIsRefusedWithTheKnownNames() throws {
        let line = #"{"type":"hospital.revert","id":"A1","fields":["erBeds","erBedz"],"record":{"id":"A1","name":"n"}}"#
        let error = #expect(throws: ChangeError.self) { try ChangeLine.parse(line, officer: "kim", now: Fixture.t0) }
        #expect(error?.message.hasPrefix("unknown hospital figure field \"erBedz\" to revert; known: erState, erReason,") == true,
                "\(String(describing: error))")
        let contact = #"{"type":"contact.revert","id":"c1","fields":["agency"],"record":{"id":"c1","agencyId":"knpa","person":"Lee"}}"#
        let refused = #expect(throws: ChangeError.self) { try ChangeLine.parse(contact, officer: "kim", now: Fixture.t0) }
        #expect(refused?.message.hasPrefix("unknown contact field \"agency\" to revert; known: agencyId, person,") == true)
    }

    @Test func revertHospitalRefusesUnknownHospitalsAndBadResults() throws {
        var board = try Fixture.board()
        let before = board
        #expect(throws: ChangeError("unknown hospital A0", field: "id")) {
            try board.apply(Fixture.change(.revertHospital(id: "A0", fields: [.erBeds], to: Fixture.snuh)))
        }
        #expect(board == before)

        // Reverting one figure must still leave a valid hospital.
        var old = Fixture.snuh
        old.traineesOnRoll = Reported(5, at: Fixture.t0, by: "kim")
        try board.apply(Fixture.change(.reportHospital(id: Self.hospitalId, HospitalReport(traineesOnRoll: 50, traineesAbsent: 40))))
        #expect(throws: ChangeError("trainees absent 40 exceeds on roll 5", field: "traineesAbsent")) {
            try board.apply(Fixture.change(.revertHospital(id: Self.hospitalId, fields: [.traineesOnRoll], to: old)))
        }
    }

    @Test func everyFigureOfAReportCanBeReverted() throws {
        let report = HospitalReport(
            erState: .limited, erReason: "r", erBeds: Capacity(available: 1, staffed: 2), icuBeds: Capacity(available: 1, staffed: 2),
            nicuBeds: Capacity(available: 1, staffed: 2), picuBeds: Capacity(available: 1, staffed: 2),
            erDoctors: Staffing(onDuty: 1, minimum: 2), icuDoctors: Staffing(onDuty: 1, minimum: 2), traineesOnRoll: 9,
            traineesAbsent: 8, resignations: 7, traineesReturned: 1, ordersIssued: 5, ordersServed: 4, ordersComplied: 3,
            policePost: true, openIncidents: 2)
        #expect(report.givenFields == Hospital.Figure.allCases)
        var board = try Fixture.board()
        let before = board
        let change = Fixture.change(.reportHospital(id: Self.hospitalId, report))
        let undo = try #require(board.inverse(of: change))
        try board.apply(change)
        #expect(board.hospitals[Self.hospitalId]?.openIncidents?.value == 2)
        try board.apply(Fixture.change(undo.action, by: "lee", at: 10))
        #expect(board.withoutFigureOrigins == before)
        #expect(board.figureOrigins[Self.hospitalId]?.stamp.by == "lee", "the undo is the hospital's last change")
    }

    @Test func restoredLogEntriesKeepTheirStampAndPlace() throws {
        var board = try Fixture.board()
        for (n, id) in ["l1", "l2", "l3"].enumerated() {
            try board.apply(Fixture.change(.addLog(LogEntry(id: id, eventTime: Fixture.t0, text: id)), by: "park", at: Double(n)))
        }
        let entry = board.log[1]
        let removal = Fixture.change(.removeLog(id: "l2"), at: 100)
        #expect(board.inverse(of: removal)?.action == .restoreLog(entry, position: 1))
        try board.apply(removal)
        try board.apply(Fixture.change(.restoreLog(entry, position: 99), by: "lee", at: 200))
        #expect(board.log.map(\.id) == ["l1", "l3", "l2"], "a position past the end appends")
        #expect(board.log.last?.entered == Stamp(at: Fixture.t0.addingTimeInterval(1), by: "park"))
        #expect(throws: ChangeError("log entry l2 already exists", field: "id")) {
            try board.apply(Fixture.change(.restoreLog(entry, position: 0)))
        }
        var other = entry
        other.id = "l9"
        #expect(throws: ChangeError("log position must not be negative (got -1)", field: "position")) {
            try board.apply(Fixture.change(.restoreLog(other, position: -1)))
        }
        try board.apply(Fixture.change(.restoreLog(other, position: 0)))
        #expect(board.log.map(\.id) == ["l9", "l1", "l3", "l2"])
        #expect(throws: ChangeError("log entry l9 already exists", field: "id")) {
            try board.apply(Fixture.change(.addLog(other)))
        }
    }

    @Test func newKindsRoundTripThroughJSON() throws {
        var hospital = Fixture.snuh
        hospital.erStatus = Reported(ERStatus(state: .diverting, reason: "CT down"), at: Fixture.t0, by: "kim")
        hospital.icuBeds = Reported(Capacity(available: 0, staffed: 12), at: Fixture.t0.addingTimeInterval(-60), by: "lee")
        hospital.policePost = Reported(false, at: Fixture.t0, by: "park")
        let actions: [ChangeAction] = [
            .revertHospital(id: hospital.id, fields: [.erState, .erReason, .icuBeds, .erBeds, .policePost], to: hospital),
            .revertHospital(id: hospital.id, fields: [], to: Fixture.snuh),
            .revertStrike(id: "s", fields: [.end, .participants], to: StrikeAction(
                id: "s", organisation: "KIRA", form: .walkout, start: Fixture.t0,
                participants: Reported(10, at: Fixture.t0, by: "kim"))),
            .revertContact(id: "c1", fields: [.lastVerified], to: Contact(id: "c1", agencyId: "knpa", person: "Lee")),
            .revertAction(id: "a", fields: [.due, .status], to: ActionItem(
                id: "a", text: "t", ownerAgencyId: "knpa", status: .done,
                history: [Reported(.open, at: Fixture.t0, by: "kim"), Reported(.done, at: Fixture.t0, by: "lee")])),
            .restoreAction(ActionItem(id: "a", text: "t", ownerAgencyId: "knpa", due: Fixture.t0,
                                      history: [Reported(.open, at: Fixture.t0, by: "kim")])),
            .restoreLog(LogEntry(id: "l", eventTime: Fixture.t0, entered: Stamp(at: Fixture.t0, by: "kim"), text: "x", hospitalId: "A1"), position: 3),
        ]
        for action in actions {
            let change = Fixture.change(action, by: "lee", at: 30)
            let json = try SitRoomJSON.encoder().encode(change)
            #expect(try SitRoomJSON.decoder().decode(Change.self, from: json) == change, "\(action.type)")
            #expect(String(decoding: json, as: UTF8.self).contains("\"type\":\"\(action.type)\""))
        }
        let line = #"{"type":"hospital.revert","id":"A1","fields":["erBeds"],"record":{"id":"A1","name":"n","romanizedName":"","region":"","hospitalClass":"G099","address":"","switchboard":"","erPhone":"","updateIntervalMinutes":60}}"#
        let parsed = try ChangeLine.parse(line, officer: "kim", now: Fixture.t0)
        #expect(parsed.action == .revertHospital(id: "A1", fields: [.erBeds], to: Hospital(id: "A1", name: "n")))
        #expect(parsed.action.subjectId == "A1")
    }
}
