import Foundation
import SitRoomChangeStore
#if canImport(Glibc)
import Glibc
#endif

/// A data directory shared by the OS accounts of one group (`sitroom init --group NAME`), told by
/// its mode alone: group rwx and setgid (2770), so that what any member creates in it belongs to
/// the group. Its files are 0660 and its folders 2770, set explicitly whatever the creator's umask;
/// nothing in it is open to anyone outside the group. Any other directory is its owner's alone
/// (0700, files 0600) under the rules it always had.
extension DataDirectory {
    public static let groupFolderMode: mode_t = 0o2770
    public static let groupFileMode: mode_t = 0o660

    static func isGroupShared(_ mode: mode_t) -> Bool { mode & S_ISGID != 0 && mode & S_IRWXG == S_IRWXG }

    /// The group the directory is shared with, or nil for an owner-only one.
    public var sharedGroup: gid_t? {
        guard let st = try? fs.status(path), Self.isGroupShared(st.mode) else { return nil }
        return st.group
    }

    /// The mode of a file sitroom creates here: 0660 in a group directory, else 0600.
    var fileMode: mode_t { sharedGroup == nil ? 0o600 : Self.groupFileMode }

    /// Opens `file` (in this directory or a folder of it), creating it with the directory's file mode.
    func createFile(_ file: String, _ flags: Int32) throws -> Int32 {
        guard sharedGroup != nil else { return try fs.open(file, flags | O_CREAT, 0o600) }
        let fd = try fs.open(file, flags | O_CREAT, Self.groupFileMode)
        do { try fs.setModeUnlessAlready(file, Self.groupFileMode) } catch {
            fs.close(fd)
            throw error
        }
        return fd
    }

    /// Makes a folder inside the directory (`history/`, `consoles/`) with its folder mode.
    func makeFolder(_ folder: String) throws {
        guard sharedGroup != nil else { return try fs.makeDirectory(folder, 0o700) }
        try fs.makeDirectory(folder, Self.groupFolderMode)
        // Never through a symbolic link someone put there (the caller refuses what is not a folder).
        guard let st = try fs.linkStatus(folder), st.isDirectory else { return }
        try fs.setModeUnlessAlready(folder, Self.groupFolderMode)
    }

    /// As `FileSystem.writeDurably`, with the directory's file mode.
    func writeDurably(_ bytes: [UInt8], to file: String, folder: String? = nil) throws {
        try fs.writeDurably(bytes, to: file, directory: folder ?? path, mode: fileMode)
    }

    /// A group directory opens for its owner and the members of its group, and only while neither
    /// it nor anything in it is open to other users.
    func checkGroupAccess(_ st: FileStatus) throws {
        try checkGroupDirectory(st)
        let group = ProcessAccount.groupName(st.group)
        for name in try fs.listDirectory(path) {
            let file = path + "/" + name
            guard let f = try? fs.linkStatus(file), f.mode & S_IFMT != S_IFLNK else { continue }
            if f.mode & S_IRWXO != 0 { throw GroupDirectoryError.openToOthers(file, mode: f.mode, group: group) }
        }
    }

    private func checkGroupDirectory(_ st: FileStatus) throws {
        let group = ProcessAccount.groupName(st.group)
        if st.mode & S_IRWXO != 0 { throw GroupDirectoryError.openToOthers(path, mode: st.mode, group: group) }
        guard st.owner == geteuid() || ProcessAccount.isMember(of: st.group) else {
            throw GroupDirectoryError.notAMember(path, group: group, user: ProcessAccount.userName)
        }
    }

    /// Why this process may not use the directory, when it is a group directory it is refused
    /// (to an outsider it looks empty: without this it would be told there is no situation there).
    public var groupRefusal: GroupDirectoryError? {
        guard let st = try? fs.status(path), st.isDirectory, Self.isGroupShared(st.mode) else { return nil }
        do { try checkGroupDirectory(st) } catch let error as GroupDirectoryError { return error } catch { return nil }
        return nil
    }

