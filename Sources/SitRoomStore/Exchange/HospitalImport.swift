import Foundation
import SitRoomCore

/// Hospitals from a CSV file, upserted by id: rows + the board → changes and a report.
public enum HospitalImport {
    /// The fields, named as the CSV export writes them, with the public data portal's Korean headers.
    public static let fields: [ImportField] = [
        ImportField("id", ["기관ID"]),
        ImportField("name", ["기관명"]),
        ImportField("romanized_name"),
        ImportField("region"),
        ImportField("class", ["응급의료기관코드"]),
        ImportField("address", ["주소"]),
        ImportField("switchboard", ["대표전화1"]),
        ImportField("er_phone", ["응급실전화"]),
        ImportField("update_interval_minutes"),
    ]

    /// Plans the import of `table` into `board`; nothing is written. A new id is added, an existing
    /// one whose identity fields differ is edited (only the fields that differ), the rest are
    /// unchanged. A column the file does not have leaves that field as it is (a new hospital gets
    /// the default); an empty cell in a column it has means empty, except for `class` and
    /// `update_interval_minutes`, where it means "as it is". Without a region column the region is
    /// the first word of the address (서울특별시 → 서울), for new hospitals and ones without a region.
    /// Throws only for a file that cannot be imported at all (no id or name column, a bad `--map`).
    public static func plan(
        _ table: CSVTable, into board: Board, overrides: [String: String] = [:],
        officer: String, at time: Date = Date()
    ) throws -> ImportPlan {
        let columns = try ColumnMapping(header: table.header, fields: fields, overrides: overrides)
        try columns.require(["id", "name"], of: fields)
        var plan = ImportPlan(what: "hospitals")
        var described = columns.describe(fields)
        if !columns.has("region"), let address = columns.columns["address"] {
            described += " region=(first word of \(table.header[address]))"
        }
        plan.preamble.append("columns: \(described)")

        var board = board
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let line = row.line
            guard let value = plan.cells(of: row, in: table, columns) else { continue }
            guard let id = value("id"), !id.isEmpty else { plan.skip(line, "no id"); continue }
            guard plan.isFirst(id, line: line, in: &firstLine) else { continue }
            guard let name = value("name"), !name.isEmpty else { plan.skip(line, "no name for \(id)"); continue }

            var hospitalClass: HospitalClass?
            if let code = value("class"), !code.isEmpty {
                guard let parsed = parseClass(code) else {
                    plan.skip(line, "\(id): unknown class \"\(code)\" (known: "
                        + HospitalClass.allCases.map(\.rawValue).joined(separator: " ") + ")")
                    continue
                }
                hospitalClass = parsed
            }
            guard let interval = plan.wholeNumber("update_interval_minutes", value, line: line, id: id) else { continue }
            let derivedRegion = columns.has("region") ? nil : value("address").flatMap(region(ofAddress:))

            let action: ChangeAction
            let kind: PlannedChange.Kind
            var detail: String?
            if let old = board.hospitals[id] {
                var patch = ImportPatch(HospitalPatch())
                patch.diff("name", name, old.name) { $0.name = $1 }
                patch.diff("romanized_name", value("romanized_name"), old.romanizedName) { $0.romanizedName = $1 }
                patch.diff("region", value("region") ?? (old.region.isEmpty ? derivedRegion : nil), old.region) { $0.region = $1 }
                patch.diff("class", hospitalClass, old.hospitalClass) { $0.hospitalClass = $1 }
                patch.diff("address", value("address"), old.address) { $0.address = $1 }
                patch.diff("switchboard", value("switchboard"), old.switchboard) { $0.switchboard = $1 }
                patch.diff("er_phone", value("er_phone"), old.erPhone) { $0.erPhone = $1 }
                patch.diff("update_interval_minutes", interval, old.updateIntervalMinutes) { $0.updateIntervalMinutes = $1 }
                if patch.changed.isEmpty {
                    plan.unchanged += 1
                    continue
                }
                action = .editHospital(id: id, patch.patch)
                kind = .updated
                detail = patch.detail(id, name, line: line)
            } else {
                action = .addHospital(Hospital(
                    id: id, name: name, romanizedName: value("romanized_name") ?? "",
                    region: value("region") ?? derivedRegion ?? "", hospitalClass: hospitalClass ?? .other,
                    address: value("address") ?? "", switchboard: value("switchboard") ?? "",
                    erPhone: value("er_phone") ?? "", updateIntervalMinutes: interval ?? 60))
                kind = .added
            }
            let change = Change(officer: officer, at: time, action: action)
            try plan.apply(change, to: &board, line: line, kind: kind, detail: detail, subject: id)
        }
        return plan
    }

    /// A class from its code (G001, any case), its Korean name (권역응급의료센터) or its English label.
    public static func parseClass(_ text: String) -> HospitalClass? {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let c = HospitalClass(rawValue: key.uppercased()) { return c }
        if let c = koreanClassNames[key] { return c }
        return HospitalClass.allCases.first { $0.label == key.lowercased() }
    }

    static let koreanClassNames: [String: HospitalClass] = [
        "권역응급의료센터": .regionalCentre, "지역응급의료센터": .localCentre, "지역응급의료기관": .localInstitution,
        "응급실운영신고기관": .registeredER, "기타": .other,
    ]

    /// The region an address is in: its first word, with the province's full name shortened as
    /// officers say it (서울특별시 → 서울, 경기도 → 경기, 충청북도 → 충북); nil for an empty address.
    public static func region(ofAddress address: String) -> String? {
        guard let first = address.split(whereSeparator: \.isWhitespace).first.map(String.init) else { return nil }
        return provinces[first] ?? first
    }

    static let provinces: [String: String] = [
        "서울특별시": "서울", "부산광역시": "부산", "대구광역시": "대구", "인천광역시": "인천", "광주광역시": "광주",
        "대전광역시": "대전", "울산광역시": "울산", "세종특별자치시": "세종", "경기도": "경기", "강원도": "강원",
        "강원특별자치도": "강원", "충청북도": "충북", "충청남도": "충남", "전라북도": "전북", "전북특별자치도": "전북",
        "전라남도": "전남", "경상북도": "경북", "경상남도": "경남", "제주특별자치도": "제주", "제주도": "제주",
    ]
}
