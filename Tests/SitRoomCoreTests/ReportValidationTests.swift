import Foundation
import Testing
@testable import SitRoomCore

/// `hospital.report` checks only the rules its figures are in, and changes the hospital in place.
/// These tests hold it to what checking the whole hospital again gave: the same hospitals accepted,
/// the same first rule broken and message, and a rejected report leaving the board as it was.
@Suite struct ReportValidationTests {
    /// What `apply` did before: record the report on a copy, then validate the copy whole.
    private static func reference(_ h: Hospital, _ r: HospitalReport, _ stamp: Stamp) -> Result<Hospital, ChangeError> {
        var next = h
        next.record(r, stamp: stamp)
        do {
            try next.validate()
            return .success(next)
        } catch let error as ChangeError {
            return .failure(error)
        } catch {
            Issue.record("unexpected error \(error)")
            return .failure(ChangeError("\(error)", field: ""))
        }
    }

    private static func figure(_ rng: inout SeededRandom) -> Int? {
        // Small numbers, a few negative, so that every rule is both kept and broken often.
        let n = Int(rng.next() % 16)
        return n < 4 ? nil : n - 6
    }

    private static func capacity(_ rng: inout SeededRandom) -> Capacity? {
        guard let a = figure(&rng), let s = figure(&rng) else { return nil }
        return Capacity(available: a, staffed: s)
    }

    private static func staffing(_ rng: inout SeededRandom) -> Staffing? {
        guard let a = figure(&rng), let m = figure(&rng) else { return nil }
        return Staffing(onDuty: a, minimum: m)
    }

    private static func report(_ rng: inout SeededRandom) -> HospitalReport {
        // Each figure given in about one report in three: most reports leave most figures alone.
        func maybe<T>(_ value: T?) -> T? { rng.next() % 3 == 0 ? value : nil }
        return HospitalReport(
            erState: maybe(ERState.allCases[Int(rng.next() % 4)]), erReason: maybe("reason"),
            erBeds: maybe(capacity(&rng)), icuBeds: maybe(capacity(&rng)), nicuBeds: maybe(capacity(&rng)),
            picuBeds: maybe(capacity(&rng)), erDoctors: maybe(staffing(&rng)), icuDoctors: maybe(staffing(&rng)),
            traineesOnRoll: maybe(figure(&rng)), traineesAbsent: maybe(figure(&rng)), resignations: maybe(figure(&rng)),
            traineesReturned: maybe(figure(&rng)), ordersIssued: maybe(figure(&rng)), ordersServed: maybe(figure(&rng)),
            ordersComplied: maybe(figure(&rng)), policePost: maybe(rng.next() % 2 == 0), openIncidents: maybe(figure(&rng)))
    }

    @Test func aReportIsAcceptedOrRejectedExactlyAsByWholeValidation() throws {
        var rng = SeededRandom(seed: 7)
        var board = try Fixture.board()
        let id = Fixture.snuh.id
        var accepted = 0, rejected = 0
        for i in 0..<4_000 {
            let r = Self.report(&rng)
            let change = Fixture.change(.reportHospital(id: id, r), at: Double(i))
            let before = board
            let expected = Self.reference(try #require(board.hospitals[id]), r, change.stamp)
            switch expected {
            case .success(let hospital):
                try board.apply(change)
                #expect(board.hospitals[id] == hospital)
                // `check` on the board before it: the same verdict, without changing anything.
                #expect(throws: Never.self) { try before.check(change) }
                accepted += 1
            case .failure(let error):
                #expect(throws: error) { try board.apply(change) }
                #expect(throws: error) { try before.check(change) }
                #expect(board == before, "a rejected report must leave the board untouched")
                rejected += 1
            }
        }
        // Both outcomes must be common, or the comparison above proves little.
        #expect(accepted > 500)
        #expect(rejected > 500)
    }

    @Test(arguments: [
        // A figure given checked against one already on the board, and the other way round.
        (HospitalReport(traineesOnRoll: 10, traineesAbsent: 4), HospitalReport(traineesOnRoll: 3),
         "trainees absent 4 exceeds on roll 3", "traineesAbsent"),
        (HospitalReport(traineesOnRoll: 10), HospitalReport(resignations: 11),
         "resignations 11 exceeds on roll 10", "resignations"),
        (HospitalReport(traineesOnRoll: 10, traineesReturned: 2), HospitalReport(traineesOnRoll: 1),
         "trainees returned 2 exceeds on roll 1", "traineesReturned"),
        (HospitalReport(ordersIssued: 5, ordersServed: 4), HospitalReport(ordersIssued: 3),
         "orders served 4 exceeds issued 3", "ordersServed"),
        (HospitalReport(ordersIssued: 5), HospitalReport(ordersServed: 6),
         "orders served 6 exceeds issued 5", "ordersServed"),
        (HospitalReport(ordersServed: 4, ordersComplied: 4), HospitalReport(ordersServed: 2),
         "orders complied 4 exceeds served 2", "ordersComplied"),
        (HospitalReport(ordersServed: 4), HospitalReport(ordersComplied: 5),
         "orders complied 5 exceeds served 4", "ordersComplied"),
        (HospitalReport(erBeds: Capacity(available: 1, staffed: 2)), HospitalReport(icuDoctors: Staffing(onDuty: -1, minimum: 2)),
         "ICU doctors on duty must not be negative (got -1)", "icuDoctors"),
        (HospitalReport(), HospitalReport(openIncidents: -2), "open incidents must not be negative (got -2)", "openIncidents"),
        // The first rule broken in `validate()`'s order is the one reported.
        (HospitalReport(), HospitalReport(picuBeds: Capacity(available: 3, staffed: 2), traineesOnRoll: -1),
         "paediatric ICU available 3 exceeds staffed 2", "picuBeds"),
    ])
    func aReportBreakingARuleWithFiguresAlreadyThereIsRejected(
        first: HospitalReport, second: HospitalReport, message: String, field: String
    ) throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.reportHospital(id: Fixture.snuh.id, first)))
        let before = board
        let change = Fixture.change(.reportHospital(id: Fixture.snuh.id, second), at: 60)
        #expect(throws: ChangeError(message, field: field)) { try board.apply(change) }
        #expect(throws: ChangeError(message, field: field)) { try board.check(change) }
        #expect(board == before)
    }

    @Test(arguments: [
        "", " ", "\t\n\r\n", "a", "  x", "\u{01}", " \u{7F}", " \u{301}", "\u{3000}", "\u{3000}가", "\u{85}",
        "수원한빛병원", " \u{200B}", "\u{A0}\u{A0}", " e\u{301}", "\n\u{2028}\u{2029}",
    ])
    func visibleTextAgreesWithTheCharacterScan(text: String) {
        #expect(hasVisibleText(text) == text.contains { !$0.isWhitespace })
    }
}
