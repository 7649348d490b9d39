import Foundation
import SitRoomDrills
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One server, many officers, over SSH (issue 18), exactly as the README's set-up: Debian's
/// OpenSSH server on a loopback port with a throwaway host key, the service account (this test's
/// own user) owning the data directory, and `sitroom officers authorized-keys` writing the forced
/// commands. Two throwaway keys: kim (officer) and lee (watch).
@Suite(.serialized) struct SSHConsoleTests {
    static let sshd = "/usr/sbin/sshd"

    struct Server {
        let root: String
        let port: Int
        let process: ChildProcess

        func stop() {
            kill(process.pid, SIGTERM)
            _ = process.waitExit()
            try? FileManager.default.removeItem(atPath: root)
        }

        /// `ssh` as a key's holder, as an officer types it: `ssh -p PORT user@127.0.0.1`.
        func ssh(key: String, _ extra: [String] = []) -> [String] {
            ["ssh", "-p", "\(port)", "-i", root + "/" + key, "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
             "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "SendEnv=LANG",
             "\(Identity.user)@127.0.0.1"] + extra
        }
    }

    enum Identity {
        static var user: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }
    }

    static func keygen(_ path: String, comment: String) throws {
        let made = TmuxSession.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path], stdin: nil)
        guard made.status == 0 else { throw TestFailure("ssh-keygen: \(made.stderr)") }
    }

    struct TestFailure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    /// The data directory with the demo, a roster (the service account itself as admin, kim and
    /// lee by key) and sshd started with the authorized_keys that `sitroom` printed.
    static func start() throws -> Server {
        let root = "/tmp/sitroom-ssh-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let data = root + "/hq"
        #expect(sitroom(["init", "--demo", "--data", data]).status == 0)
        try keygen(root + "/host", comment: "host")
        try keygen(root + "/kim", comment: "kim@laptop")
        try keygen(root + "/lee", comment: "lee@laptop")
        for args in [["add", "boss", "--name", "상황실장", "--role", "admin", "--os-user", Identity.user],
                     ["add", "kim", "--name", "김민준", "--desk", "응급의료과", "--role", "officer", "--key", root + "/kim.pub"],
                     ["add", "lee", "--name", "이서연", "--desk", "경찰청", "--role", "watch", "--key", root + "/lee.pub"]] {
            let added = sitroom(["officers"] + args + ["--data", data])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let lines = sitroom(["officers", "authorized-keys", "--data", data, "--sitroom", TmuxSession.sitroomBinary])
        #expect(lines.status == 0 && lines.stdout.split(separator: "\n").count == 2, "\(lines.stdout)\(lines.stderr)")
        try lines.stdout.write(toFile: root + "/authorized_keys", atomically: true, encoding: .utf8)
        chmod(root + "/authorized_keys", 0o600)

        let port = ScratchPostgres.freePort()
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(root)/host
            PidFile \(root)/sshd.pid
            AuthorizedKeysFile \(root)/authorized_keys
            AuthenticationMethods publickey
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            AcceptEnv LANG LC_*
            """
        try config.write(toFile: root + "/sshd_config", atomically: true, encoding: .utf8)
        // Root's sshd wants its privilege separation directory; Debian's package makes it only at boot.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let process = try ChildProcess([sshd, "-D", "-e", "-f", root + "/sshd_config"], stderr: .null)
        let server = Server(root: root, port: port, process: process)
        // Up once it answers: a key that is not in authorized_keys is refused (rather than the port closed).
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let probe = TmuxSession.run(server.ssh(key: "host", ["-o", "BatchMode=yes", "true"]), stdin: nil)
            if probe.stderr.contains("Permission denied") { return server }
            usleep(100_000)
        }
        server.stop()
        throw TestFailure("sshd did not come up on port \(port)")
    }

    @Test func anOfficerEntersAReportOverSSHAndAWatchSeesItButIsRefused() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.sshd) else {
            Issue.record("\(Self.sshd) is missing: .ci/install-deps installs openssh-server")
            return
        }
        let server = try Self.start()
        defer { server.stop() }
        let data = server.root + "/hq"
        let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let kim = try TmuxSession(width: 120, height: 36, command: server.ssh(key: "kim", ["-tt"]), environment: env)
        defer { kim.kill() }
        let lee = try TmuxSession(width: 120, height: 36, command: server.ssh(key: "lee", ["-tt"]), environment: env)
        defer { lee.kill() }
        try kim.waitFor("SITROOM", timeout: 15)
        try lee.waitFor("SITROOM", timeout: 15)

        // kim, an officer, saves an ER report over SSH.
        kim.sendKeys(":")
        kim.sendText("er A1100017 limited 4/20")
        kim.sendKeys("Enter")
        // The message line's "saved #N: …" (the top bar's "✔ saved #N" was there before).
        let savedLine = #"saved #[0-9]+: "#
        let saved = try kim.waitUntil(timeout: 10, "saved #N: on kim's console") { $0.range(of: savedLine, options: .regularExpression) != nil }
        let seq = String(saved[saved.range(of: savedLine, options: .regularExpression)!].dropFirst(7).prefix { $0.isNumber })
        #expect(!saved.contains("needs the") && !seq.isEmpty, "\(saved)")
        // lee, a watch officer, sees it live and is refused when entering one.
        _ = try lee.waitUntil(timeout: 5, "lee's console shows #\(seq)") { $0.contains("#\(seq)") }
        lee.sendKeys(":")
        lee.sendText("log 경찰 순찰 요청")
        lee.sendKeys("Enter")
        let refused = try lee.waitFor("watch role", timeout: 5)
        #expect(refused.contains("read-only: lee has the watch role; entering needs the officer role"), "\(refused)")

        // The change is kim's, from the service account and kim's key; lee's refusal wrote nothing.
        let kimKey = try String(contentsOfFile: server.root + "/kim.pub", encoding: .utf8)
        let fingerprint = TmuxSession.run(["ssh-keygen", "-lf", server.root + "/kim.pub"], stdin: nil).stdout
            .split(separator: " ")[1]
        let audit = sitroom(["audit", "--data", data, "--since", "#\(seq)"])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("kim") && audit.stdout.contains(Identity.user) && audit.stdout.contains(String(fingerprint))
                && audit.stdout.contains("hospital.report A1100017"), "\(audit.stdout)\n\(kimKey)")
        #expect(!audit.stdout.contains("lee"), "\(audit.stdout)")
    }

    @Test func aForcedCommandGivesNoShell() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.sshd) else { return }
        let server = try Self.start()
        defer { server.stop() }
        // A command asked for is not run: the forced sitroom console is, and without a terminal it stops.
        let tried = TmuxSession.run(server.ssh(key: "kim", ["-T", "echo", "shell-reached"]), stdin: "")
        #expect(!tried.stdout.contains("shell-reached"), "\(tried.stdout)")
        #expect(tried.stderr.contains("sitroom"), "\(tried.stderr)")
        // A key not on the roster is refused by sshd itself.
        let stranger = TmuxSession.run(server.ssh(key: "host", ["-o", "BatchMode=yes", "true"]), stdin: nil)
        #expect(stranger.status != 0 && stranger.stderr.contains("Permission denied"), "\(stranger.stderr)")
    }
}
