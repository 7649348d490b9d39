import CSV
import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The demo board, plus a hospital whose name and address need quoting, a hospital with no figures,
/// and a log entry with commas, quotes and line breaks.
enum ExportFixture {
    static let t0 = Sample.t0

    static func board() throws -> Board {
        var board = Board()
        for change in DemoSituation.changes(now: t0) {
            try board.apply(change)
        }
        let extra: [ChangeAction] = [
            .addHospital(Hospital(
                id: "Z9000001", name: "시험 \"병원\", 본관 & <별관>", romanizedName: "Test \"Hospital\", Main & <Annex>",
                region: "Seoul", hospitalClass: .registeredER, address: "서울특별시 중구, 1층\n응급실 옆", switchboard: "02-000-0000")),
            .reportHospital(id: "Z9000001", HospitalReport(
                erState: .diverting, erReason: "CT down & MRI <2h>, \"no\" neurosurgeon\r\nsecond line\u{7}",
                erBeds: Capacity(available: 0, staffed: 10), erDoctors: Staffing(onDuty: 1, minimum: 3))),
            .addHospital(Hospital(id: "Z9000002", name: "빈칸병원")),
            .addLog(LogEntry(
                id: "log-quote", eventTime: t0, category: "test", severity: .warning,
                text: "line one, with a comma\nline \"two\"\r\nthree", hospitalId: "Z9000001")),
        ]
        for (n, action) in extra.enumerated() {
            try board.apply(Change(officer: "kim", at: t0.addingTimeInterval(Double(n)), action: action))
        }
        return board
    }
}

/// Reads CSV bytes back with CSV.swift's reader: header and rows as dictionaries.
private func parse(_ data: Data) throws -> (header: [String], rows: [[String: String]]) {
    let reader = try CSVReader(stream: InputStream(data: data), hasHeaderRow: true)
    let header = try #require(reader.headerRow)
    var rows: [[String: String]] = []
    while let row = reader.next() {
        #expect(row.count == header.count, "row \(rows.count + 1) has \(row.count) fields, the header \(header.count)")
        rows.append(Dictionary(uniqueKeysWithValues: zip(header, row)))
    }
    if let error = reader.error { throw error }
    return (header, rows)
}

private func csv(_ table: CSVExport.Table, _ board: Board, bom: Bool = false) throws -> Data {
    try CSVExport.data(CSVExport.sheet(table, of: board), bom: bom)
}

private func text(_ n: Int?) -> String { n.map { String($0) } ?? "" }

