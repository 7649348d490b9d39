import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
import SitRoomDrills

/// Importing hospitals and contacts from CSV: reading, planning against a board, committing.
@Suite struct ImportTests {
    // MARK: Helpers

    /// Seoul's ER list as the public data portal serves it (CP949), copied byte for byte.
    static let portalPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seoul-er-2022.csv").path
    static let t0 = Sample.t0

    static func portalBytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: portalPath)))
    }

    /// The portal file as UTF-8 text.
    static func portalText() throws -> String { try TextEncoding.cp949.decode(try portalBytes()) }

    static func hospitals(_ csv: String, into board: Board = Board(), map: [String: String] = [:]) throws -> ImportPlan {
        try HospitalImport.plan(try CSVTable.parse(csv), into: board, overrides: map, officer: "kim", at: t0)
    }

    static func contacts(_ csv: String, into board: Board = Board(), map: [String: String] = [:]) throws -> ImportPlan {
        try ContactImport.plan(try CSVTable.parse(csv), into: board, overrides: map, officer: "kim", at: t0)
    }

    static func applying(_ plan: ImportPlan, to board: Board = Board()) throws -> Board {
        try plan.changes.reduce(into: board) { b, c in try b.apply(c.change) }
    }

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func portalBoard() throws -> Board {
        let (table, _) = try CSVTable.decode(try portalBytes())
        return try applying(try HospitalImport.plan(table, into: Board(), officer: "kim", at: t0))
    }

    // MARK: The portal file

    @Test func portalFileImports68HospitalsWithTheirClassesAndPhones() throws {
        let (table, encoding) = try CSVTable.read(path: Self.portalPath)
        #expect(encoding == .cp949)
        #expect(table.header.count == 34)
        #expect(table.header.prefix(2) == ["기관ID", "주소"])
        #expect(table.rows.count == 68)
        #expect(table.rows.first?.line == 2 && table.rows.last?.line == 69)

        let plan = try HospitalImport.plan(table, into: Board(), officer: "kim", at: Self.t0)
        #expect(plan.skipped == [])
        #expect(plan.report.counts == "added 68, updated 0, unchanged 0, skipped 0")
        let board = try Self.applying(plan)
        #expect(board.hospitals.count == 68)
        let perClass = Dictionary(grouping: board.hospitals.values, by: \.hospitalClass).mapValues(\.count)
        #expect(perClass == [.regionalCentre: 7, .localCentre: 23, .localInstitution: 19, .registeredER: 18, .other: 1])

        let snuh = try #require(board.hospitals["A1100017"])
        #expect(snuh == Hospital(
            id: "A1100017", name: "서울대학교병원", region: "서울", hospitalClass: .regionalCentre,
            address: "서울특별시 종로구 대학로 101 (연건동)", switchboard: "1588-5700", erPhone: "02-2072-2475"))
        let nmc = try #require(board.hospitals["A1100052"])
        #expect(nmc.name == "국립중앙의료원" && nmc.hospitalClass == .other)
        #expect(nmc.switchboard == "0222607114" && nmc.erPhone == "02-2260-7414")
        let anam = try #require(board.hospitals["A1100008"])
        #expect(anam.name == "(학)고려대학교의과대학부속병원(안암병원)")
        #expect(anam.switchboard == "1577-0083" && anam.erPhone == "02-920-5374")
        let hplus = try #require(board.hospitals["A1100041"])
        #expect(hplus.hospitalClass == .localCentre && hplus.erPhone == "070-4665-9119")
        #expect(board.hospitals.values.allSatisfy { $0.region == "서울" && $0.updateIntervalMinutes == 60 })
    }

    @Test func aNameThatOccursTwiceGivesTwoHospitals() throws {
        let board = try Self.portalBoard()
        let named = board.hospitals.values.filter { $0.name == "재단법인베스티안재단베스티안서울병원" }
        #expect(named.map(\.id).sorted() == ["A1100018", "A1122381"])
        #expect(board.hospitals["A1100018"]?.erPhone == "070-7609-9902")
        #expect(board.hospitals["A1122381"]?.erPhone == "02-6211-7965")
    }

    @Test func utf8AndUTF8WithBOMImportTheSameAsCP949() throws {
        let cp949 = try CSVTable.decode(try Self.portalBytes())
        let utf8Bytes = Array(try Self.portalText().utf8)
        let utf8 = try CSVTable.decode(utf8Bytes)
        let bom = try CSVTable.decode(TextEncoding.bom + utf8Bytes)
        #expect(utf8.encoding == .utf8)
        #expect(bom.encoding == .utf8WithBOM)
        #expect(bom.table.header.first == "기관ID", "the BOM is not part of the first column's name")
        #expect(utf8.table == cp949.table)
        #expect(bom.table == cp949.table)
        let plans = try [cp949, utf8, bom].map { try HospitalImport.plan($0.table, into: Board(), officer: "kim", at: Self.t0) }
        #expect(plans[0].changes.count == 68)
        #expect(plans[1] == plans[0] && plans[2] == plans[0])
    }

    @Test func theEncodingCanBeForced() throws {
        let bytes = try Self.portalBytes()
        #expect(TextEncoding.named("auto") == nil)
        #expect(TextEncoding.named("EUC-KR") == .cp949)
        #expect(TextEncoding.named("utf-8") == .utf8)
        let forced = try CSVTable.decode(bytes, encoding: TextEncoding.named("euc-kr"))
        #expect(forced.table.rows.count == 68)
        // CP949 read as UTF-8 is refused, naming the first bad line (the header's Korean).
        #expect(throws: ImportError("line 1: not valid UTF-8 (try --encoding cp949)")) {
            try CSVTable.decode(bytes, encoding: .utf8)
        }
        #expect(throws: ImportError.self) { try CSVTable.decode(bytes, encoding: .iconv("NO-SUCH-ENCODING")) }
        // A byte that is not CP949 either: its line is named.
        let bad = Array("id,name\nA1,ok\nA2,".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        #expect(throws: ImportError("line 3: byte 0xFF is not valid in CP949 (try --encoding utf-8)")) {
            try CSVTable.decode(bad, encoding: .cp949)
        }
    }

    @Test func detection() {
        #expect(TextEncoding.detect(Array("id,name\nA1,서울\n".utf8)) == .utf8)
        #expect(TextEncoding.detect(TextEncoding.bom + Array("id\n".utf8)) == .utf8WithBOM)
        #expect(TextEncoding.detect([0xBC, 0xAD, 0xBF, 0xEF]) == .cp949)  // 서울 in CP949
        #expect(TextEncoding.detect(Array("plain ascii".utf8)) == .utf8)
    }

    // MARK: Upsert

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let board = try Self.portalBoard()
        let again = try HospitalImport.plan(try CSVTable.decode(try Self.portalBytes()).table, into: board, officer: "kim", at: Self.t0)
        #expect(again.changes.isEmpty)
        #expect(again.report.counts == "added 0, updated 0, unchanged 68, skipped 0")
    }

    @Test func aChangedPhoneIsOneUpdateOfThatFieldOnly() throws {
        let board = try Self.portalBoard()
        let text = try Self.portalText().replacingOccurrences(of: "\"02-2072-2475\"", with: "\"02-2072-9999\"")
        let plan = try Self.hospitals(text, into: board)
        #expect(plan.report.counts == "added 0, updated 1, unchanged 67, skipped 0")
        #expect(plan.changes.map(\.change.action) == [.editHospital(id: "A1100017", HospitalPatch(erPhone: "02-2072-9999"))])
        #expect(plan.report.details == ["updated A1100017 서울대학교병원 (line 26): er_phone"])
    }

    @Test func onlyTheColumnsInTheFileAreCompared() throws {
        var board = Board()
        try board.apply(Change(officer: "x", at: Self.t0, action: .addHospital(Hospital(
            id: "A1", name: "서울대학교병원", romanizedName: "SNUH", region: "Seoul", hospitalClass: .regionalCentre,
            address: "서울특별시 종로구", switchboard: "1588-5700", erPhone: "02-1", updateIntervalMinutes: 30))))
        // No region, romanized name, class or interval columns: those stay; the region is not
        // derived over one the hospital has.
        let plan = try Self.hospitals("id,name,address,er_phone\nA1,서울대학교병원,서울특별시 종로구,02-2\n", into: board)
        #expect(plan.changes.map(\.change.action) == [.editHospital(id: "A1", HospitalPatch(erPhone: "02-2"))])
        // An empty class or interval cell means "as it is"; an empty phone cell means empty.
        let empty = try Self.hospitals("id,name,class,er_phone,update_interval_minutes\nA1,서울대학교병원,,,\n", into: board)
        #expect(empty.changes.map(\.change.action) == [.editHospital(id: "A1", HospitalPatch(erPhone: ""))])
    }

    @Test func englishHeadersRoundTripEveryIdentityField() throws {
        let board = DemoSituation.board(now: Self.t0)
        let header = HospitalImport.fields.map(\.name)
        #expect(header == ["id", "name", "romanized_name", "region", "class", "address", "switchboard", "er_phone",
                           "update_interval_minutes"])
        let lines = board.hospitals.values.sorted { $0.id < $1.id }.map { h in
            [h.id, h.name, h.romanizedName, h.region, h.hospitalClass.rawValue, h.address, h.switchboard, h.erPhone,
             String(h.updateIntervalMinutes)].map(Self.quoted).joined(separator: ",")
        }
        let csv = ([header.joined(separator: ",")] + lines).joined(separator: "\r\n") + "\r\n"
        let same = try Self.hospitals(csv, into: board)
        #expect(same.changes.isEmpty)
        #expect(same.unchanged == board.hospitals.count)
        // Into an empty board: every identity field comes back as it was.
        let fresh = try Self.applying(try Self.hospitals(csv))
        #expect(fresh.hospitals.mapValues(Self.identity) == board.hospitals.mapValues(Self.identity))
    }

    /// A hospital's identity fields only (no reported figures).
    static func identity(_ h: Hospital) -> Hospital {
        Hospital(id: h.id, name: h.name, romanizedName: h.romanizedName, region: h.region, hospitalClass: h.hospitalClass,
                 address: h.address, switchboard: h.switchboard, erPhone: h.erPhone,
                 updateIntervalMinutes: h.updateIntervalMinutes)
    }

    // MARK: CSV details

    @Test func quotedFieldsWithLineBreaksCommasAndQuotesAndEmptyFields() throws {
        let csv = """
            "id","name","address","switchboard","er_phone","class"\r
            "A1","Hospital ""One"", East","Line one\r
            line two, with a comma","","02-1","G001"\r
            A2,Plain,,02-2,,G006\r
            "A3","","","","",""\r

            A4,After a blank line,"a\nb\nc",,,
            """
        let table = try CSVTable.parse(csv)
        #expect(table.rows.map(\.line) == [2, 4, 5, 7])
        #expect(table.rows[0].fields == ["A1", "Hospital \"One\", East", "Line one\r\nline two, with a comma", "", "02-1", "G001"])
        let plan = try Self.hospitals(csv)
        #expect(plan.skipped == [ImportSkip(line: 5, reason: "no name for A3")])
        let board = try Self.applying(plan)
        #expect(board.hospitals["A1"] == Hospital(
            id: "A1", name: "Hospital \"One\", East", region: "Line", hospitalClass: .regionalCentre,
            address: "Line one\r\nline two, with a comma", erPhone: "02-1"))
        #expect(board.hospitals["A2"] == Hospital(id: "A2", name: "Plain", hospitalClass: .localCentre, switchboard: "02-2"))
        #expect(board.hospitals["A4"]?.address == "a\nb\nc")
    }

    @Test func rowsThatCannotBeImportedAreSkippedWithTheirLineAndWhy() throws {
        let csv = """
            id,name,class,update_interval_minutes
            A1,One,G001,
            ,No id,G001,
            A2,,G006,
            A3,Bad class,G123,
            A1,Again,G001,
            A4,Too,many,fields,here
            A5,Bad interval,G007,often
            A6,Zero interval,G007,0
            A7,Korean class name,지역응급의료기관,30
            """
        let plan = try Self.hospitals(csv)
        #expect(plan.skipped.map(\.description) == [
            "skipped line 3: no id",
            "skipped line 4: no name for A2",
            "skipped line 5: A3: unknown class \"G123\" (known: G001 G006 G007 G009 G099)",
            "skipped line 6: duplicate id A1 (first on line 2)",
            "skipped line 7: 5 fields where the header has 4",
            "skipped line 8: A5: update_interval_minutes \"often\" is not a whole number",
            "skipped line 9: A6: update interval must be at least 1 minute",
        ])
        let board = try Self.applying(plan)
        #expect(board.hospitals.keys.sorted() == ["A1", "A7"])
        #expect(board.hospitals["A1"]?.name == "One")
        #expect(board.hospitals["A7"]?.hospitalClass == .localInstitution && board.hospitals["A7"]?.updateIntervalMinutes == 30)
        #expect(plan.report.counts == "added 2, updated 0, unchanged 0, skipped 7")
    }

    @Test func aFileWithoutAnIdOrNameColumnIsRefused() throws {
        #expect(throws: ImportError("no id column (id or 기관ID); name it with --map id=COLUMN")) {
            try Self.hospitals("code,name\nA1,One\n")
        }
        #expect(throws: ImportError("no name column (name or 기관명); name it with --map name=COLUMN")) {
            try Self.hospitals("id,title\nA1,One\n")
        }
        #expect(throws: ImportError("the file is empty: no header row")) { try Self.hospitals("") }
    }

    @Test func mapNamesTheColumnsOfOtherFiles() throws {
        let csv = "기관코드,병원이름,종별,응급실 번호,시도\nB1,한 병원,G009,02-9,경기\n"
        let map = try ColumnMapping.parseOverrides(["id=기관코드,name=병원이름", "class=종별, er_phone=응급실 번호", "region=시도"])
        #expect(map == ["id": "기관코드", "name": "병원이름", "class": "종별", "er_phone": "응급실 번호", "region": "시도"])
        let board = try Self.applying(try Self.hospitals(csv, map: map))
        #expect(board.hospitals["B1"] == Hospital(id: "B1", name: "한 병원", region: "경기", hospitalClass: .registeredER, erPhone: "02-9"))
        // A mapping wins over a recognised header.
        let swapped = try Self.applying(try Self.hospitals("id,name,other\nC1,Old,New\n", map: ["name": "other"]))
        #expect(swapped.hospitals["C1"]?.name == "New")

        #expect(throws: ImportError("--map: unknown field \"nmae\"; fields: id, name, romanized_name, region, class, address, switchboard, er_phone, update_interval_minutes")) {
            try Self.hospitals(csv, map: ["nmae": "병원이름"])
        }
        #expect(throws: ImportError("--map name=병원명: no column \"병원명\"; the header has: \"기관코드\", \"병원이름\", \"종별\", \"응급실 번호\", \"시도\"")) {
            try Self.hospitals(csv, map: ["id": "기관코드", "name": "병원명"])
        }
        #expect(throws: ImportError("--map: \"name\" is not field=Column")) { try ColumnMapping.parseOverrides(["name"]) }
    }

    @Test func regionIsTheAddresssFirstWord() {
        #expect(HospitalImport.region(ofAddress: "서울특별시 종로구 대학로 101") == "서울")
        #expect(HospitalImport.region(ofAddress: "경기도 성남시 분당구") == "경기")
        #expect(HospitalImport.region(ofAddress: "충청북도 청주시") == "충북")
        #expect(HospitalImport.region(ofAddress: "  Springfield  Main St") == "Springfield")
        #expect(HospitalImport.region(ofAddress: "") == nil)
    }

    // MARK: Committing

    @Test func committingWritesOneChangePerHospitalInGroupCommits() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        _ = log.commit(Sample.logEntry(1))
        let plan = try HospitalImport.plan(try CSVTable.read(path: Self.portalPath).table, into: log.board, officer: "kim", at: Self.t0)
        var progress: [Int] = []
        let report = plan.commit(to: log, batchSize: 30) { done, total in
            #expect(total == 68)
            progress.append(done)
        }
        #expect(progress == [30, 60, 68])
        #expect(report.firstSeq == 2 && report.lastSeq == 69 && report.saved == 68)
        #expect(report.text.hasSuffix("""
            added 68, updated 0, unchanged 0, skipped 0
            written: seq 2–69; undo the whole import with: sitroom revert 2-69

            """))
        let reopened = try ChangeLog.open(dir, mode: .readOnly)
        #expect(reopened.seq == 69)
        let expected = try Self.portalBoard()
        #expect(reopened.board.hospitals == expected.hospitals)
    }

    @Test func aChangeRejectedAtCommitTimeIsReportedAsSkipped() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        let plan = try Self.hospitals("id,name\nA1,One\nA2,Two\nA3,Three\n", into: log.board)
        // Another console adds A2 between planning and committing.
        let other = try ChangeLog.open(dir)
        #expect(other.commit(Change(officer: "lee", at: Self.t0, action: .addHospital(Hospital(id: "A2", name: "Two")))) == .saved(1))
        let report = plan.commit(to: log)
        #expect(report.skipped == [ImportSkip(line: 3, reason: "hospital A2 already exists")])
        #expect(report.text == """
            columns: id=id name=name
            skipped line 3: hospital A2 already exists
            added 2, updated 0, unchanged 0, skipped 1
            written: seq 2–3; undo the whole import with: sitroom revert 2-3

            """)
    }

    @Test func aFailedWriteStopsTheImportAndSaysWhatWasNotSaved() throws {
        let tmp = TempDir()
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(tmp.sub("data"), fs: fs)
        try dir.create()
        let log = try ChangeLog.open(dir)
        let csv = "id,name\n" + (1...10).map { "A\($0),H\($0)\n" }.joined()
        let plan = try Self.hospitals(csv, into: log.board)
        fs.arm(.init(.sync, at: 2, effect: .fail(errno: ENOSPC)))  // the second batch's fsync
        let report = plan.commit(to: log, batchSize: 4)
        #expect(report.added == 4 && report.firstSeq == 1 && report.lastSeq == 4)
        let notSaved = try #require(report.notSaved)
        #expect(notSaved.hasSuffix("6 changes from line 6 on were not written; import the file again once the fault is fixed"))
        #expect(!report.isClean)
        let reopened = try ChangeLog.open(DataDirectory(dir.path), mode: .readOnly)
        #expect(reopened.board.hospitals.keys.sorted() == ["A1", "A2", "A3", "A4"])
    }

    @Test func theReportOfADryRun() throws {
        var board = Board()
        try board.apply(Change(officer: "x", at: Self.t0, action: .addHospital(Hospital(id: "A1", name: "One", erPhone: "1"))))
        try board.apply(Change(officer: "x", at: Self.t0, action: .addHospital(Hospital(id: "A2", name: "Two"))))
        var report = try Self.hospitals("id,name,er_phone\nA1,One,2\nA2,Two,\nA3,Three,\n,,\n", into: board).report
        report.dryRun = true
        #expect(report.text == """
            columns: id=id name=name er_phone=er_phone
            updated A1 One (line 2): er_phone
            skipped line 5: no id
            added 1, updated 1, unchanged 1, skipped 1
            dry run: nothing written

            """)
    }

    // MARK: Contacts

    static let seoulFire = "서울소방재난본부"

    @Test func contactsWithKoreanHeadersAddAnUnknownAgencyOnce() throws {
        let board = DemoSituation.board(now: Self.t0)
        let knpa = try #require(board.agencies["knpa"])
        let csv = """
            소속,성명,직책,전화번호,휴대폰,이메일,근무조,비고
            \(Self.seoulFire),홍길동,상황실장,02-0000-1119,010-0000-1111,hong@fire.example,주간,메모
            \(Self.seoulFire),김철수,상황요원,02-0000-1120,,,야간,
            knpa,이영희,경정,02-0000-2222,,,,
            \(knpa.name.uppercased()),박민수,경감,,,,,
            """
        let plan = try Self.contacts(csv, into: board)
        #expect(plan.skipped == [])
        #expect(plan.report.counts == "added 4, updated 0, unchanged 0, skipped 0 (and 1 new agency)")
        #expect(plan.report.details == [
            "added agency 서울소방재난본부 \"서울소방재난본부\" (kind fire), first named on line 2",
        ])
        #expect(plan.changes.first?.change.action == .addAgency(Agency(id: "서울소방재난본부", name: Self.seoulFire, kind: .fire)))
        let after = try Self.applying(plan, to: board)
        #expect(after.contacts["서울소방재난본부-홍길동"] == Contact(
            id: "서울소방재난본부-홍길동", agencyId: "서울소방재난본부", person: "홍길동", role: "상황실장",
            phone: "02-0000-1119", mobile: "010-0000-1111", email: "hong@fire.example", shift: "주간"))
        #expect(after.contacts["서울소방재난본부-김철수"]?.shift == "야간")
        #expect(after.contacts["knpa-이영희"]?.agencyId == "knpa")
        #expect(after.contacts["knpa-박민수"]?.agencyId == "knpa", "an agency name matches ignoring case")
        // Derived ids find the same contacts again.
        let again = try Self.contacts(csv, into: after)
        #expect(again.changes.isEmpty && again.unchanged == 4)
    }

    /// A roster names agencies in one language: "경찰청" and "national police agency" find the
    /// board's "경찰청 National Police Agency" instead of adding a second police agency; a word
    /// several agencies share is refused with their ids.
    @Test func anAgencyNamedInOneLanguageIsTheOneOnTheBoard() throws {
        let board = DemoSituation.board(now: Self.t0)
        let knpa = try #require(board.agencies["knpa"])
        #expect(knpa.name.hasPrefix("경찰청 "))
        let csv = """
            소속,성명,직책
            경찰청,홍길동,상황실장
            national police agency,김철수,상황요원
            """
        let plan = try Self.contacts(csv, into: board)
        #expect(plan.report.counts == "added 2, updated 0, unchanged 0, skipped 0", "\(plan.report.details)")
        let after = try Self.applying(plan, to: board)
        #expect(after.agencies.count == board.agencies.count)
        #expect(after.contacts["knpa-홍길동"]?.agencyId == "knpa" && after.contacts["knpa-김철수"]?.agencyId == "knpa")
        var two = board
        try two.apply(Change(officer: "t", at: Self.t0, action: .addAgency(Agency(id: "knpa-2", name: "경찰청 Seoul desk", kind: .police))))
        guard case .ambiguous(let ids) = ContactImport.findAgency("경찰청", on: two) else {
            Issue.record("two agencies named 경찰청 … are not one")
            return
        }
        #expect(ids == ["knpa", "knpa-2"])
    }

    @Test func contactsUpsertByTheirIdColumn() throws {
        let board = DemoSituation.board(now: Self.t0)
        let c = try #require(board.contacts["knpa-1"])
        let header = "id,agency,person,role,phone,mobile,email,shift,escalation"
        func row(_ mobile: String) -> String {
            [c.id, c.agencyId, c.person, c.role, c.phone, mobile, c.email, c.shift, String(c.escalation)]
                .map(Self.quoted).joined(separator: ",")
        }
        #expect(try Self.contacts(header + "\n" + row(c.mobile), into: board).report.counts
                == "added 0, updated 0, unchanged 1, skipped 0")
        let plan = try Self.contacts(header + "\n" + row("010-9999-0000"), into: board)
        #expect(plan.changes.map(\.change.action) == [.editContact(id: "knpa-1", ContactPatch(mobile: "010-9999-0000"))])
        #expect(plan.report.details == ["updated knpa-1 \(c.person) (line 2): mobile"])
    }

    @Test func contactRowsThatCannotBeImportedAreSkipped() throws {
        var board = Board()
        for id in ["a1", "a2"] {
            try board.apply(Change(officer: "x", at: Self.t0, action: .addAgency(Agency(id: id, name: "같은 이름"))))
        }
        let csv = """
            agency,person,escalation
            a1,,1
            ,Kim,1
            같은 이름,Lee,1
            a1,Park,first
            a1,Choi,0
            a1,Kim,1
            a1,kim,2
            """
        let plan = try Self.contacts(csv, into: board)
        #expect(plan.skipped.map(\.description) == [
            "skipped line 2: no person",
            "skipped line 3: no agency",
            "skipped line 4: agency \"같은 이름\" matches 2 agencies: a1, a2; give its id",
            "skipped line 5: a1-park: escalation \"first\" is not a whole number",
            "skipped line 6: a1-choi: escalation order must be 1 or more",
            "skipped line 8: duplicate id a1-kim (first on line 7)",
        ])
        #expect(throws: ImportError("no person column (person or 성명 or 이름); name it with --map person=COLUMN")) {
            try Self.contacts("agency,name\na1,Kim\n", into: board)
        }
        #expect(try Self.contacts("agency,name\na1,Kim\n", into: board, map: ["person": "name"]).changes.count == 1)
    }

    /// An import is one more door to the model: a cell longer than a field holds is refused with
    /// the words `sitroom apply` and the console give, and the rest of the file still imports.
    @Test func cellsLongerThanTheModelTakesAreSkippedWithItsWords() throws {
        var board = Board()
        try board.apply(Change(officer: "x", at: Self.t0, action: .addAgency(Agency(id: "a1", name: "Police"))))
        let long = String(repeating: "9", count: 200_000)
        let plan = try Self.contacts("agency,person,phone\na1,Kim,\(long)\na1,Lee,112\n", into: board)
        #expect(plan.skipped.map(\.description) == ["skipped line 2: a1-kim: phone: at most 2000 characters (got 200000)"])
        #expect(plan.changes.count == 1)
    }

    @Test func agencySlugsAndKinds() {
        #expect(ContactImport.slug("Seoul Fire & Disaster HQ") == "seoul-fire-disaster-hq")
        #expect(ContactImport.slug("  서울 소방재난본부 ") == "서울-소방재난본부")
        #expect(ContactImport.guessKind("서울경찰청") == .police)
        #expect(ContactImport.guessKind("국방부 National Defense") == .military)
        #expect(ContactImport.guessKind("교육부 Education") == .ministry)
        #expect(ContactImport.guessKind("서울소방재난본부") == .fire)
        #expect(ContactImport.guessKind("종로구청") == .localGovernment)
        #expect(ContactImport.guessKind("종로구보건소") == .health)
        #expect(ContactImport.guessKind("대한적십자사") == .other)
        var board = Board()
        try? board.apply(Change(officer: "x", at: Self.t0, action: .addAgency(Agency(id: "red-cross", name: "Other"))))
        #expect(ContactImport.uniqueAgencyId(for: "Red Cross", on: board) == "red-cross-2")
    }
}
