import Foundation
import SitRoomChangeStore
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

/// A data directory shared with an OS group (`init --group`). The group is this process's primary
/// group, so the tests need no group or account of their own. The umask of the test process (022
/// here) would cut a group's write bit from anything made without an explicit mode.
@Suite struct GroupDirectoryTests {
    static let gid = getegid()
    static var groupName: String { ProcessAccount.groupName(gid) }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    static func group(_ path: String) -> gid_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_gid : gid_t.max
    }

    /// Every file and folder under `path`, as (name relative to it, mode, group).
    static func everything(under path: String) -> [(name: String, mode: mode_t, group: gid_t, isFolder: Bool)] {
        let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return names.sorted().map { name in
            let full = path + "/" + name
            var st = stat()
            lstat(full, &st)
            return (name, st.st_mode & 0o7777, st.st_gid, st.st_mode & S_IFMT == S_IFDIR)
        }
    }

    static func newGroupDirectory(_ tmp: TempDir) throws -> DataDirectory {
        let dir = DataDirectory(tmp.sub("shared"))
        try dir.create(group: gid)
        return dir
    }

    @Test func theDirectoryAndEverythingMadeInItAfterwardsBelongToTheGroup() throws {
        let tmp = TempDir()
        let dir = try Self.newGroupDirectory(tmp)
        #expect(Self.mode(dir.path) == 0o2770)
        #expect(Self.group(dir.path) == Self.gid)
        #expect(dir.sharedGroup == Self.gid)

        let log = try ChangeLog.open(dir)
        _ = log.commit((1...3).map { Sample.logEntry($0) })
        try log.compact()                       // snapshot-2, journal-2, CURRENT rewritten
        _ = log.commit([Sample.logEntry(4)])
        try log.compact()                       // generation 1 moves to history/
        _ = log.commit([Sample.logEntry(5)])
        log.startCompaction()                   // the background snapshot's own files
        log.finishCompaction(waiting: true)
        #expect(log.generation == 4)
        let console = try Presence.register(directory: dir, officer: "kim")
        defer { console.unregister() }

        let found = Self.everything(under: dir.path)
        let names = Set(found.map(\.name))
        for expected in ["CURRENT", "lock", "journal-4.log", "snapshot-4.bin", "history", "history/journal-1.log",
                         "history/snapshot-1.bin", "history/journal-2.log", "consoles"] {
            #expect(names.contains(expected), "\(expected) in \(names.sorted())")
        }
        #expect(names.contains { $0.hasPrefix("consoles/") && $0.hasSuffix(".json") })
        for entry in found {
            #expect(entry.mode == (entry.isFolder ? 0o2770 : 0o660), "\(entry.name): \(String(entry.mode, radix: 8))")
            #expect(entry.group == Self.gid, "\(entry.name)")
        }
        #expect(try ChangeLog.open(dir, mode: .readOnly).seq == 5)

        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .healthy)
        #expect(report.lines.contains("permissions: shared with group \(Self.groupName) (2770, files 0660); nothing open to other users"),
                "\(report.lines)")
    }

    /// Folders made above a new group directory let its members pass, and nobody else.
    @Test func missingFoldersAboveAreTheGroupsToPassThrough() throws {
        let tmp = TempDir()
        let dir = DataDirectory(tmp.sub("srv/sitroom/hq"))
        try dir.create(group: Self.gid)
        for folder in [tmp.sub("srv"), tmp.sub("srv/sitroom")] {
            #expect(Self.mode(folder) == 0o750, "\(folder)")
            #expect(Self.group(folder) == Self.gid, "\(folder)")
        }
        #expect(Self.mode(dir.path) == 0o2770)
    }

    /// A folder above that would keep the members out (as /root, 0700, would) is named for `init` to warn of.
    @Test func aFolderAboveThatKeepsTheGroupOutIsFound() throws {
        let tmp = TempDir()
        let dir = try Self.newGroupDirectory(tmp)
        chmod(tmp.path, 0o755)
        #expect(dir.folderBlockingTheGroup() == nil)
        chmod(tmp.path, 0o700)
        #expect(dir.folderBlockingTheGroup()?.path == tmp.path)
        chown(tmp.path, uid_t.max, Self.gid)
        chmod(tmp.path, 0o710)  // the group may pass, others not: enough
        #expect(dir.folderBlockingTheGroup() == nil)
        #expect(DataDirectory(tmp.sub("plain")).folderBlockingTheGroup() == nil)
    }

    @Test func anythingOpenToOtherUsersIsRefused() throws {
        let tmp = TempDir()
        let dir = try Self.newGroupDirectory(tmp)
        _ = try ChangeLog.open(dir).commit(Sample.logEntry(1))
        for bits: mode_t in [0o2771, 0o2772, 0o2774, 0o2777] {
            chmod(dir.path, bits)
            #expect(throws: GroupDirectoryError.openToOthers(dir.path, mode: S_IFDIR | bits, group: Self.groupName)) {
                try ChangeLog.open(dir, mode: .readOnly)
            }
        }
        chmod(dir.path, 0o2770)
        let journal = dir.journalPath(1)
        chmod(journal, 0o664)
        #expect(throws: GroupDirectoryError.openToOthers(journal, mode: S_IFREG | 0o664, group: Self.groupName)) {
            try ChangeLog.open(dir)
        }
        let report = Checker.check(dir, repair: false)
        #expect(report.lines.contains("permissions: journal-1.log is 664, not 660 as in a directory shared with group "
            + "\(Self.groupName); run `chmod 660 \(journal)`"), "\(report.lines)")
        chmod(journal, 0o660)
        #expect(try ChangeLog.open(dir).seq == 1)
    }

    @Test func checkNamesAFileOrFolderAMemberCouldNotUse() throws {
        let tmp = TempDir()
        let dir = try Self.newGroupDirectory(tmp)
        chmod(dir.lockPath, 0o600)  // as a hand copy would leave it: other members could not take the lock
        let report = Checker.check(dir, repair: false)
        #expect(report.lines.contains("permissions: lock is 600, not 660 as in a directory shared with group "
            + "\(Self.groupName); run `chmod 660 \(dir.lockPath)`"), "\(report.lines)")
        #expect(!report.lines.contains { $0.hasPrefix("permissions: CURRENT") })
    }

    /// A directory that is only group-writable (no setgid) is not a group directory: refused as
    /// before, and an owner-only one works and reports exactly as before.
    @Test func aPlainDirectoryKeepsItsRules() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        #expect(dir.sharedGroup == nil)
        _ = try ChangeLog.open(dir).commit(Sample.logEntry(1))
        #expect(Self.mode(dir.path) == 0o700)
        for entry in Self.everything(under: dir.path) { #expect(entry.mode == (entry.isFolder ? 0o700 : 0o600), "\(entry.name)") }
        #expect(!Checker.check(dir, repair: false).lines.contains { $0.hasPrefix("permissions:") })
        chmod(dir.path, 0o770)
        #expect(throws: StoreError.unsafePermissions(dir.path, mode: S_IFDIR | 0o770)) { try ChangeLog.open(dir) }
        #expect(Checker.check(dir, repair: false).lines.contains(
            "permissions: \(dir.path) is writable by other users (mode 770); run `chmod 700 \(dir.path)`"))
        chmod(dir.path, 0o750)  // readable by the group: allowed for an owner-only directory, as it always was
        #expect(try ChangeLog.open(dir).seq == 1)
    }

    /// Root passes every permission bit, so the refusal is sitroom's own: a directory owned by
    /// someone else and shared with a group this process is not in.
    @Test(.enabled(if: geteuid() == 0, "needs root to give the directory to another owner and group; a non-member is refused by the check, not by the kernel, only then"))
    func anOutsiderIsRefusedWithHowToBeAdded() throws {
        let tmp = TempDir()
        let dir = try Self.newGroupDirectory(tmp)
        let other = try #require(Self.aGroupThisProcessIsNotIn(), "every group in /etc/group is one of this process's")
        #expect(chown(dir.path, 65534, other) == 0)
        let name = ProcessAccount.groupName(other)
        let user = ProcessAccount.userName
        #expect(throws: GroupDirectoryError.notAMember(dir.path, group: name, user: user)) { try ChangeLog.open(dir, mode: .readOnly) }
        #expect(dir.groupRefusal == .notAMember(dir.path, group: name, user: user))
        let text = "\(GroupDirectoryError.notAMember(dir.path, group: name, user: user))"
        #expect(text.contains("is shared with group \(name), and \(user ?? "") is not in it: an administrator adds you with "
            + "`usermod -aG \(name) \(user ?? "USER")`, then log in again"), "\(text)")
        #expect(chown(dir.path, getuid(), other) == 0)  // its owner opens it, in the group or not
        #expect(try ChangeLog.open(dir, mode: .readOnly).seq == 0)
    }

    static func aGroupThisProcessIsNotIn() -> gid_t? {
        setgrent()
        defer { endgrent() }
        while let entry = getgrent() {
            let gid = entry.pointee.gr_gid
            if !ProcessAccount.isMember(of: gid) { return gid }
        }
        return nil
    }

    @Test func createRefusesAGroupItIsNotInUnlessRoot() throws {
        let tmp = TempDir()
        guard let other = Self.aGroupThisProcessIsNotIn() else { return }
        let dir = DataDirectory(tmp.sub("not-mine"))
        if geteuid() == 0 {
            try dir.create(group: other)  // root may give a directory to any group
            #expect(Self.group(dir.path) == other)
        } else {
            #expect(throws: GroupDirectoryError.notInGroup(group: ProcessAccount.groupName(other), user: ProcessAccount.userName)) {
                try dir.create(group: other)
            }
            #expect(!FileManager.default.fileExists(atPath: dir.path))
        }
    }
}
