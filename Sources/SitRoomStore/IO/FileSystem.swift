import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file operation the store performs, behind one seam so that tests can fail any of them.
/// Every requirement is implemented by each conformer: nothing here falls back to the real disk,
/// so a seam cannot be bypassed by forgetting an operation.
public protocol FileSystem: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws -> Int32
    func close(_ fd: Int32)
    /// Writes all of `bytes` at `offset` (retrying short writes).
    func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) throws
    func read(_ fd: Int32, count: Int, at offset: Int64) throws -> [UInt8]
    func size(_ fd: Int32) throws -> Int64
    func sync(_ fd: Int32) throws
    func truncate(_ fd: Int32, to length: Int64) throws
    func rename(_ from: String, _ to: String) throws
    func unlink(_ path: String) throws
    func syncDirectory(_ path: String) throws
    /// The names in a directory (not `.` and `..`).
    func listDirectory(_ path: String) throws -> [String]
    func makeDirectory(_ path: String, _ mode: mode_t) throws
    /// Sets the permission bits (as chmod: not limited by the umask).
    func setMode(_ path: String, _ mode: mode_t) throws
    /// Gives the file to `group` (as chgrp; its owner stays).
    func setGroup(_ path: String, _ group: gid_t) throws
    /// The file's mode and modification time, or nil if it does not exist.
    func status(_ path: String) throws -> FileStatus?
    /// As `status`, but of a symbolic link itself rather than what it points to.
    func linkStatus(_ path: String) throws -> FileStatus?
}

public struct FileStatus: Sendable, Equatable {
    public var mode: mode_t
    public var modified: Date
    public var owner: uid_t
    public var group: gid_t
    public var isDirectory: Bool { mode & S_IFMT == S_IFDIR }

    public init(mode: mode_t, modified: Date, owner: uid_t = 0, group: gid_t = 0) {
        self.mode = mode
        self.modified = modified
        self.owner = owner
        self.group = group
    }
}

public struct StoreIOError: Error, CustomStringConvertible, Equatable {
    public let operation: String
    public let path: String
    public let code: Int32

    public init(_ operation: String, _ path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
}

/// The real thing.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        if fd < 0 { throw StoreIOError("open", path, code: errno) }
        return fd
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) throws {
        var done = 0
        try bytes.withUnsafeBytes { buf in
            while done < buf.count {
                let n = pwrite(fd, buf.baseAddress! + done, buf.count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreIOError("write", "fd \(fd)", code: errno)
                }
                if n == 0 { throw StoreIOError("write", "fd \(fd)", code: EIO) }
                done += n
            }
        }
    }

    public func read(_ fd: Int32, count: Int, at offset: Int64) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        try out.withUnsafeMutableBytes { buf in
            while done < count {
                let n = pread(fd, buf.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreIOError("read", "fd \(fd)", code: errno)
                }
                if n == 0 { break }
                done += n
            }
        }
        if done < count { out.removeLast(count - done) }
        return out
    }

    public func size(_ fd: Int32) throws -> Int64 {
        var st = stat()
        if fstat(fd, &st) != 0 { throw StoreIOError("stat", "fd \(fd)", code: errno) }
        return Int64(st.st_size)
    }

    public func sync(_ fd: Int32) throws {
        if fdatasync(fd) != 0 { throw StoreIOError("fsync", "fd \(fd)", code: errno) }
    }

    public func truncate(_ fd: Int32, to length: Int64) throws {
        if ftruncate(fd, off_t(length)) != 0 { throw StoreIOError("truncate", "fd \(fd)", code: errno) }
    }

    public func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw StoreIOError("rename", from, code: errno) }
    }

    public func unlink(_ path: String) throws {
        if Glibc.unlink(path) != 0 && errno != ENOENT { throw StoreIOError("unlink", path, code: errno) }
    }

    public func syncDirectory(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw StoreIOError("open", path, code: errno) }
        defer { Glibc.close(fd) }
        if fsync(fd) != 0 { throw StoreIOError("fsync", path, code: errno) }
    }

    public func listDirectory(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw StoreIOError("opendir", path, code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    public func makeDirectory(_ path: String, _ mode: mode_t) throws {
        if mkdir(path, mode) != 0 && errno != EEXIST { throw StoreIOError("mkdir", path, code: errno) }
    }

    public func setMode(_ path: String, _ mode: mode_t) throws {
        if chmod(path, mode) != 0 { throw StoreIOError("chmod", path, code: errno) }
    }

    public func setGroup(_ path: String, _ group: gid_t) throws {
        if chown(path, uid_t.max, group) != 0 { throw StoreIOError("chgrp", path, code: errno) }
    }

    public func status(_ path: String) throws -> FileStatus? { try Self.status(path, followingLinks: true) }

    public func linkStatus(_ path: String) throws -> FileStatus? { try Self.status(path, followingLinks: false) }

    private static func status(_ path: String, followingLinks: Bool) throws -> FileStatus? {
        var st = stat()
        if (followingLinks ? stat(path, &st) : lstat(path, &st)) != 0 {
            if errno == ENOENT { return nil }
            throw StoreIOError("stat", path, code: errno)
        }
        let modified = Date(timeIntervalSince1970: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
        return FileStatus(mode: st.st_mode, modified: modified, owner: st.st_uid, group: st.st_gid)
    }
}

/// Helpers made of the operations above: they reach the disk only through the seam.
extension FileSystem {
    /// Reads a whole small file, or nil if it does not exist.
    public func readFile(_ path: String) throws -> [UInt8]? {
        let fd: Int32
        do { fd = try open(path, O_RDONLY, 0) } catch let e as StoreIOError where e.code == ENOENT { return nil }
        defer { close(fd) }
        return try read(fd, count: Int(try size(fd)), at: 0)
    }

    /// Temp file, fsync, rename over, fsync the directory: after this returns the new content is durable.
    /// A `mode` other than 0600 (a group directory's 0660) is set explicitly: the umask may have cut it.
    func writeDurably(_ bytes: [UInt8], to path: String, directory: String, mode: mode_t = 0o600) throws {
        let temp = path + ".tmp"
        let fd = try open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        do {
            if mode != 0o600 { try setModeUnlessAlready(temp, mode) }
            try write(fd, bytes, at: 0)
            try sync(fd)
        } catch {
            close(fd)
            try? unlink(temp)
            throw error
        }
        close(fd)
        try rename(temp, path)
        do { try syncDirectory(directory) } catch { throw RenamedButNotDurable(path: path, cause: error) }
    }

    /// Sets `mode` (the umask may have cut it from what `open` or `mkdir` asked); a file another
    /// member of the group made, already with that mode, is left as it is (only its owner may chmod).
    func setModeUnlessAlready(_ path: String, _ mode: mode_t) throws {
        do { try setMode(path, mode) } catch {
            guard let st = try? status(path), st.mode & 0o7777 == mode else { throw error }
        }
    }

    /// Creates `path` and any missing folders above it, each with `mode` (as `mkdir -p`).
    func makeDirectories(_ path: String, _ mode: mode_t) throws {
        let parent = parentDirectory(of: path)
        if !parent.isEmpty, parent != path, try status(parent) == nil { try makeDirectories(parent, mode) }
        try makeDirectory(path, mode)
    }
}

/// The new file is in place, but the directory sync that makes the rename durable failed: a crash
/// may bring back the old file or keep the new one. Never sync again and trust it.
struct RenamedButNotDurable: Error, CustomStringConvertible {
    let path: String
    let cause: any Error
    var description: String { "\(cause) (after replacing \(path))" }
}
