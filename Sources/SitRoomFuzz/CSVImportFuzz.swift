import SitRoomCore
import SitRoomStore

/// `sitroom import` on raw file bytes: encoding detection and decoding (UTF-8, BOM, CP949 through
/// iconv), CSV parsing, planning against the demo board, then applying the planned changes as the
/// commit would.
///
/// The first byte picks the import and the encoding: bit 0 hospitals or contacts, bits 1-2 detect,
/// `--encoding utf-8`, `--encoding cp949` or detect.
enum CSVImportFuzz {
    static let encodings: [TextEncoding?] = [nil, .utf8, .cp949, nil]

    static func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let mode = input.first else { return .rejected("empty input") }
        let bytes = Array(input.dropFirst())
        do {
            let (table, _) = try CSVTable.decode(bytes, encoding: encodings[Int(mode >> 1) & 3])
            let plan = mode & 1 == 0
                ? try HospitalImport.plan(table, into: FuzzFixture.board, officer: FuzzFixture.officer, at: FuzzFixture.now)
                : try ContactImport.plan(table, into: FuzzFixture.board, officer: FuzzFixture.officer, at: FuzzFixture.now)
            _ = plan.report
            // The plan is made against this board: every change it plans must apply to it.
            let (_, refusal) = FuzzFixture.applyAll(plan.changes.map(\.change))
            if let refusal { preconditionFailure("a planned import change was refused: \(refusal)") }
            return .accepted
        } catch {
            return .rejected("\(error)")
        }
    }

    static let tokens: [[UInt8]] = [
        ",", "\"", "\"\"", "\r\n", "\n", "\r", "\u{FEFF}", "id", "name", "기관ID", "기관명", "주소", "병원분류명",
        "대표전화1", "응급실전화", "agency", "person", "role", "phone", "escalation", "region", "class",
        "update_interval_minutes", "서울특별시", "권역응급의료센터", "지역응급의료센터", "A1100008", "mohw", "-1",
        "99999999999999999999", "0", "1e309",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xB0, 0xA1], [0x81], [0xFF], [0xC3], [0x00]]
}
