import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom export --format csv|have` through the real binary, on the demo data.
@Suite struct ExportCommandTests {
    let demo: DemoData
    init() throws { demo = try DemoData("export") }

    private func export(_ args: [String]) -> (status: Int32, stdout: String, stderr: String) {
        TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", demo.path] + args, stdin: nil)
    }

    @Test func csvToStdoutAndIntoADirectoryAgree() throws {
        defer { demo.remove() }
        let json = export(["--format", "json"])
        let doc = try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(json.stdout.utf8))

        let hospitals = export(["--format", "csv"])
        #expect(hospitals.status == 0, "\(hospitals.stderr)")
        let lines = hospitals.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("id,name,romanized_name,region,class,address,switchboard,er_phone,update_interval_minutes,er_state,") == true)
        #expect(lines.count == doc.hospitals.count + 2, "header, one line per hospital, and the final line feed")
        #expect(hospitals.stdout.contains("A1100017,서울대학교병원,"))

        let out = demo.root + "/csv"
        let written = export(["--format", "csv", "--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == [
            "hospitals", "contacts", "log", "actions", "conditions", "capabilities", "equipment", "hours_visits", "restrictions",
            "baselines", "security",
        ].map { "\(out)/\($0).csv\n" }.joined())
        #expect(try String(contentsOfFile: out + "/hospitals.csv", encoding: .utf8) == hospitals.stdout)
        for table in ["contacts", "log", "actions", "security"] {
            let one = export(["--format", "csv", "--table", table])
            #expect(one.status == 0)
            #expect(try String(contentsOfFile: "\(out)/\(table).csv", encoding: .utf8) == one.stdout, "\(table)")
        }
        #expect(export(["--format", "csv", "--table", "contacts"]).stdout
            .hasPrefix("id,agency,person,role,phone,mobile,email,shift,escalation,"))

        #expect(export(["--format", "csv", "--out", demo.root + "/bom", "--bom"]).status == 0)
        let bom = try Data(contentsOf: URL(fileURLWithPath: demo.root + "/bom/log.csv"))
        #expect(Array(bom.prefix(5)) == [0xEF, 0xBB, 0xBF] + Array("id".utf8))
    }

    @Test func haveHasOneHospitalElementPerReportingHospital() throws {
        defer { demo.remove() }
        let doc = try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(export(["--format", "json"]).stdout.utf8))
        let have = export(["--format", "have"])
        #expect(have.status == 0)
        #expect(have.stderr.isEmpty, "every demo hospital reports: \(have.stderr)")
        #expect(have.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HospitalStatus xmlns=\"urn:oasis:names:tc:emergency:EDXL:HAVE:1.0\""))
        #expect(have.stdout.components(separatedBy: "<Hospital>").count - 1 == doc.hospitals.count)
        #expect(have.stdout.contains("<xnl:NameElement>서울대학교병원</xnl:NameElement>"))
    }

    @Test func csvOptionsWithoutCSVAreRefused() throws {
        defer { demo.remove() }
        for args in [["--format", "json", "--bom"], ["--format", "have", "--table", "log"], ["--format", "csv", "--table", "log", "--out", "/tmp/x"]] {
            let r = export(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}
