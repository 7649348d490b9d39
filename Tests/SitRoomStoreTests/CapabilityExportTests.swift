import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// `export --format csv` and `json` carry the condition table, capabilities, equipment, hours and
/// visits, restrictions and baselines.
@Suite struct CapabilityExportTests {
    static let t0 = Sample.t0

    static func board() throws -> Board {
        var board = Board()
        let actions: [ChangeAction] = [
            .addHospital(Hospital(id: "H1", name: "서울대학교병원", region: "Seoul", hospitalClass: .regionalCentre)),
            .addHospital(Hospital(id: "H2", name: "세브란스병원", region: "Seoul")),
            .reportCapability(id: "H1", CapabilityReport(
                conditions: ["Y0020": ConditionStatus(.unavailable, reason: "neurosurgeon off, \"tonight\""), "Y0010": ConditionStatus(.available)],
                equipment: ["hvmriayn": 0, "hvctayn": 1, "hv10": 3], hours: .allDay, visits: ERVisits(total: 120, severe: 30, mild: 90))),
            .reportCapability(id: "H2", CapabilityReport(hours: .restricted("08:00–22:00"))),
            .addRestriction(Restriction(id: "r1", hospitalId: "H1", text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric",
                                        from: t0, until: t0.addingTimeInterval(3600))),
            .addRestriction(Restriction(id: "r2", hospitalId: "H2", text: "분만 불가", from: t0)),
            .endRestrictions(ids: ["r2"]),
            .setBaselines(BaselineValues(moment: t0, national: ["erDoctorsOnDuty": 1850, "capable/Y0020": 109],
                                         hospitals: ["H1": ["capabilityCount": 23]])),
        ]
        for (n, action) in actions.enumerated() {
            try board.apply(Change(officer: "kim", at: t0.addingTimeInterval(Double(n)), action: action))
        }
        return board
    }

    static func csv(_ table: CSVExport.Table, _ board: Board) throws -> String {
        String(decoding: try CSVExport.data(CSVExport.sheet(table, of: board)), as: UTF8.self)
    }

    @Test func capabilitiesOneRowPerReportedConditionInTheTablesOrder() throws {
        #expect(try Self.csv(.capabilities, Self.board()) == #"""
            hospital_id,hospital_name,condition_code,condition,availability,reason,reported_at,reported_by
            H1,서울대학교병원,Y0010,STEMI: reperfusion (myocardial infarction),available,,2026-11-23T10:33:22Z,kim
            H1,서울대학교병원,Y0020,Stroke (cerebral infarction): reperfusion,unavailable,"neurosurgeon off, ""tonight""",2026-11-23T10:33:22Z,kim

            """#)
    }

    @Test func equipmentHoursVisitsRestrictionsAndBaselines() throws {
        let board = try Self.board()
        #expect(try Self.csv(.equipment, board) == """
            hospital_id,hospital_name,equipment_code,equipment,is_count,value,reported_at,reported_by
            H1,서울대학교병원,hvctayn,CT,false,1,2026-11-23T10:33:22Z,kim
            H1,서울대학교병원,hvmriayn,MRI,false,0,2026-11-23T10:33:22Z,kim
            H1,서울대학교병원,hv10,"Ventilators, paediatric (free)",true,3,2026-11-23T10:33:22Z,kim

            """)
        #expect(try Self.csv(.hoursVisits, board) == """
            hospital_id,hospital_name,hours,hours_reported_at,hours_reported_by,visits_total,visits_severe,visits_mild,visits_reported_at,visits_reported_by
            H1,서울대학교병원,24h,2026-11-23T10:33:22Z,kim,120,30,90,2026-11-23T10:33:22Z,kim
            H2,세브란스병원,08:00–22:00,2026-11-23T10:33:23Z,kim,,,,,

            """)
        #expect(try Self.csv(.restrictions, board) == """
            id,hospital_id,hospital_name,category,text,from,until,entered_at,entered_by,ended_at,ended_by
            r1,H1,서울대학교병원,paediatric,소아 야간 진료 불가 22:00–08:00,2026-11-23T10:33:20Z,2026-11-23T11:33:20Z,2026-11-23T10:33:24Z,kim,,
            r2,H2,세브란스병원,general,분만 불가,2026-11-23T10:33:20Z,,2026-11-23T10:33:25Z,kim,2026-11-23T10:33:26Z,kim

            """)
        #expect(try Self.csv(.baselines, board) == """
            scope,hospital_id,hospital_name,figure,value,as_of,set_by
            national,,,capable/Y0020,109,2026-11-23T10:33:20Z,kim
            national,,,erDoctorsOnDuty,1850,2026-11-23T10:33:20Z,kim
            hospital,H1,서울대학교병원,capabilityCount,23,2026-11-23T10:33:20Z,kim

            """)
    }

    @Test func theConditionTableIsATableToo() throws {
        let lines = try Self.csv(.conditions, Board()).split(separator: "\n")
        #expect(lines.count == 28)
        #expect(lines[0] == "code,korean,english,short,feed_field")
        #expect(lines[2] == "Y0020,[재관류중재술] 뇌경색,Stroke (cerebral infarction): reperfusion,stroke,MKioskTy2")
    }

    @Test func theJSONDocumentCarriesThemAndReadsBackTheSame() throws {
        let board = try Self.board()
        let json = try SitRoomJSON.encoder(pretty: true).encode(BoardDocument(board, seq: 9))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["version"] as? Int == 3)
        #expect((object["conditions"] as? [Any])?.count == 27)
        let caps = try #require(object["capabilities"] as? [[String: Any]])
        #expect(caps.map { $0["hospitalId"] as? String } == ["H1", "H2"])
        #expect((caps[0]["equipment"] as? [String: Any])?.keys.sorted() == ["hv10", "hvctayn", "hvmriayn"])
        #expect((object["restrictions"] as? [[String: Any]])?.map { $0["id"] as? String } == ["r1", "r2"])
        let baselines = try #require(object["baselines"] as? [String: Any])
        #expect((baselines["national"] as? [String: Any])?.keys.sorted() == ["capable/Y0020", "erDoctorsOnDuty"])
        let back = try SitRoomJSON.decoder().decode(BoardDocument.self, from: json).board
        #expect(back.capabilities == board.capabilities)
        #expect(back.restrictions == board.restrictions)
        #expect(back.baselines == board.baselines)
        #expect(back.conditions == board.conditions)
    }
}
