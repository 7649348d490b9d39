import Foundation
import SitRoomDrills
import Testing

/// Where `sitroom` finds a server's password: asked on the terminal when the server wants one, the
/// answer not echoed and asked for once per run; a password in the address warned about once.
@Suite struct ServerPasswordTests {
    @Test func aPasswordIsAskedForOnTheTerminalWhenTheServerWantsOne() throws {
        let server = try ScratchPostgres.start()
        defer { server.destroy() }
        try server.addPasswordUser("duty", password: "hq-2026")
        _ = try server.sql("postgres", "CREATE DATABASE pw OWNER duty")
        _ = try server.sql("postgres", "CREATE DATABASE inurl OWNER duty")
        let data = NSTemporaryDirectory() + "sitroom-password-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(sitroom(["init", "--data", data, "--demo"]).status == 0)
        let url = "postgres://duty@127.0.0.1:\(server.port)/pw"
        let noFile = ["PGPASSFILE": data + "/no-pgpass", "PGPASSWORD": ""]

        // Not on a terminal: says where a password could come from.
        let piped = TmuxSession.run([TmuxSession.sitroomBinary, "migrate", "--from", data, "--to", url], stdin: "", environment: noFile)
        #expect(piped.status != 0)
        #expect(piped.stderr == "sitroom: \(url) asks for a password: set PGPASSWORD, or add a line host:port:database:user:password "
            + "to ~/.pgpass (mode 0600, or the file $PGPASSFILE names), or start sitroom on a terminal to be asked\n")

        // On a terminal: asked once (migrate connects twice), not echoed.
        let tmux = try TmuxSession(width: 120, height: 20, command: [TmuxSession.sitroomBinary, "migrate", "--from", data, "--to", url],
                                   environment: noFile, remainOnExit: true)
        try tmux.waitFor("Password for duty on 127.0.0.1:\(server.port)/pw:", timeout: 10)
        // Typed once the terminal stopped echoing (the prompt is written just before): typed
        // earlier, a loaded machine would echo it, and the flush that turns echo off would drop it.
        let tty = tmux.tmux(["display-message", "-p", "-t", tmux.target, "#{pane_tty}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Poll.until(timeout: 10, every: 0.05) {
            TmuxSession.run(["stty", "-F", tty, "-a"], stdin: nil).stdout.contains("-echo ")
        }, "the terminal \(tty) still echoes")
        tmux.sendText("hq-2026")
        tmux.sendKeys("Enter")
        try tmux.waitFor("the server's board matches", timeout: 30)
        // The whole output, scrolled-off lines included.
        let output = tmux.tmux(["capture-pane", "-p", "-S", "-100", "-t", tmux.target]).stdout
        #expect(!output.contains("hq-2026"), "\(output)")
        #expect(output.components(separatedBy: "Password for").count == 2, "\(output)")

        // In the address: accepted, with one warning for the run.
        let inURL = TmuxSession.run([TmuxSession.sitroomBinary, "migrate", "--from", data, "--to",
                                     "postgres://duty:hq-2026@127.0.0.1:\(server.port)/inurl"], stdin: "", environment: noFile)
        #expect(inURL.status == 0, "\(inURL.stderr)")
        let warning = "sitroom: warning: the password is in the server address, which other users can see in the process "
            + "list: use PGPASSWORD or ~/.pgpass instead\n"
        #expect(inURL.stderr.components(separatedBy: warning).count == 2, "\(inURL.stderr)")
        #expect(inURL.stderr.components(separatedBy: "warning").count == 2, "\(inURL.stderr)")
    }
}
