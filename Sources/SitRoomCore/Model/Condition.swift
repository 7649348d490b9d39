import Foundation

/// A condition an ER can or cannot treat now (E-Gen's "severe emergency conditions"). Conditions are
/// data, not an enum: another country's list replaces the table (`conditions.set`).
public struct Condition: Codable, Sendable, Equatable, Hashable {
    /// The stable code, e.g. `Y0010` (E-Gen's `symTypCod`).
    public var code: String
    public var korean: String
    public var english: String
    /// The matrix header's label, at most `ConditionTable.shortWidth` cells.
    public var short: String
    /// The field of E-Gen's severe-condition operation that reports it (`MKioskTy1` …); empty when
    /// no feed reports it.
    public var feedField: String

    public init(code: String, korean: String, english: String, short: String, feedField: String = "") {
        self.code = code
        self.korean = korean
        self.english = english
        self.short = short
        self.feedField = feedField
    }

    enum CodingKeys: String, CodingKey { case code, korean, english, short, feedField }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), korean: try c.decode(String.self, forKey: .korean),
                  english: try c.decode(String.self, forKey: .english), short: try c.decode(String.self, forKey: .short),
                  feedField: try c.decodeIfPresent(String.self, forKey: .feedField) ?? "")
    }

    /// `Y0020 stroke (Stroke (cerebral infarction): reperfusion)`: what an error names.
    public var described: String { "\(code) \(short) (\(english))" }

    /// The Korean name without E-Gen's bracketed group: `[재관류중재술] 뇌경색` → `뇌경색`.
    var koreanCore: String {
        guard korean.hasPrefix("["), let close = korean.firstIndex(of: "]") else { return korean }
        return korean[korean.index(after: close)...].trimmingCharacters(in: .whitespaces)
    }
}

/// The conditions the board follows, in the order the matrix shows them. JSON: an array of conditions.
public struct ConditionTable: Codable, Sendable, Equatable {
    public var conditions: [Condition]
    /// The widest a short label may be, in cells.
    public static let shortWidth = 6
    /// The most conditions a table may hold.
    public static let maxConditions = 200

    public init(_ conditions: [Condition]) { self.conditions = conditions }

