import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom revert FROM-TO`: an import taken back as a whole, and the refusal when later changes
/// touched the same hospitals.
@Suite struct RevertCommandTests {
    let root = NSTemporaryDirectory() + "sitroom-revert-" + UUID().uuidString
    var data: String { root + "/data" }

    func export(_ extra: [String] = []) throws -> BoardDocument {
        let r = sitroom(["export", "--data", data] + extra)
        guard r.status == 0 else { throw TmuxError(description: "export failed: \(r.stderr)") }
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    @Test func anImportIsTakenBackWholeAndALaterReportStopsIt() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(sitroom(["init", "--data", data]).status == 0)
        let file = root + "/h.csv"
        try "id,name,region,er_phone\nH1,서울대학교병원,Seoul,02-1\nH2,세브란스병원,Seoul,02-2\nH3,\"아주대학교병원, 수원\",Gyeonggi,031-3\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let imported = sitroom(["import", "hospitals", "--data", data, file])
        #expect(imported.stdout.contains("written: seq 1–3; undo the whole import with: sitroom revert --data \(data) 1-3"))
        #expect(sitroom(["apply", "--data", data, "--command"], stdin: "er H2 limited beds=3/20\n").stdout == "ok 4\n")

        let refused = sitroom(["revert", "--data", data, "1-3"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("#4 hospital.report H2"))
        #expect(refused.stderr.contains("not reverted"))
        #expect(try export().seq == 4, "nothing written")

        let forced = sitroom(["revert", "--data", data, "1-3", "--force", "--officer", "lee"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.hasSuffix("reverted #1–#3: 3 of 3 undoing changes written as #5–#7\n"))
        let after = try export()
        #expect(after.hospitals.isEmpty)
        // The journal keeps everything: the board before the revert is still there.
        #expect(try export(["--at", "#4"]).hospitals.map(\.id) == ["H1", "H2", "H3"])
    }

    @Test func aBadRangeIsRefusedBeforeAnythingIsRead() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(sitroom(["init", "--data", data]).status == 0)
        #expect(sitroom(["revert", "--data", data, "5-2"]).status == 64)
        #expect(sitroom(["revert", "--data", data, "1-9"]).stderr.contains("the journal ends at #0"))
    }
}
