import Foundation
import Testing

/// The shell commands' messages for the slips a new officer makes: each says what to do instead.
@Suite struct CommandMessagesTests {
    let root = NSTemporaryDirectory() + "sitroom-messages-" + UUID().uuidString
    var data: String { root + "/data" }

    @Test func theSingularImportWordWorks() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(sitroom(["init", "--data", data]).status == 0)
        let file = root + "/h.csv"
        try "id,name,region\nH1,서울대학교병원,Seoul\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = sitroom(["import", "hospital", "--data", data, file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("added 1, updated 0"), "\(r.stdout)")
    }

    @Test func checkOnADirectoryThatIsNotThereSaysSo() throws {
        let missing = root + "/nowhere"
        let r = sitroom(["check", "--data", missing])
        #expect(r.status == 3)
        #expect(r.stderr.contains("no data directory at \(missing)"), "\(r.stderr)")
        #expect(!r.stdout.contains("DAMAGED"), "nothing there is not damage: \(r.stdout)")
    }

    @Test func aBadWordAndAQuickCommandPipedToApplyAreExplained() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(sitroom(["init", "--data", data, "--demo"]).status == 0)
        let word = sitroom(["apply", "--data", data], stdin: #"{"type":"hospital.report","id":"A1100017","report":{"erState":"shut"}}"# + "\n")
        #expect(word.status != 0)
        #expect(word.stdout.contains(#"erState "shut" is not one of open, limited, diverting, closed"#), "\(word.stdout)")
        let quick = sitroom(["apply", "--data", data], stdin: "er snuh l 3/20\n")
        #expect(quick.stdout.contains("looks like a quick command: add --command"), "\(quick.stdout)")
    }
}
