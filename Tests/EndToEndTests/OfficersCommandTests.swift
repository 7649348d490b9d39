import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sitroom officers`, `audit` and the identity every writing command claims, through the real
/// binary: the bad inputs of issue 18 each refused with a clear message and nothing written.
@Suite struct OfficersCommandTests {
    static var me: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    @Test func theRosterGuardsItselfAndSaysHowToBeAdded() throws {
        let demo = try DemoData("officers")
        defer { demo.remove() }
        let data = ["--data", demo.path]
        func run(_ args: [String], stdin: String? = nil) -> (status: Int32, stdout: String, stderr: String) { sitroom(args + data, stdin: stdin) }

        // Without a roster everything works as before, and `list` says how to start one.
        #expect(run(["officers", "list"]).stdout.contains("no roster: everyone who can open"))
        #expect(run(["apply", "--command", "--officer", "anyone"], stdin: "log before the roster\n").stdout == "ok \(demo.base + 1)\n")

        // The first officer must be an admin; then this OS user is that admin.
        let notAdmin = run(["officers", "add", "kim", "--name", "김민준", "--role", "officer", "--os-user", Self.me])
        #expect(notAdmin.status != 0 && notAdmin.stderr.contains("the first officer on the roster must be an admin"), "\(notAdmin.stderr)")
        #expect(run(["officers", "add", "boss", "--name", "상황실장", "--role", "admin", "--os-user", Self.me]).stdout
                == "ok #\(demo.base + 2): added boss (admin)\n")

        // A malformed key line, a bad fingerprint: refused, nothing written.
        let garbage = run(["officers", "add", "kim", "--name", "김민준", "--role", "officer", "--key", "ssh-ed25519 not-base64!! kim@laptop"])
        #expect(garbage.status != 0 && garbage.stderr.contains("not a public key line"), "\(garbage.stderr)")
        let badID = run(["apply", "--command", "--key-id", "SHA256:short"], stdin: "log x\n")
        #expect(badID.status != 0 && badID.stderr.contains("is not a key fingerprint"), "\(badID.stderr)")

        // An identity on no officer is told the command that adds it; so is a name this user is not.
        let stranger = run(["apply", "--command", "--key-id", "SHA256:" + String(repeating: "Q", count: 43)], stdin: "log x\n")
        #expect(stranger.status != 0 && stranger.stderr.contains("is not on this situation's roster. Ask an admin to add you:")
                && stranger.stderr.contains("sitroom officers add"), "\(stranger.stderr)")
        let other = run(["apply", "--command", "--officer", "kim"], stdin: "log x\n")
        #expect(other.status != 0 && other.stderr.contains("is not officer kim; it may be: boss"), "\(other.stderr)")

        // The last admin cannot go; a supervisor's refusal names the role; audit shows who did what.
        let lastAdmin = run(["officers", "retire", "boss"])
        #expect(lastAdmin.status != 0 && lastAdmin.stderr.contains("the roster would have no admin left"), "\(lastAdmin.stderr)")
        #expect(run(["officers", "edit", "boss", "--role", "supervisor"]).stderr.contains("no admin left"))
        #expect(run(["officers", "add", "sup", "--name", "박감독", "--role", "supervisor", "--os-user", "nobody-here"]).status == 0)
        let audit = run(["audit", "--since", "#\(demo.base + 1)"]).stdout
        let rows = audit.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.map { [$0[0], $0[3], $0[4], $0[6]] } == [
            ["#\(demo.base + 1)", "anyone", Self.me, "log.add"],
            ["#\(demo.base + 2)", Self.me, Self.me, "officer.add"],
            ["#\(demo.base + 3)", "boss", Self.me, "officer.add"],
        ], "\(audit)")
        #expect(run(["officers", "list"]).stdout.contains("sup   박감독"))
    }
}
