import Foundation
import Testing
@testable import SitRoomCore

/// A record's field enum is its patch's JSON keys, the fields undo lists and the names a revert
/// takes: for every field an edit can set, all of these are the same name.
@Suite struct FieldNameTests {
    static func object(_ record: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: SitRoomJSON.encoder().encode(record)) as? [String: Any])
    }

    /// The patch that sets only `field`, to the value `record` has for it (a stamped figure's value).
    static func patch<Patch: Decodable>(_: Patch.Type, setting field: some RecordField, from record: [String: Any]) throws -> Patch {
        var value = try #require(record[field.rawValue], "\(field.rawValue) is not a key of the record")
        if let stamped = value as? [String: Any], let inner = stamped["value"] { value = inner }
        let json = try JSONSerialization.data(withJSONObject: [field.rawValue: value], options: .fragmentsAllowed)
        return try SitRoomJSON.decoder().decode(Patch.self, from: json)
    }

    /// The names an undo sets back: a revert's `fields`, or the keys of an edit's patch.
    static func names(_ undo: Undo) throws -> [String] {
        let json = try SitRoomJSON.encoder().encode(Fixture.change(undo.action))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        if let fields = object["fields"] as? [String] { return fields }
        return try #require(object["patch"] as? [String: Any]).keys.sorted()
    }

    static func check<Patch: Decodable, F: RecordField>(
        _ board: Board, _: F.Type, from source: some Encodable, _ edit: (Patch) -> ChangeAction
    ) throws {
        for field in F.allCases {
            let change = Fixture.change(edit(try patch(Patch.self, setting: field, from: try object(source))))
            let undo = try #require(board.inverse(of: change), "\(field.rawValue)")
            #expect(try names(undo) == [field.rawValue])
            #expect(undo.description.hasSuffix(" " + field.label), "\(undo.description)")
            _ = try board.applying(change).applying(Fixture.change(undo.action, at: 1))
        }
    }

    @Test func everyFieldAnEditSetsIsUndoneUnderItsOwnName() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.addStrike(StrikeAction(id: "s", organisation: "KIRA", form: .walkout, start: Fixture.t0))))
        try board.apply(Fixture.change(.addAction(ActionItem(id: "a", text: "t", ownerAgencyId: "knpa"))))
        try board.apply(Fixture.change(.addAgency(Agency(id: "nfa", name: "National Fire Agency", kind: .fire))))

        let hospital = Hospital(id: "x", name: "다른 병원", romanizedName: "Other", region: "Busan", hospitalClass: .localCentre,
                                address: "1 Road", switchboard: "1", erPhone: "2", updateIntervalMinutes: 30)
        try Self.check(board, Hospital.Detail.self, from: hospital) { .editHospital(id: Fixture.snuh.id, $0) }
        let strike = StrikeAction(id: "x", organisation: "KMA", form: .rally, start: Fixture.t0.addingTimeInterval(-60),
                                  end: Fixture.t0.addingTimeInterval(3600), scope: "Seoul",
                                  participants: Reported(5, at: Fixture.t0, by: "kim"), notes: "n")
        try Self.check(board, StrikeAction.Field.self, from: strike) { .editStrike(id: "s", $0) }
        try Self.check(board, Agency.Field.self, from: Agency(id: "x", name: "n", kind: .health, phone: "1", notes: "n")) {
            .editAgency(id: "knpa", $0)
        }
        let contact = Contact(id: "x", agencyId: "nfa", person: "Kim", role: "r", phone: "1", mobile: "2", email: "e",
                              shift: "night", escalation: 2, lastVerified: Fixture.t0)
        try Self.check(board, Contact.Field.self, from: contact) { .editContact(id: "c1", $0) }
        let item = ActionItem(id: "x", text: "other", ownerAgencyId: "nfa", due: Fixture.t0, status: .done)
        try Self.check(board, ActionItem.Field.self, from: item) { .editAction(id: "a", $0) }
    }

    /// A report's figures, each on its own: undone by a revert of exactly that figure.
    @Test func everyFigureOfAReportIsRevertedUnderItsOwnName() throws {
        let board = try Fixture.board()
        var source = Fixture.snuh
        source.record(HospitalReport(
            erState: .limited, erReason: "r", erBeds: Capacity(available: 1, staffed: 2), icuBeds: Capacity(available: 1, staffed: 2),
            nicuBeds: Capacity(available: 1, staffed: 2), picuBeds: Capacity(available: 1, staffed: 2),
            erDoctors: Staffing(onDuty: 1, minimum: 2), icuDoctors: Staffing(onDuty: 1, minimum: 2), traineesOnRoll: 9,
            traineesAbsent: 8, resignations: 7, traineesReturned: 1, ordersIssued: 5, ordersServed: 4, ordersComplied: 3,
            policePost: true, openIncidents: 2), stamp: Stamp(at: Fixture.t0, by: "kim"))
        var figures = try Self.object(source)
        figures["erState"] = "limited"  // one figure on the record, two in a report
        figures["erReason"] = "r"
        for figure in Hospital.Figure.allCases {
            let report = try Self.patch(HospitalReport.self, setting: figure, from: figures)
            #expect(report.givenFields == [figure])
            let undo = try #require(board.inverse(of: Fixture.change(.reportHospital(id: Fixture.snuh.id, report))))
            #expect(try Self.names(undo) == [figure.rawValue])
        }
    }
}
