import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The roster view in the live console: an admin opens it (O) and changes a role from the `:`
/// line; a plain officer's same line is refused by the commit's role check, the line kept.
@Suite struct RosterViewTests {
    static var me: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    func command(_ t: TmuxSession, _ line: String) {
        t.sendKeys(":")
        t.sendText(line)
        t.sendKeys("Enter")
    }

    @Test func anAdminChangesARoleFromTheRosterViewAndAPlainOfficerIsRefused() throws {
        let demo = try DemoData("roster-view")
        defer { demo.remove() }
        let data = ["--data", demo.path]
        // This OS user is three officers: boss (admin), kim (officer), lee (officer); --officer picks.
        #expect(sitroom(["officers", "add", "boss", "--name", "상황실장", "--role", "admin", "--os-user", Self.me] + data).status == 0)
        for (id, name) in [("kim", "김민준"), ("lee", "이서연")] {
            let r = sitroom(["officers", "add", id, "--name", name, "--role", "officer", "--os-user", Self.me, "--officer", "boss"] + data)
            #expect(r.status == 0, "\(r.stderr)")
        }

        let admin = try TmuxSession.console(data: demo.path, officer: "boss", width: 160, height: 40)
        try admin.waitFor("boss·admin")
        admin.sendKeys("O")
        try admin.waitUntil("the roster view with the three officers") { screen in
            screen.contains("O Officers") && screen.contains("김민준") && screen.contains("이서연")
        }
        command(admin, "officer role kim supervisor")
        try admin.waitFor("kim (김민준) role officer → supervisor")
        try admin.waitUntil("kim's row says supervisor") { screen in
            screen.split(separator: "\n").contains { $0.contains("│kim ") && $0.contains("supervisor") }
        }
        admin.kill()
        #expect(sitroom(["officers", "list"] + data).stdout.split(separator: "\n").contains { $0.hasPrefix("kim ") && $0.contains("supervisor") })

        let plain = try TmuxSession.console(data: demo.path, officer: "lee", width: 160, height: 40)
        defer { plain.kill() }
        try plain.waitFor("lee·officer")
        command(plain, "officers")
        try plain.waitFor("O Officers")
        let before = try #require(sitroom(["audit"] + data).stdout.split(separator: "\n").last.map(String.init))
        command(plain, "officer role lee admin")
        try plain.waitFor("changing the roster needs the admin role; lee is officer")
        #expect(plain.capture().contains(":officer role lee admin"), "the line stays for correction")
        #expect(sitroom(["audit"] + data).stdout.split(separator: "\n").last.map(String.init) == before, "nothing written")
    }
}
