/// The names nearest to one that matched nothing, for "did you mean" in an error message.
public enum Closest {
    /// Up to `limit` values, nearest first: a name containing the text (or contained in it) counts
    /// as near as one letter off; otherwise the edit distance between the normalised texts, and only
    /// those within about half the typed length (a wild guess lists nothing rather than noise).
    public static func names<T>(_ text: String, among entries: [(T, [String])], limit: Int = 3) -> [T] {
        let query = Array(NameMatcher.normalise(text))
        guard !query.isEmpty else { return [] }
        var scored: [(Int, Int, T)] = []
        for (index, (value, names)) in entries.enumerated() {
            var best = Int.max
            for name in names {
                let key = Array(NameMatcher.normalise(name))
                guard !key.isEmpty else { continue }
                let prefix = Array(key.prefix(query.count + 1))
                let d = min(distance(query, key), distance(query, prefix))
                let contains = String(key).contains(String(query)) || String(query).contains(String(key))
                best = min(best, contains ? 1 : d)
            }
            if best <= max(2, (query.count + 1) / 2) { scored.append((best, index, value)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `; closest: a, b` or nothing.
    public static func suffix(_ names: [String]) -> String {
        names.isEmpty ? "" : "; closest: " + names.joined(separator: ", ")
    }
}

extension Board {
    /// Hospitals nearest to a name or id that matched none, as `"<id> <name>"`.
    public func closestHospitals(_ text: String, limit: Int = 3) -> [String] {
        Closest.names(text, among: hospitalsByName.map { h in ("\(h.id) \(h.name)", [h.id, h.name, h.romanizedName]) }, limit: limit)
    }
}