@Suite struct CSVExportTests {
    @Test func identityAndContactColumnsAreExactlyWhatImportReads() throws {
        let board = try ExportFixture.board()
        let hospitals = try parse(csv(.hospitals, board)).header
        #expect(Array(hospitals.prefix(9)) == [
            "id", "name", "romanized_name", "region", "class", "address", "switchboard", "er_phone", "update_interval_minutes",
        ])
        #expect(hospitals.contains("er_state") && hospitals.contains("icu_available") && hospitals.contains("reported_at"))
        let contacts = try parse(csv(.contacts, board)).header
        #expect(Array(contacts.prefix(9)) == ["id", "agency", "person", "role", "phone", "mobile", "email", "shift", "escalation"])
        for table in CSVExport.Table.allCases {
            let header = try parse(csv(table, board)).header
            #expect(Set(header).count == header.count, "\(table) repeats a column")
            #expect(header.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber } }, "\(table): \(header)")
        }
    }

    @Test func commasQuotesAndLineBreaksAreQuotedByTheWriter() throws {
        let board = try ExportFixture.board()
        let raw = try #require(String(data: try csv(.log, board), encoding: .utf8))
        #expect(raw.contains("\"line one, with a comma\nline \"\"two\"\"\r\nthree\""))
        let row = try #require(try parse(csv(.log, board)).rows.first { $0["id"] == "log-quote" })
        #expect(row["text"] == "line one, with a comma\nline \"two\"\r\nthree")
        #expect(row["hospital_name"] == "시험 \"병원\", 본관 & <별관>")

        let hospital = try #require(try parse(csv(.hospitals, board)).rows.first { $0["id"] == "Z9000001" })
        #expect(hospital["address"] == "서울특별시 중구, 1층\n응급실 옆")
        #expect(hospital["er_reason"] == "CT down & MRI <2h>, \"no\" neurosurgeon\r\nsecond line\u{7}")
        #expect(raw.hasSuffix("\n") && !raw.hasSuffix("\n\n"), "every record ends with one line feed")
    }

    @Test func emptyFiguresAreEmptyFields() throws {
        let board = try ExportFixture.board()
        let row = try #require(try parse(csv(.hospitals, board)).rows.first { $0["id"] == "Z9000002" })
        for column in CSVExport.hospitalStatusColumns {
            #expect(row[column] == "", "\(column) of a hospital with no figures")
        }
        #expect(row["class"] == "G099")
        #expect(row["update_interval_minutes"] == "60")
        // A hospital with some figures: the missing ones are empty, the given ones are numbers.
        let partial = try #require(try parse(csv(.hospitals, board)).rows.first { $0["id"] == "Z9000001" })
        #expect(partial["icu_available"] == "" && partial["nicu_staffed"] == "" && partial["trainees_on_roll"] == "")
        #expect(partial["er_beds_available"] == "0" && partial["er_beds_staffed"] == "10")
        #expect(partial["er_state"] == "diverting")
    }

    @Test func koreanIsUTF8WithoutBOMUnlessAsked() throws {
        let board = try ExportFixture.board()
        let plain = try csv(.hospitals, board)
        #expect(Array(plain.prefix(3)) == Array("id,".utf8))
        let text = try #require(String(data: plain, encoding: .utf8))
        #expect(text.contains("서울대학교병원"))

        let withBOM = try csv(.hospitals, board, bom: true)
        #expect(Array(withBOM.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(withBOM.dropFirst(3) == plain)
        let parsed = try parse(withBOM)
        #expect(parsed.header.first == "id", "the reader skips the byte order mark")
        #expect(parsed.rows.first { $0["id"] == "A1100017" }?["name"] == "서울대학교병원")
    }

    @Test func hospitalsRoundTrip() throws {
        let board = try ExportFixture.board()
        let rows = try parse(csv(.hospitals, board)).rows
        #expect(rows.map { $0["id"]! } == board.hospitals.keys.sorted())
        for row in rows {
            let h = try #require(board.hospitals[row["id"]!])
            #expect(row["name"] == h.name)
            #expect(row["romanized_name"] == h.romanizedName)
            #expect(row["region"] == h.region)
            #expect(row["class"].flatMap(HospitalClass.init(rawValue:)) == h.hospitalClass)
            #expect(row["address"] == h.address)
            #expect(row["switchboard"] == h.switchboard)
            #expect(row["er_phone"] == h.erPhone)
            #expect(row["update_interval_minutes"].flatMap { Int($0) } == h.updateIntervalMinutes)
            #expect(row["er_state"].flatMap(ERState.init(rawValue:)) == h.erStatus?.value.state)
            #expect(row["er_reason"] == (h.erStatus?.value.reason ?? ""))
            let figures: [(String, Int?)] = [
                ("er_beds_available", h.erBeds?.value.available), ("er_beds_staffed", h.erBeds?.value.staffed),
                ("icu_available", h.icuBeds?.value.available), ("icu_staffed", h.icuBeds?.value.staffed),
                ("nicu_available", h.nicuBeds?.value.available), ("nicu_staffed", h.nicuBeds?.value.staffed),
                ("picu_available", h.picuBeds?.value.available), ("picu_staffed", h.picuBeds?.value.staffed),
                ("er_doctors_on_duty", h.erDoctors?.value.onDuty), ("er_doctors_minimum", h.erDoctors?.value.minimum),
                ("icu_doctors_on_duty", h.icuDoctors?.value.onDuty), ("icu_doctors_minimum", h.icuDoctors?.value.minimum),
                ("trainees_on_roll", h.traineesOnRoll?.value), ("trainees_absent", h.traineesAbsent?.value),
                ("resignations", h.resignations?.value), ("trainees_returned", h.traineesReturned?.value),
                ("orders_issued", h.ordersIssued?.value), ("orders_served", h.ordersServed?.value),
                ("orders_complied", h.ordersComplied?.value), ("open_incidents", h.openIncidents?.value),
            ]
            for (column, value) in figures {
                let cell = try #require(row[column])
                #expect((cell.isEmpty ? nil : Int(cell)) == value, "\(h.id) \(column): \"\(cell)\"")
                #expect(cell.isEmpty || Int(cell) != nil, "\(h.id) \(column) is not a number: \"\(cell)\"")
            }
            #expect(row["police_post"] == h.policePost.map { $0.value ? "true" : "false" } ?? "")
            let newest = h.stamps.max { $0.at < $1.at }
            let oldest = h.stamps.min { $0.at < $1.at }
            #expect(row["reported_at"].flatMap(ISO8601.parse) == newest.map { floorSecond($0.at) })
            #expect(row["reported_by"] == (newest?.by ?? ""))
            #expect(row["oldest_figure_at"].flatMap(ISO8601.parse) == oldest.map { floorSecond($0.at) })
        }
    }

    @Test func contactsLogAndActionsRoundTrip() throws {
        let board = try ExportFixture.board()

        let contacts = try parse(csv(.contacts, board)).rows
        #expect(contacts.map { $0["id"]! } == board.contacts.keys.sorted())
        for row in contacts {
            let c = try #require(board.contacts[row["id"]!])
            #expect(row["agency"] == c.agencyId && row["agency_name"] == board.agencies[c.agencyId]?.name)
            #expect(row["person"] == c.person && row["role"] == c.role && row["shift"] == c.shift)
            #expect(row["phone"] == c.phone && row["mobile"] == c.mobile && row["email"] == c.email)
            #expect(row["escalation"] == String(c.escalation))
            #expect(row["last_verified"] == c.lastVerified.map(ISO8601.format) ?? "")
            #expect(row["last_reached"] == c.lastReached.map(ISO8601.format) ?? "")
        }

        let log = try parse(csv(.log, board)).rows
        #expect(log.map { $0["id"]! } == board.log.map(\.id), "the log stays in entry order")
        for (row, entry) in zip(log, board.log) {
            #expect(row["text"] == entry.text)
            #expect(row["event_time"].flatMap(ISO8601.parse) == floorSecond(entry.eventTime))
            #expect(row["severity"].flatMap(Severity.init(rawValue:)) == entry.severity)
            #expect(row["category"] == entry.category)
            #expect(row["hospital_id"] == (entry.hospitalId ?? "") && row["agency_id"] == (entry.agencyId ?? ""))
            #expect(row["entered_at"].flatMap(ISO8601.parse) == floorSecond(entry.entered.at))
            #expect(row["entered_by"] == entry.entered.by)
        }

        let actions = try parse(csv(.actions, board)).rows
        #expect(actions.map { $0["id"]! } == board.actions.keys.sorted())
        #expect(!actions.isEmpty)
        for row in actions {
            let a = try #require(board.actions[row["id"]!])
            #expect(row["text"] == a.text && row["owner_agency"] == a.ownerAgencyId)
            #expect(row["status"].flatMap(ActionStatus.init(rawValue:)) == a.status)
            #expect(row["due"].flatMap(ISO8601.parse) == a.due.map(floorSecond))
            #expect(row["created_by"] == a.history.first?.by ?? "")
            #expect(row["status_changed_at"].flatMap(ISO8601.parse) == a.history.last.map { floorSecond($0.at) })
        }
    }

    /// (An empty board still has its condition table, E-Gen's 27 until replaced: CapabilityExportTests.)
    @Test func anEmptyBoardHasHeadersOnly() throws {
        for table in CSVExport.Table.allCases where table != .conditions {
            let text = try #require(String(data: try csv(table, Board()), encoding: .utf8))
            #expect(text.split(separator: "\n").count == 1, "\(table): \(text)")
        }
    }
}

/// CSV times are to the second (ISO 8601 without a fraction).
private func floorSecond(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
}
