import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sitroom alerts` through the real binary: the rules in force printed as an alerts.toml, a file put
/// on the board (and refused with its line when wrong, or when the officer is not an admin), and
/// taken off again.
@Suite struct AlertsCommandTests {
    @Test func theRulesGoOnTheBoardByAnAdminAndComeOffAgain() throws {
        let demo = try DemoData("alerts")
        defer { demo.remove() }
        let data = ["--data", demo.path]
        func run(_ args: [String]) -> (status: Int32, stdout: String, stderr: String) { sitroom(args + data) }
        let file = demo.root + "/rules.toml"

        // Without rules on the board: the directory's file, as it was written by init.
        let shown = run(["alerts"])
        #expect(shown.status == 0 && shown.stdout.hasPrefix("# sitroom alert rules."), "\(shown)")
        #expect(shown.stdout.contains("closed = true             # an ER reported closed (critical)"))
        #expect(shown.stderr.contains("no rules on the board: the data directory's alerts.toml"), "\(shown.stderr)")

        func activeAlerts() throws -> [String] {
            let json = sitroom(["export", "--format", "json"] + data).stdout
            let board = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return (board["alerts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try activeAlerts().contains { $0.hasPrefix("er-closed/") }, "the demo has closed ERs")

        // A wrong file is refused naming the setting; nothing is written.
        try "[er]\nclosed = 3\n".write(toFile: file, atomically: true, encoding: .utf8)
        let wrong = run(["alerts", "--load", file])
        #expect(wrong.status != 0 && wrong.stderr.contains("er.closed must be true or false"), "\(wrong)")
        try "[er]\nclosed = false\n[security]\npolice_late_minutes = 30\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(run(["alerts", "--load", file]).stdout == "ok \(demo.base + 1): the board's alert rules are \(file); every console follows them\n")
        // New rules look at every hospital at once: the demo's closed ERs' alerts clear in the same write.
        #expect(try !activeAlerts().contains { $0.hasPrefix("er-closed/") }, "er-closed alerts remain")
        let now = run(["alerts"])
        #expect(now.stdout.contains("closed = false") && now.stdout.contains("police_late_minutes = 30"), "\(now.stdout)")
        #expect(now.stderr.contains("the board's own rules"))
        #expect(run(["alerts", "--load", file]).stdout == "the board already has these rules\n")

        // With a roster, only an admin sets them: this OS user is both boss (admin) and sup (supervisor).
        let me = String(cString: getpwuid(getuid())!.pointee.pw_name)
        #expect(run(["officers", "add", "boss", "--name", "상황실장", "--role", "admin", "--os-user", me]).status == 0)
        #expect(run(["officers", "add", "sup", "--name", "박감독", "--role", "supervisor", "--os-user", me, "--officer", "boss"]).status == 0)
        let refused = run(["alerts", "--unset", "--officer", "sup"])
        #expect(refused.status != 0 && refused.stderr.contains("setting the alert rules needs the admin role; sup is supervisor"), "\(refused)")
        let unset = run(["alerts", "--unset", "--officer", "boss"]).stdout
        #expect(unset.hasPrefix("ok #") == false && unset.hasPrefix("ok ") && unset.contains(": the board's rules are off; consoles apply the data directory's alerts.toml"), "\(unset)")
        #expect(run(["alerts"]).stdout.contains("closed = true "))
        let audit = run(["audit", "--since", "#\(demo.base)"]).stdout
        #expect(audit.components(separatedBy: "rules.set").count == 3, "\(audit)")
    }
}