    /// The first folder above a group directory that does not let the group's members through (as
    /// `/root`, 0700, would not), or nil: `init` warns of it, since nobody but its owner could reach
    /// the situation. Only the mode bits are read (not ACLs).
    public func folderBlockingTheGroup() -> (path: String, mode: mode_t)? {
        guard let group = sharedGroup else { return nil }
        var folder = parentDirectory(of: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        while !folder.isEmpty {
            if let st = try? fs.status(folder),
               st.mode & S_IXOTH == 0, !(st.group == group && st.mode & S_IXGRP != 0) {
                return (folder, st.mode)
            }
            let above = parentDirectory(of: folder)
            if above == folder { break }
            folder = above
        }
        return nil
    }

    /// For `sitroom check`: how the directory is shared, and every file or folder whose mode or group
    /// keeps a member out or lets others in. An owner-only directory reports only what every
    /// command would refuse.
    public func permissionLines() -> [String] {
        guard let st = try? fs.status(path) else { return [] }
        guard Self.isGroupShared(st.mode), st.isDirectory else {
            do { try checkPermissions() } catch { return ["permissions: \(error)"] }
            return []
        }
        let group = ProcessAccount.groupName(st.group)
        var lines: [String] = []
        if let refusal = groupRefusal { lines.append("permissions: \(refusal)") }
        for (folder, prefix) in [(path, ""), (historyPath, "history/"), (path + "/" + Presence.folderName, Presence.folderName + "/")] {
            for name in ((try? fs.listDirectory(folder)) ?? []).sorted() {
                let file = folder + "/" + name
                guard let f = try? fs.linkStatus(file), f.mode & S_IFMT != S_IFLNK else { continue }
                let wanted = f.isDirectory ? Self.groupFolderMode : Self.groupFileMode
                let octal = String(wanted, radix: 8)
                if f.mode & 0o7777 != wanted {
                    lines.append("permissions: \(prefix)\(name) is \(String(f.mode & 0o7777, radix: 8)), not \(octal) as in a directory "
                        + "shared with group \(group); run `chmod \(octal) \(ShellWord.quote(file))`")
                }
                if f.group != st.group {
                    lines.append("permissions: \(prefix)\(name) belongs to group \(ProcessAccount.groupName(f.group)), not \(group); "
                        + "run `chgrp \(group) \(ShellWord.quote(file))`")
                }
            }
        }
        if lines.isEmpty { lines.append("permissions: shared with group \(group) (2770, files 0660); nothing open to other users") }
        return lines
    }
}

/// Why a group directory was refused, or could not be made, in words the officer's administrator
/// can act on.
public enum GroupDirectoryError: Error, CustomStringConvertible, Equatable {
    case openToOthers(String, mode: mode_t, group: String)
    /// `user` is nil for a uid with no account name.
    case notAMember(String, group: String, user: String?)
    case unknownGroup(String)
    case notInGroup(group: String, user: String?)

    public var description: String {
        switch self {
        case .openToOthers(let p, let mode, let group):
            "\(p) is open to users outside group \(group) (mode \(String(mode & 0o7777, radix: 8))); "
                + "run `chmod o-rwx \(ShellWord.quote(p))`"
        case .notAMember(let p, let group, let user):
            "\(p) is shared with group \(group), and \(user ?? "uid \(getuid())") is not in it: an administrator adds you with "
                + "`usermod -aG \(group) \(user ?? "USER")`, then log in again (a new group counts from the next login)"
        case .unknownGroup(let group):
            "there is no group \(group) on this machine (`getent group \(group)` finds none); an administrator makes it with "
                + "`groupadd \(group)`. Nothing was created."
        case .notInGroup(let group, let user):
            "\(user ?? "uid \(getuid())") is not in group \(group): an administrator adds you with `usermod -aG \(group) \(user ?? "USER")`; "
                + "log in again, then run init again. Nothing was created."
        }
    }
}

/// The OS account this process runs as: its user and the groups it is in.
public enum ProcessAccount {
    /// The group called `name`, or nil if there is none.
    public static func groupID(named name: String) -> gid_t? {
        guard let entry = getgrnam(name) else { return nil }
        return entry.pointee.gr_gid
    }

    public static func groupName(_ gid: gid_t) -> String {
        guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return "\(gid)" }
        return String(cString: name)
    }

    /// The account name of the real uid (not an environment variable), or nil if it has none.
    public static var userName: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The primary group or one of the supplementary groups this process was started with (a group
    /// an account was added to counts from its next login).
    public static func isMember(of gid: gid_t) -> Bool {
        if getegid() == gid { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let got = getgroups(count, &groups)
        return groups.prefix(Int(max(got, 0))).contains(gid)
    }
}
