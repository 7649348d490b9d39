import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomDrills
import SitRoomPostgres
import SitRoomStore
import SitRoomWire
#if canImport(Glibc)
import Glibc
#endif

/// One PostgreSQL server for the tests that do not stop it; each test takes a database of its own.
enum SharedServer {
    static let started: Result<ScratchPostgres, any Error> = Result { try ScratchPostgres.start() }

    static func server() throws -> ScratchPostgres { try started.get() }

    static func freshDatabase(_ server: ScratchPostgres? = nil) throws -> PostgresAddress {
        let s = try server ?? Self.server()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return try PostgresAddress(parsing: try s.createDatabase(name))
    }
}

/// Where the shared suite's change log is kept.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case directory, postgres
    var description: String { rawValue }
}

/// One situation that several stores (consoles) open, on either backend.
final class Situation {
    let backend: Backend
    private let path: String?
    let address: PostgresAddress?

    init(_ backend: Backend) throws {
        self.backend = backend
        switch backend {
        case .directory:
            let path = NSTemporaryDirectory() + "sitroom-contract-" + UUID().uuidString
            try DataDirectory(path).create()
            self.path = path
            address = nil
        case .postgres:
            path = nil
            address = try SharedServer.freshDatabase()
        }
    }

    deinit { if let path { try? FileManager.default.removeItem(atPath: path) } }

    func open(readOnly: Bool = false) throws -> any ChangeStore {
        if let path { return try ChangeLog.open(DataDirectory(path), mode: readOnly ? .readOnly : .write) }
        return try PostgresChangeStore.open(address!, readOnly: readOnly, officer: "test")
    }
}

enum Sample {
    static let t0 = Date(timeIntervalSince1970: 1_795_430_000)

    static func log(_ n: Int, officer: String = "kim") -> Change {
        Change(officer: officer, at: t0.addingTimeInterval(Double(n)),
               action: .addLog(LogEntry(id: "log-\(n)", eventTime: t0, text: "entry \(n) 서울")))
    }

    static func hospital(_ id: String) -> Change {
        Change(officer: "kim", at: t0, action: .addHospital(Hospital(id: id, name: "서울대학교병원 \(id)")))
    }

    /// A report that may be applied any number of times: only the log says how often it was.
    static func report(_ id: String, tag: Int) -> Change {
        Change(officer: "kim", at: t0.addingTimeInterval(Double(tag)),
               action: .reportHospital(id: id, HospitalReport(erState: .limited, erReason: "tag-\(tag)")))
    }
}

/// Whether `fd` becomes readable within `ms` milliseconds.
func readable(_ fd: Int32, within ms: Int32) -> Bool {
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&p, 1, ms) == 1
}

/// Every change on the server, read with psql and decoded independently of the store.
func serverChanges(_ server: ScratchPostgres, _ address: PostgresAddress) throws -> [(seq: UInt64, change: Change)] {
    let text = try server.sql(address.database, "SELECT seq || ' ' || encode(payload, 'hex') FROM sitroom_changes ORDER BY seq")
    return try text.split(separator: "\n").map { line in
        let parts = line.split(separator: " ")
        let hex = Array(parts[1].utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i + 1 < hex.count {
            bytes.append(UInt8(String(decoding: hex[i...i + 1], as: UTF8.self), radix: 16)!)
            i += 2
        }
        return (UInt64(parts[0])!, try JournalRecord.decodeChange(bytes[...]))
    }
}