    public init(from decoder: Decoder) throws {
        conditions = try decoder.singleValueContainer().decode([Condition].self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(conditions)
    }

    public var count: Int { conditions.count }
    public var codes: [String] { conditions.map(\.code) }

    public func condition(code: String) -> Condition? { conditions.first { $0.code == code } }

    /// The conditions `text` names: its code or short label (any case) exactly; else those one of
    /// whose names (English, Korean, or Korean without E-Gen's bracketed group) starts with it; else
    /// those with a word of a name starting with it. Empty text names none.
    public func matching(_ text: String) -> [Condition] {
        let query = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !query.isEmpty else { return [] }
        let exact = conditions.filter { $0.code.lowercased() == query || $0.short.lowercased() == query }
        if !exact.isEmpty { return exact }
        let names = conditions.filter { c in
            [c.english, c.korean, c.koreanCore].contains { $0.lowercased().hasPrefix(query) }
        }
        if !names.isEmpty { return names }
        return conditions.filter { c in
            Self.words(c.english + " " + c.koreanCore).contains { $0.hasPrefix(query) }
        }
    }

    /// Up to `limit` conditions nearest to `text` (edit distance to the code, the short label, or the
    /// start of a name), nearest first: what a refusal suggests.
    public func closest(_ text: String, limit: Int = 3) -> [Condition] {
        let query = Array(text.trimmingCharacters(in: .whitespaces).lowercased())
        guard !query.isEmpty else { return Array(conditions.prefix(limit)) }
        let scored = conditions.enumerated().map { index, c -> (Int, Int, Condition) in
            let candidates = [c.code, c.short, c.english, c.koreanCore] + Self.words(c.english)
            let best = candidates.map { name -> Int in
                let n = Array(name.lowercased())
                return editDistance(query, Array(n.prefix(max(query.count, min(n.count, query.count + 1)))))
            }.min() ?? Int.max
            return (best, index, c)
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }

    /// `closest codes: Y0020 stroke (…), Y0010 STEMI (…)`.
    public func suggestion(for text: String, limit: Int = 3) -> String {
        let near = closest(text, limit: limit)
        return near.isEmpty ? "the condition table is empty" : "closest: " + near.map(\.described).joined(separator: "; ")
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}

/// Levenshtein distance, for suggesting the nearest names.
func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension ConditionTable {
    /// E-Gen's 27 severe emergency conditions (중증응급질환), as the National Emergency Medical
    /// Center's open API (ErmctInfoInqireService) reports them: the code is the `symTypCod` of the
    /// ER messages operation (getEmrrmSrsillDissMsgInqire), `feedField` the field of the
    /// severe-condition acceptance operation (getSrsillDissAceptncPosblInfoInqire), the Korean name
    /// E-Gen's own. The English names and short labels are sitroom's. See the README.
    public static let egenDefault = ConditionTable([
        Condition(code: "Y0010", korean: "[재관류중재술] 심근경색", english: "STEMI: reperfusion (myocardial infarction)", short: "STEMI", feedField: "MKioskTy1"),
        Condition(code: "Y0020", korean: "[재관류중재술] 뇌경색", english: "Stroke (cerebral infarction): reperfusion", short: "stroke", feedField: "MKioskTy2"),
        Condition(code: "Y0031", korean: "[뇌출혈수술] 거미막하출혈", english: "Subarachnoid haemorrhage: surgery", short: "SAH", feedField: "MKioskTy3"),
        Condition(code: "Y0032", korean: "[뇌출혈수술] 거미막하출혈 외", english: "Intracranial haemorrhage other than SAH: surgery", short: "ICH", feedField: "MKioskTy4"),
        Condition(code: "Y0041", korean: "[대동맥응급] 흉부", english: "Aortic emergency, thoracic", short: "aortaT", feedField: "MKioskTy5"),
        Condition(code: "Y0042", korean: "[대동맥응급] 복부", english: "Aortic emergency, abdominal", short: "aortaA", feedField: "MKioskTy6"),
        Condition(code: "Y0051", korean: "[담낭담관질환] 담낭질환", english: "Gallbladder disease", short: "gallbl", feedField: "MKioskTy7"),
        Condition(code: "Y0052", korean: "[담낭담관질환] 담도포함질환", english: "Biliary tract disease", short: "bile", feedField: "MKioskTy8"),
        Condition(code: "Y0060", korean: "[복부응급수술] 비외상", english: "Abdominal emergency surgery, non-trauma", short: "abdo", feedField: "MKioskTy9"),
        Condition(code: "Y0070", korean: "[장중첩/폐색] 영유아", english: "Intussusception or obstruction, infant", short: "intus", feedField: "MKioskTy10"),
        Condition(code: "Y0081", korean: "[응급내시경] 성인 위장관", english: "Endoscopy, GI, adult", short: "GI-A", feedField: "MKioskTy11"),
        Condition(code: "Y0082", korean: "[응급내시경] 영유아 위장관", english: "Endoscopy, GI, infant", short: "GI-I", feedField: "MKioskTy12"),
        Condition(code: "Y0091", korean: "[응급내시경] 성인 기관지", english: "Bronchoscopy, adult", short: "bron-A", feedField: "MKioskTy13"),
        Condition(code: "Y0092", korean: "[응급내시경] 영유아 기관지", english: "Bronchoscopy, infant", short: "bron-I", feedField: "MKioskTy14"),
        Condition(code: "Y0100", korean: "[저체중출생아] 집중치료", english: "Low birth weight: neonatal intensive care", short: "LBW", feedField: "MKioskTy15"),
        Condition(code: "Y0111", korean: "[산부인과응급] 분만", english: "Delivery (obstetric emergency)", short: "deliv", feedField: "MKioskTy16"),
        Condition(code: "Y0112", korean: "[산부인과응급] 산과수술", english: "Obstetric surgery", short: "obst", feedField: "MKioskTy17"),
        Condition(code: "Y0113", korean: "[산부인과응급] 부인과수술", english: "Gynaecological surgery", short: "gyn", feedField: "MKioskTy18"),
        Condition(code: "Y0120", korean: "[중증화상] 전문치료", english: "Burns, major: specialist care", short: "burns", feedField: "MKioskTy19"),
        Condition(code: "Y0131", korean: "[사지접합] 수족지접합", english: "Replantation: hand, foot or digit", short: "repl-D", feedField: "MKioskTy20"),
        Condition(code: "Y0132", korean: "[사지접합] 수족지접합 외", english: "Replantation: other than hand, foot or digit", short: "repl-L", feedField: "MKioskTy21"),
        Condition(code: "Y0141", korean: "[응급투석] HD", english: "Dialysis: haemodialysis (HD)", short: "HD", feedField: "MKioskTy22"),
        Condition(code: "Y0142", korean: "[응급투석] CRRT", english: "Dialysis: CRRT", short: "CRRT", feedField: "MKioskTy23"),
        Condition(code: "Y0150", korean: "[정신과적응급] 폐쇄병동입원", english: "Psychiatric emergency: locked-ward admission", short: "psych", feedField: "MKioskTy24"),
        Condition(code: "Y0160", korean: "[안과적수술] 응급", english: "Eye surgery, emergency", short: "eye", feedField: "MKioskTy25"),
        Condition(code: "Y0171", korean: "[영상의학혈관중재] 성인", english: "Interventional radiology, adult", short: "IR-A", feedField: "MKioskTy26"),
        Condition(code: "Y0172", korean: "[영상의학혈관중재] 영유아", english: "Interventional radiology, infant", short: "IR-I", feedField: "MKioskTy27"),
    ])
}

extension ConditionTable {
    /// The table as tab-separated text: a header line, then code, Korean, English, short label and
    /// feed field, one condition a line (what `init` writes to `conditions.tsv`).
    public var tsv: String {
        var lines = ["# sitroom condition table: code, Korean, English, short label (at most \(Self.shortWidth) cells), feed field",
                     "code\tkorean\tenglish\tshort\tfeed"]
        for c in conditions { lines.append([c.code, c.korean, c.english, c.short, c.feedField].joined(separator: "\t")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `tsv`'s format: lines starting with `#` and blank lines are skipped, and so is a first
    /// line starting with `code`; the feed field may be left out. Refuses a bad line naming it.
    public init(tsv text: String) throws {
        var conditions: [Condition] = []
        var headerSeen = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if !headerSeen, conditions.isEmpty, cells.first?.lowercased() == "code" {
                headerSeen = true
                continue
            }
            guard cells.count == 4 || cells.count == 5 else {
                throw ChangeError("line \(i + 1): expected 4 or 5 tab-separated cells (code, Korean, English, short[, feed]), got \(cells.count)")
            }
            conditions.append(Condition(code: cells[0], korean: cells[1], english: cells[2], short: cells[3],
                                        feedField: cells.count == 5 ? cells[4] : ""))
        }
        let table = ConditionTable(conditions)
        do {
            try table.validate()
        } catch let error as ChangeError {
            throw ChangeError(error.message, field: error.field)
        }
        self = table
    }

    /// A table a board can hold: at least one condition, codes unique and without spaces, every
    /// name given, short labels at most `shortWidth` cells.
    public func validate() throws {
        try require(!conditions.isEmpty, "the condition table must hold at least one condition", field: "conditions")
        try require(conditions.count <= Self.maxConditions,
                    "the condition table holds at most \(Self.maxConditions) conditions (got \(conditions.count))", field: "conditions")
        var seen = Set<String>()
        for c in conditions {
            try requireText(c.code, "condition code", field: "code")
            try require(!c.code.contains { $0.isWhitespace }, "condition code \"\(c.code)\" must not contain spaces", field: "code")
            try require(seen.insert(c.code).inserted, "condition code \(c.code) is listed twice", field: "code")
            try requireText(c.korean, "Korean name of \(c.code)", field: "korean")
            try requireText(c.english, "English name of \(c.code)", field: "english")
            try requireText(c.short, "short label of \(c.code)", field: "short")
            let width = DisplayWidth.of(c.short)
            try require(width <= Self.shortWidth,
                        "short label \"\(c.short)\" of \(c.code) is \(width) cells; at most \(Self.shortWidth)", field: "short")
        }
    }
}
