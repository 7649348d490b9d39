import Foundation
import SitRoomChangeStore
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PresenceTests {
    @Test func registerListUnregister() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        #expect(Presence.list(directory: dir).isEmpty)

        let kim = try Presence.register(directory: dir, officer: "kim")
        let lee = try Presence.register(directory: dir, officer: "이수진")
        let listed = Presence.list(directory: dir)
        #expect(listed.map(\.officer).sorted() == ["kim", "이수진"])
        #expect(Set(listed.map(\.id)) == [kim.id, lee.id])
        let first = try #require(listed.first)
        #expect(first.pid == getpid())
        #expect(first.mode == .write)
        #expect(first.host == Presence.hostName())
        #expect(abs(first.started.timeIntervalSinceNow) < 60)
        #expect(first.processStart != nil)

        kim.unregister()
        kim.unregister()  // twice is harmless
        #expect(Presence.list(directory: dir).map(\.officer) == ["이수진"])
        #expect(!FileManager.default.fileExists(atPath: kim.path))
        _ = lee  // keep it registered up to here
    }

    @Test func aRegistrationThatGoesAwayRemovesItsFile() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        var path = ""
        do {
            let r = try Presence.register(directory: dir, officer: "kim")
            path = r.path
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(Presence.list(directory: dir).isEmpty)
    }

    @Test func theFileIsWholeJSONWithTheAgreedFields() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let r = try Presence.register(directory: dir, officer: "kim")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Sample.fileBytes(r.path))) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["officer", "pid", "mode", "started", "host"]))
        #expect(object["officer"] as? String == "kim")
        #expect(object["mode"] as? String == "write")
        #expect((object["pid"] as? NSNumber)?.int32Value == getpid())
        // The name is <pid>-<random>.json; no temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: Presence.folder(dir))
        #expect(names == [r.id + ".json"])
        #expect(r.id.hasPrefix("\(getpid())-"))
    }

    @Test func modesArePrivate() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let r = try Presence.register(directory: dir, officer: "kim")
        let fm = FileManager.default
        #expect((try fm.attributesOfItem(atPath: Presence.folder(dir))[.posixPermissions] as? Int) == 0o700)
        #expect((try fm.attributesOfItem(atPath: r.path)[.posixPermissions] as? Int) == 0o600)
        // A consoles folder other users can write into is refused.
        r.unregister()
        chmod(Presence.folder(dir), 0o777)
        #expect(throws: StoreError.self) { try Presence.register(directory: dir, officer: "kim") }
    }

    @Test func aStaleFileOfADeadProcessIsIgnoredAndRemoved() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let live = try Presence.register(directory: dir, officer: "kim")
        let dead = try deadPid()
        let host = Presence.hostName()
        // A console killed with SIGKILL: its file stays.
        let stale = Presence.folder(dir) + "/\(dead)-zzz.json"
        try writeInfo(ConsoleInfo(officer: "ghost", pid: dead, mode: .write, started: Date(), host: host), to: stale)
        // A pid now used by another process (this one, started long before that console).
        let reused = Presence.folder(dir) + "/\(getpid())-reused.json"
        try writeInfo(ConsoleInfo(officer: "reused", pid: getpid(), mode: .write, started: Date(), host: host,
                                  processStart: (Presence.processStartTicks(getpid()) ?? 0) + 12345), to: reused)
        // A registration cut short before its rename, and a damaged file of a dead pid.
        let temp = Presence.folder(dir) + "/\(dead)-tmp.json.tmp"
        Sample.write(Array("{\"off".utf8), to: temp)
        let damaged = Presence.folder(dir) + "/\(dead)-bad.json"
        Sample.write(Array("not json".utf8), to: damaged)
        // Another host's console cannot be checked from here: not listed, not removed.
        let elsewhere = Presence.folder(dir) + "/\(dead)-other.json"
        try writeInfo(ConsoleInfo(officer: "remote", pid: dead, mode: .write, started: Date(), host: host + "-elsewhere"), to: elsewhere)

        // A read-only lister (a --watch console) ignores them and changes nothing.
        #expect(Presence.list(directory: dir, pruning: false).map(\.officer) == ["kim"])
        for path in [stale, reused, temp, damaged, elsewhere] { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }

        #expect(Presence.list(directory: dir).map(\.officer) == ["kim"])
        for path in [stale, reused, temp, damaged] { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test func aZombieIsNotAlive() throws {
        // Killed but not yet reaped by its parent: kill(pid, 0) still succeeds.
        let child = try Process.run(URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"])
        let pid = child.processIdentifier
        #expect(Presence.isAlive(pid, start: Presence.processStartTicks(pid)))
        kill(pid, SIGKILL)
        child.waitUntilExit()
        #expect(!Presence.isAlive(pid, start: nil))
    }

    @Test func listingWithoutPruningCreatesNothing() throws {
        // What a read-only console (which never registers) does: it reads the folder, never makes it.
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        #expect(Presence.list(directory: dir, pruning: false).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Presence.folder(dir)))
        // And the store does not mind the folder: it opens, compacts and keeps it.
        let r = try Presence.register(directory: dir, officer: "kim")
        let log = try ChangeLog.open(dir)
        _ = log.commit(Sample.logEntry(1))
        try log.compact()
        try log.compact()
        #expect(FileManager.default.fileExists(atPath: r.path))
        #expect(Checker.check(dir, repair: false).verdict == .healthy)
    }

    // MARK: Helpers

    /// The pid of a process that has exited and been reaped.
    private func deadPid() throws -> Int32 {
        let p = try Process.run(URL(fileURLWithPath: "/bin/true"), arguments: [])
        p.waitUntilExit()
        let pid = p.processIdentifier
        #expect(kill(pid, 0) != 0)
        return pid
    }

    /// A console that may change nothing (its officer has the watch role) opens the journal for
    /// writing but is not counted among the writers: no presence file; it still sees who writes.
    @Test func aWatchRolesConsoleIsNotCountedAmongTheWriters() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let writer = try ChangeLog.open(dir)
        let watcher = try ChangeLog.open(dir)
        let kim = writer.joinConsoles(officer: "kim", writing: true)
        let lee = watcher.joinConsoles(officer: "lee", writing: false)
        #expect(Presence.list(directory: dir).map(\.officer) == ["kim"])
        #expect(kim.others() == [], "the watch role's console is not among those also writing")
        #expect(lee.others() == ["kim"])
        // --watch (a read-only store) never registers, whatever it is asked.
        let wall = try ChangeLog.open(dir, mode: .readOnly).joinConsoles(officer: "wall", writing: true)
        #expect(Presence.list(directory: dir).map(\.officer) == ["kim"])
        kim.leave()
        lee.leave()
        wall.leave()
        #expect(Presence.list(directory: dir).isEmpty)
    }

    private func writeInfo(_ info: ConsoleInfo, to path: String) throws {
        Sample.write(Array(try SitRoomJSON.encoder().encode(info)), to: path)
    }
}
