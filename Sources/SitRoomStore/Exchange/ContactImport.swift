import Foundation
import SitRoomCore

/// Inter-agency contacts from a CSV file, upserted by id: rows + the board → changes and a report.
/// An agency named in the file but not on the board is added first.
public enum ContactImport {
    public static let fields: [ImportField] = [
        ImportField("id"),
        // An agency id or an agency name.
        ImportField("agency", ["agency_id", "기관", "소속"]),
        ImportField("person", ["성명", "이름"]),
        ImportField("role", ["직위", "직책"]),
        ImportField("phone", ["전화", "전화번호"]),
        ImportField("mobile", ["휴대전화", "휴대폰"]),
        ImportField("email", ["이메일"]),
        ImportField("shift", ["근무", "근무조"]),
        ImportField("escalation"),
    ]

    /// Plans the import of `table` into `board`; nothing is written. The agency column holds an
    /// agency id or name (ignoring case); an unknown one becomes a new agency whose id is a slug of
    /// its name and whose kind is guessed from it. Without an id (column or cell), a contact's id is
    /// `<agency id>-<slug of the person>`, so importing the same file again finds the same contacts.
    /// Columns the file lacks are left as they are; an empty escalation cell means "as it is".
    public static func plan(
        _ table: CSVTable, into board: Board, overrides: [String: String] = [:],
        officer: String, at time: Date = Date()
    ) throws -> ImportPlan {
        let columns = try ColumnMapping(header: table.header, fields: fields, overrides: overrides)
        try columns.require(["agency", "person"], of: fields)
        var plan = ImportPlan(what: "contacts")
        var described = columns.describe(fields)
        if !columns.has("id") { described += " id=(agency-person)" }
        plan.preamble.append("columns: \(described)")

        var board = board
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let line = row.line
            guard let value = plan.cells(of: row, in: table, columns) else { continue }
            guard let agencyText = value("agency"), !agencyText.isEmpty else { plan.skip(line, "no agency"); continue }
            guard let person = value("person"), !person.isEmpty else { plan.skip(line, "no person"); continue }

            let agencyId: String
            switch findAgency(agencyText, on: board) {
            case .found(let id):
                agencyId = id
            case .ambiguous(let ids):
                plan.skip(line, "agency \"\(agencyText)\" matches \(ids.count) agencies: \(ids.joined(separator: ", ")); give its id")
                continue
            case .missing:
                let agency = Agency(id: uniqueAgencyId(for: agencyText, on: board), name: agencyText, kind: guessKind(agencyText))
                let change = Change(officer: officer, at: time, action: .addAgency(agency))
                guard try plan.apply(
                    change, to: &board, line: line, kind: .agencyAdded,
                    detail: "added agency \(agency.id) \"\(agency.name)\" (kind \(agency.kind.rawValue)), first named on line \(line)",
                    subject: "agency \"\(agencyText)\"")
                else { continue }
                agencyId = agency.id
            }

            var id = value("id") ?? ""
            if id.isEmpty {
                let personSlug = slug(person)
                guard !personSlug.isEmpty else { plan.skip(line, "no id, and none can be made from \"\(person)\""); continue }
                id = "\(agencyId)-\(personSlug)"
            }
            guard plan.isFirst(id, line: line, in: &firstLine) else { continue }
            guard let escalation = plan.wholeNumber("escalation", value, line: line, id: id) else { continue }

            let action: ChangeAction
            let kind: PlannedChange.Kind
            var detail: String?
            if let old = board.contacts[id] {
                var patch = ImportPatch(ContactPatch())
                patch.diff("agency", agencyId, old.agencyId) { $0.agencyId = $1 }
                patch.diff("person", person, old.person) { $0.person = $1 }
                patch.diff("role", value("role"), old.role) { $0.role = $1 }
                patch.diff("phone", value("phone"), old.phone) { $0.phone = $1 }
                patch.diff("mobile", value("mobile"), old.mobile) { $0.mobile = $1 }
                patch.diff("email", value("email"), old.email) { $0.email = $1 }
                patch.diff("shift", value("shift"), old.shift) { $0.shift = $1 }
                patch.diff("escalation", escalation, old.escalation) { $0.escalation = $1 }
                if patch.changed.isEmpty {
                    plan.unchanged += 1
                    continue
                }
                action = .editContact(id: id, patch.patch)
                kind = .updated
                detail = patch.detail(id, person, line: line)
            } else {
                action = .addContact(Contact(
                    id: id, agencyId: agencyId, person: person, role: value("role") ?? "",
                    phone: value("phone") ?? "", mobile: value("mobile") ?? "", email: value("email") ?? "",
                    shift: value("shift") ?? "", escalation: escalation ?? 1))
                kind = .added
            }
            let change = Change(officer: officer, at: time, action: action)
            try plan.apply(change, to: &board, line: line, kind: kind, detail: detail, subject: id)
        }
        return plan
    }

    enum AgencyMatch: Equatable { case found(String), ambiguous([String]), missing }

    /// An agency by id, else by name (ignoring case and surrounding spaces), else by one of the
    /// languages of a bilingual name: "경찰청" and "National Police Agency" both find
    /// "경찰청 National Police Agency" (a ministry's roster names agencies in one language).
    static func findAgency(_ text: String, on board: Board) -> AgencyMatch {
        if board.agencies[text] != nil { return .found(text) }
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        let names = board.agencies.values.map { ($0.id, $0.name.trimmingCharacters(in: .whitespaces).lowercased()) }
        var found = names.filter { $0.1 == key }.map(\.0).sorted()
        if found.isEmpty, !key.isEmpty {
            found = names.filter { $0.1.hasPrefix(key + " ") || $0.1.hasSuffix(" " + key) }.map(\.0).sorted()
        }
        switch found.count {
        case 0: return .missing
        case 1: return .found(found[0])
        default: return .ambiguous(found)
        }
    }

    /// A slug of the name not yet used by an agency: `seoul-fire`, else `seoul-fire-2`, ...
    static func uniqueAgencyId(for name: String, on board: Board) -> String {
        let base = slug(name).isEmpty ? "agency" : slug(name)
        var candidate = base
        var n = 2
        while board.agencies[candidate] != nil {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Lower-case letters (Hangul included) and digits, every other run of characters a single `-`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(ch)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// The kind an agency's name suggests (경찰 → police, 소방 → fire, 국방 → military, a word ending
    /// in 부 such as 교육부 → ministry, 시청 → local government, 보건 → health), else `other`.
    public static func guessKind(_ name: String) -> AgencyKind {
        let n = name.lowercased()
        func has(_ words: [String]) -> Bool { words.contains { n.contains($0) } }
        if has(["경찰", "police"]) { return .police }
        if has(["소방", "119", "fire"]) { return .fire }
        if has(["국방", "육군", "해군", "공군", "군병원", "army", "military", "defense", "defence"]) { return .military }
        let ministryWord = n.split(whereSeparator: \.isWhitespace).contains { $0.hasSuffix("부") && !$0.hasSuffix("본부") }
        if ministryWord || has(["ministry"]) { return .ministry }
        if has(["시청", "구청", "도청", "군청", "city hall", "government", "municipal"]) { return .localGovernment }
        if has(["보건", "질병", "의료원", "병원", "health", "hospital", "medical"]) { return .health }
        return .other
    }
}
