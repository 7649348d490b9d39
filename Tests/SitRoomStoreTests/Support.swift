import Foundation
@testable import SitRoomCore
@testable import SitRoomStore

/// A fresh temporary directory per test, removed at the end.
final class TempDir {
    let path: String

    init(under parent: String = NSTemporaryDirectory()) {
        path = parent + "sitroom-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func sub(_ name: String) -> String { path + "/" + name }
}

/// Fails the n-th file operation of the chosen kinds (counting from 1), once or from then on.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    enum Op: String, CaseIterable { case open, write, sync, truncate, rename, unlink, syncDirectory }

    private let real = PosixFileSystem()
    private let lock = NSLock()
    private var count = 0
    var failAt: Int?
    var kinds: Set<Op>
    var permanent = false
    var code: Int32 = ENOSPC
    private(set) var failures = 0

    init(kinds: Set<Op> = Set(Op.allCases), failAt: Int? = nil) {
        self.kinds = kinds
        self.failAt = failAt
    }

    var operations: Int { lock.withLock { count } }

    private func step(_ op: Op, _ what: String) throws {
        guard kinds.contains(op) else { return }
        try lock.withLock {
            count += 1
            if let n = failAt, count == n || (permanent && count > n) {
                failures += 1
                throw StoreIOError(op.rawValue, what, code: code)
            }
        }
    }

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws -> Int32 {
        try step(.open, path)
        return try real.open(path, flags, mode)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) throws {
        try step(.write, "fd \(fd)")
        try real.write(fd, bytes, at: offset)
    }
    func read(_ fd: Int32, count: Int, at offset: Int64) throws -> [UInt8] { try real.read(fd, count: count, at: offset) }
    func size(_ fd: Int32) throws -> Int64 { try real.size(fd) }
    func sync(_ fd: Int32) throws {
        try step(.sync, "fd \(fd)")
        try real.sync(fd)
    }
    func truncate(_ fd: Int32, to length: Int64) throws {
        try step(.truncate, "fd \(fd)")
        try real.truncate(fd, to: length)
    }
    func rename(_ from: String, _ to: String) throws {
        try step(.rename, from)
        try real.rename(from, to)
    }
    func unlink(_ path: String) throws {
        try step(.unlink, path)
        try real.unlink(path)
    }
    func syncDirectory(_ path: String) throws {
        try step(.syncDirectory, path)
        try real.syncDirectory(path)
    }
}

enum Sample {
    static let t0 = Date(timeIntervalSince1970: 1_795_430_000)

    static func logEntry(_ n: Int, officer: String = "kim") -> Change {
        Change(officer: officer, at: t0.addingTimeInterval(Double(n)),
               action: .addLog(LogEntry(id: "log-\(n)", eventTime: t0, text: "entry \(n) 서울")))
    }

    static func newDirectory(_ tmp: TempDir, _ name: String = "data") throws -> DataDirectory {
        let dir = DataDirectory(tmp.sub(name))
        try dir.create()
        return dir
    }

    static func fileBytes(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
    }

    /// Copies every file of a data directory into a new one.
    static func copy(_ dir: DataDirectory, to path: String) throws -> DataDirectory {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            try FileManager.default.copyItem(atPath: dir.path + "/" + name, toPath: path + "/" + name)
        }
        return DataDirectory(path)
    }
}
