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

    /// A new data directory in `tmp` and its change log, open for writing.
    static func newLog(_ tmp: TempDir) throws -> (DataDirectory, ChangeLog) {
        let dir = try newDirectory(tmp)
        return (dir, try ChangeLog.open(dir))
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
