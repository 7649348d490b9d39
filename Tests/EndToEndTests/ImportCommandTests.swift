import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom import`: the real binary on a fresh data directory and the portal's CP949 file.
@Suite struct ImportCommandTests {
    let root = NSTemporaryDirectory() + "sitroom-import-" + UUID().uuidString
    var data: String { root + "/data" }

    /// The public data portal's file, kept byte for byte with the store tests.
    static let portalFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SitRoomStoreTests/Fixtures/seoul-er-2022.csv").standardizedFileURL.path

    func export() throws -> BoardDocument {
        let r = sitroom(["export", "--data", data, "--format", "json"])
        guard r.status == 0 else { throw TmuxError(description: "export failed: \(r.stderr)") }
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    @Test func thePortalFileImportsAsItIsAndAgainChangesNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(sitroom(["init", "--data", data]).status == 0)

        let first = sitroom(["import", "hospitals", "--data", data, "--officer", "kim", Self.portalFile])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == """
            hospitals from seoul-er-2022.csv: CP949, 68 rows
            columns: id=기관ID name=기관명 class=응급의료기관코드 address=주소 switchboard=대표전화1 er_phone=응급실전화 region=(first word of 주소)
            added 68, updated 0, unchanged 0, skipped 0
            written: seq 1–68; undo the whole import with: sitroom revert --data \(data) 1-68

            """)
        let doc = try export()
        #expect(doc.seq == 68)
        #expect(doc.hospitals.count == 68)
        let perClass = Dictionary(grouping: doc.hospitals, by: \.hospitalClass).mapValues(\.count)
        #expect(perClass == [.regionalCentre: 7, .localCentre: 23, .localInstitution: 19, .registeredER: 18, .other: 1])
        let snuh = try #require(doc.hospitals.first { $0.id == "A1100017" })
        #expect(snuh.name == "서울대학교병원" && snuh.switchboard == "1588-5700" && snuh.erPhone == "02-2072-2475")
        #expect(snuh.region == "서울" && snuh.hospitalClass == .regionalCentre)
        #expect(doc.hospitals.filter { $0.name == "재단법인베스티안재단베스티안서울병원" }.map(\.id) == ["A1100018", "A1122381"])

        let again = sitroom(["import", "hospitals", "--data", data, Self.portalFile])
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("added 0, updated 0, unchanged 68, skipped 0\nnothing written\n"))
        #expect(try export().seq == 68)
    }

    @Test func aDryRunWritesNothingAndContactsBringTheirAgency() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(sitroom(["init", "--data", data]).status == 0)
        let hospitals = root + "/hospitals.csv"
        try "id,name,er_phone\nA1,One,02-1\nA2,,02-2\n".write(toFile: hospitals, atomically: true, encoding: .utf8)

        let dry = sitroom(["import", "hospitals", "--data", data, "--dry-run", hospitals])
        #expect(dry.status == 1, "a skipped row makes the exit status 1")
        #expect(dry.stdout == """
            hospitals from hospitals.csv: UTF-8, 2 rows
            columns: id=id name=name er_phone=er_phone
            skipped line 3: no name for A2
            added 1, updated 0, unchanged 0, skipped 1
            dry run: nothing written

            """)
        #expect(try export().seq == 0)

        let contacts = root + "/contacts.csv"
        try "기관,성명,휴대전화\n서울소방재난본부,홍길동,010-0000-1111\n".write(toFile: contacts, atomically: true, encoding: .utf8)
        let r = sitroom(["import", "contacts", "--data", data, "--officer", "kim", contacts])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("added agency 서울소방재난본부 \"서울소방재난본부\" (kind fire), first named on line 2\n"))
        #expect(r.stdout.hasSuffix("""
            added 1, updated 0, unchanged 0, skipped 0 (and 1 new agency)
            written: seq 1–2; undo the whole import with: sitroom revert --data \(data) 1-2

            """))
        let doc = try export()
        #expect(doc.agencies.map(\.id) == ["서울소방재난본부"])
        #expect(doc.contacts.map(\.id) == ["서울소방재난본부-홍길동"])
        #expect(doc.contacts.first?.mobile == "010-0000-1111")

        let bad = sitroom(["import", "hospitals", "--data", data, "--map", "nmae=x", hospitals])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("sitroom: import hospitals: --map: unknown field \"nmae\""))
    }
}
