import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sitroom init --group`, through the real binary: a data directory its group's members share,
/// everything in it 0660 (folders 2770) whoever made it and whatever their umask, refused to
/// anyone else. The group is this process's primary group: the tests make no group or account.
@Suite(.serialized) struct GroupInitTests {
    let root: String
    let group = GroupInitTests.primaryGroup

    static var primaryGroup: String {
        guard let entry = getgrgid(getegid()), let name = entry.pointee.gr_name else { return "\(getegid())" }
        return String(cString: name)
    }

    init() throws {
        root = "/tmp/sitroom-group-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod(root, 0o755)  // other accounts (the root-only test's) must reach the directories in it
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Every file and folder in `dir` whose mode or group is not a group directory's.
    func wrongModes(_ dir: String) throws -> [String] {
        var wrong: [String] = []
        var seen = 0
        for case let name as String in FileManager.default.enumerator(atPath: dir)! {
            var st = stat()
            lstat(dir + "/" + name, &st)
            let wanted: mode_t = st.st_mode & S_IFMT == S_IFDIR ? 0o2770 : 0o660
            if st.st_mode & 0o7777 != wanted || st.st_gid != getegid() { wrong.append("\(name): \(String(st.st_mode & 0o7777, radix: 8)) gid \(st.st_gid)") }
            seen += 1
        }
        #expect(seen >= 8, "only \(seen) files in \(dir)")
        return wrong
    }

    static func octal(_ path: String) -> String {
        var st = stat()
        return stat(path, &st) == 0 ? String(st.st_mode & 0o7777, radix: 8) : "missing"
    }

    @Test func initGroupDemoThenTheConsoleAndApplyUnderATightUmaskLeaveGroupFiles() throws {
        defer { remove() }
        let dir = root + "/hq"
        let made = TmuxSession.run(["/bin/sh", "-c", "umask 077 && exec \"$0\" init --data \"$1\" --group \"$2\" --demo",
                                    TmuxSession.sitroomBinary, dir, group], stdin: nil)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("shared with group \(group) (mode 2770, files 0660): add an officer's account with `usermod -aG \(group) USER`"),
                "\(made.stdout)")
        #expect(Self.octal(dir) == "2770")

        let lines = (1...12).map { #"{"type":"log.add","record":{"text":"shared entry \#($0)"}}"# }.joined(separator: "\n") + "\n"
        let applied = TmuxSession.run(["/bin/sh", "-c", "umask 077 && exec \"$0\" apply --data \"$1\" --officer kim --compact-every 5",
                                       TmuxSession.sitroomBinary, dir], stdin: lines)
        #expect(applied.status == 0, "\(applied.stderr)")

        let console = try TmuxSession(width: 100, height: 30, command: [
            "/bin/sh", "-c", "umask 077 && exec \"$0\" --data \"$1\" --officer lee.duty --tz Asia/Seoul", TmuxSession.sitroomBinary, dir,
        ], environment: ["TERM": "xterm-256color"])
        try console.waitFor("DEMO")
        console.sendText(":")
        console.sendText("log 그룹 공유 디렉터리에서 입력")
        console.sendKeys("Enter")
        try console.waitFor("saved #")
        #expect(FileManager.default.fileExists(atPath: dir + "/consoles"))
        #expect(try wrongModes(dir) == [])
        console.sendText("q")
        try console.waitUntil("the console to quit") { _ in
            (try? FileManager.default.contentsOfDirectory(atPath: dir + "/consoles"))?.isEmpty ?? true
        }
        #expect(try wrongModes(dir) == [])
        let exported = sitroom(["export", "--data", dir])
        #expect(exported.stdout.contains("그룹 공유 디렉터리에서 입력"))
        #expect(exported.stdout.contains("shared entry 12"))
        let check = sitroom(["check", "--data", dir])
        #expect(check.status == 0)
        #expect(check.stdout.contains("permissions: shared with group \(group) (2770, files 0660); nothing open to other users"), "\(check.stdout)")

        chmod(dir, 0o2775)
        let refused = sitroom(["apply", "--data", dir, "--officer", "kim"], stdin: lines)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(dir) is open to users outside group \(group) (mode 2775); run `chmod o-rwx \(dir)`"), "\(refused.stderr)")
        chmod(dir, 0o2770)
    }

    @Test func anUnknownGroupIsRefusedAndNothingIsCreated() {
        defer { remove() }
        let dir = root + "/nope"
        let made = sitroom(["init", "--data", dir, "--group", "no-such-group-sitroom", "--demo"])
        #expect(made.status != 0)
        #expect(made.stderr.contains("there is no group no-such-group-sitroom on this machine"), "\(made.stderr)")
        #expect(made.stderr.contains("Nothing was created."))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    static var setpriv: String? { ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// Two other accounts, by uid alone (no account is made): one in the directory's group writes
    /// to it under umask 077 from the console and `apply`; one outside it is refused, told how to be added.
    @Test(.enabled(if: geteuid() == 0 && GroupInitTests.setpriv != nil,
                   "needs root and setpriv to run sitroom as other uids; the store tests cover the refusal itself"))
    func anotherMemberWritesAndAnOutsiderIsRefused() throws {
        defer { remove() }
        let dir = root + "/hq"
        #expect(sitroom(["init", "--data", dir, "--group", group, "--demo"]).status == 0)
        let member = [Self.setpriv!, "--reuid", "65533", "--regid", "\(getegid())", "--clear-groups"]
        let outsider = [Self.setpriv!, "--reuid", "65532", "--regid", "65534", "--clear-groups"]
        let line = #"{"type":"log.add","record":{"text":"by another member"}}"# + "\n"
        // The other uids run sitroom by a path they can reach: the build folder may sit under a
        // 0700 one (a fresh clone in `mktemp -d`, as CI makes). A hard link, not a copy: a copy's
        // write descriptor, inherited by a process another test spawns meanwhile, made its exec
        // fail with "Text file busy".
        let binary = root + "/bin/sitroom"
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        chmod(root + "/bin", 0o755)
        if link(TmuxSession.sitroomBinary, binary) != 0 {
            try FileManager.default.copyItem(atPath: TmuxSession.sitroomBinary, toPath: binary)  // another file system
            _ = Poll.until(timeout: 10, every: 0.1) { TmuxSession.run([binary, "--version"], stdin: nil).status == 0 }
        }
        chmod(binary, 0o755)

        let applied = TmuxSession.run(member + ["/bin/sh", "-c", "umask 077 && exec \"$0\" apply --data \"$1\" --officer park --compact-every 1",
                                                binary, dir], stdin: line)
        #expect(applied.status == 0, "\(applied.stderr)")
        let console = try TmuxSession(width: 100, height: 30, command: member + [
            "/bin/sh", "-c", "umask 077 && exec \"$0\" --data \"$1\" --officer park --tz Asia/Seoul", binary, dir,
        ], environment: ["TERM": "xterm-256color", "HOME": root])
        try console.waitFor("DEMO")
        console.sendText(":")
        console.sendText("log 다른 계정의 입력")
        console.sendKeys("Enter")
        try console.waitFor("saved #")
        console.sendText("q")
        try console.waitUntil("the console to quit") { _ in
            (try? FileManager.default.contentsOfDirectory(atPath: dir + "/consoles"))?.isEmpty ?? true
        }
        var owners = Set<uid_t>()
        for case let name as String in FileManager.default.enumerator(atPath: dir)! {
            var st = stat()
            lstat(dir + "/" + name, &st)
            owners.insert(st.st_uid)
        }
        #expect(owners.contains(65533), "the member made files of its own")
        #expect(try wrongModes(dir) == [])
        // The first account writes again after the other member compacted: the files it left are the group's.
        #expect(sitroom(["apply", "--data", dir, "--officer", "kim", "--compact-every", "1"], stdin: line).status == 0)
        #expect(sitroom(["export", "--data", dir]).stdout.contains("다른 계정의 입력"))

        let name = getpwuid(65532).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        for command in [["apply", "--officer", "x"], ["export"], ["check"], ["--officer", "x"]] {
            let refused = TmuxSession.run(outsider + [binary] + command + ["--data", dir], stdin: line)
            #expect(refused.status != 0, "\(command)")
            #expect(refused.stderr.contains("\(dir) is shared with group \(group), and \(name ?? "uid 65532") is not in it: "
                + "an administrator adds you with `usermod -aG \(group) \(name ?? "USER")`, then log in again"), "\(command): \(refused.stderr)")
        }
    }
}
