import Foundation
import SitRoomCore
import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A private scratch directory (mkdtemp, 0700) under the chosen base, holding fresh data directories.
final class Scratch {
    let path: String

    init(base: String) throws {
        let base = base.hasSuffix("/") && base.count > 1 ? String(base.dropLast()) : base
        var template = Array((base + "/sitroom-bench-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot create a scratch directory under \(base): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// A new, empty data directory (created, board at sequence 0).
    func newDirectory(_ name: String) throws -> DataDirectory {
        let directory = DataDirectory(path + "/" + name)
        try directory.create()
        return directory
    }

    func remove(_ directory: DataDirectory) {
        try? FileManager.default.removeItem(atPath: directory.path)
    }

    func removeAll() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension CompactionPolicy {
    /// Never compacts on its own: the bench compacts explicitly, so that commit timings stay pure.
    static let never = CompactionPolicy(maxRecords: .max, maxInterval: .infinity)
}

/// Throws unless every change was saved.
func requireSaved(_ results: [CommitResult], _ what: String) throws {
    for (index, result) in results.enumerated() where result.seq == nil {
        throw BenchError("\(what): change #\(index) was not saved: \(result)")
    }
}

/// Opens a fresh data directory holding the demo situation, compacted into its snapshot.
func openDemoDirectory(_ scratch: Scratch, _ name: String, now: Date) throws -> (DataDirectory, ChangeLog) {
    let directory = try scratch.newDirectory(name)
    let log = try ChangeLog.open(directory)
    log.policy = .never
    try requireSaved(log.commit(DemoSituation.changes(now: now)), "demo situation")
    try log.compact()
    return (directory, log)
}

/// Realistic, deterministic changes against the demo board: hospital reports on the demo hospitals
/// and activity-log entries of varied length, in Korean and English.
struct ChangeFactory {
    private let hospitalIds: [String]
    private let agencyIds: [String]
    private let now: Date
    private let prefix: String
    private var count = 0
    private var random: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(board: Board, now: Date, idPrefix: String = "bench") {
        hospitalIds = board.hospitals.keys.sorted()
        agencyIds = board.agencies.keys.sorted()
        self.now = now
        prefix = idPrefix
        precondition(!hospitalIds.isEmpty && !agencyIds.isEmpty, "the demo board has hospitals and agencies")
    }

    /// Alternates a hospital report and a log entry.
    mutating func next() -> Change {
        count % 2 == 0 ? hospitalReport() : logEntry()
    }

    mutating func batch(_ n: Int, logOnly: Bool = false) -> [Change] {
        (0..<n).map { _ in logOnly ? logEntry() : next() }
    }

    mutating func hospitalReport() -> Change {
        let k = Int(nextRandom() % 10_000)
        count += 1
        let states: [ERState] = [.open, .open, .limited, .diverting]
        let state = states[k % states.count]
        let erStaffed = 12 + k % 30
        let icuStaffed = 8 + k % 24
        let report = HospitalReport(
            erState: state, erReason: state == .open ? "" : Self.reasons[k % Self.reasons.count],
            erBeds: Capacity(available: k % (erStaffed + 1), staffed: erStaffed),
            icuBeds: Capacity(available: (k / 7) % (icuStaffed + 1), staffed: icuStaffed),
            erDoctors: Staffing(onDuty: 1 + k % 6, minimum: 3),
            icuDoctors: Staffing(onDuty: 1 + (k / 3) % 4, minimum: 2),
            openIncidents: k % 3
        )
        return Change(officer: officer, at: at, action: .reportHospital(id: hospitalIds[k % hospitalIds.count], report))
    }

    mutating func logEntry() -> Change {
        let k = Int(nextRandom() % 1_000_000)
        count += 1
        // Mostly one line, sometimes a paragraph: 1 phrase in 2, up to 12 phrases in 1 of 16.
        let phrases = k % 2 == 0 ? 1 : k % 16 == 1 ? 6 + k % 7 : 2 + k % 3
        let text = (0..<phrases).map { Self.phrases[(k / 5 + $0 * 7) % Self.phrases.count] }.joined(separator: " ")
        let entry = LogEntry(
            id: prefix + "-" + String(format: "%06d", count),
            eventTime: at.addingTimeInterval(-Double(k % 3600)),
            category: Self.categories[k % Self.categories.count],
            severity: Severity.allCases[k % Severity.allCases.count],
            text: text,
            hospitalId: k % 3 == 0 ? hospitalIds[k % hospitalIds.count] : nil,
            agencyId: k % 5 == 0 ? agencyIds[k % agencyIds.count] : nil
        )
        return Change(officer: officer, at: at, action: .addLog(entry))
    }

    private var officer: String { Self.officers[count % Self.officers.count] }
    private var at: Date { now.addingTimeInterval(Double(count / 10)) }

    private mutating func nextRandom() -> UInt64 {
        // xorshift64*: fixed seed, so every run commits the same changes.
        random ^= random >> 12
        random ^= random << 25
        random ^= random >> 27
        return random &* 0x2545_F491_4F6C_DD1D
    }

    static let officers = ["kim.duty", "park.seoul", "lee.nemc", "choi.gg", "jung.incheon"]
    static let categories = ["general", "hospital", "agency", "media", "security", "staffing"]
    static let reasons = [
        "전공의 이탈로 응급의학과 의료진 부족 — 중증 환자 위주 수용",
        "소아 응급 진료 불가 (소아청소년과 전문의 부재)",
        "CT 장비 점검 중, 외상 환자 전원 요청",
        "ICU full; ventilated patients diverted to partner hospitals",
    ]
    static let phrases = [
        "응급실 병상 포화, 구급차 수용 곤란 통보.",
        "Ambulance diverted to 서울아산병원 after 40 min wait.",
        "보건소 현장 점검 결과 휴진 신고 누락 3건 확인.",
        "NEMC 상황실과 통화: 권역응급의료센터 수용 가능 병상 재확인.",
        "Police post set up at the main entrance; no incidents.",
        "전공의 12명 복귀, 업무개시명령 송달 완료.",
        "Press enquiry from 연합뉴스 about ER waiting times; referred to the spokesperson.",
        "중환자실 간호 인력 추가 배치 요청 (야간 2명).",
        "Ministry briefing moved to 14:00 KST.",
        "심정지 환자 이송 지연 사례 접수 — 소방청 확인 중.",
        "Paediatric ER closed overnight, reopening 08:00.",
        "교수 비대위 준법진료로 외래 30% 축소.",
        "Blood supply normal; 혈액원 재고 5.2일분.",
    ]
}
