import Foundation

/// Finds a hospital from what an officer types: an id, or the start of one of its names.
public enum HospitalLookup {
    /// An id (exact, case-insensitive) or an unambiguous prefix of the Korean name, of the
    /// romanised name (case-insensitive, ignoring spaces and punctuation), of the romanised name
    /// without its generic words ("seoul national" for Seoul National University Hospital), or of
    /// an abbreviation made of the romanised name's initials ("snuh"). An exact match of any of
    /// these wins over prefixes. Several matches: an error listing them (at most 8 in the message,
    /// all in `candidates`); none: `no hospital matches "xyz"`.
    public static func resolve(_ text: String, in board: Board) throws -> Hospital {
        let matcher = NameMatcher(kind: "hospital", plural: "hospitals", entries: board.hospitalsByName.map { h in
            NameMatcher.Entry(id: h.id, label: h.name, keys: keys(for: h))
        })
        let id = try matcher.resolve(text)
        return board.hospitals[id]!
    }

    /// The initials of the romanised name ("snuh" for Seoul National University Hospital), as
    /// `resolve` takes them; "" when there are fewer than two words. For the panels' `/` filter.
    public static func initials(_ h: Hospital) -> String {
        let initials = String(h.romanizedName.split(whereSeparator: \.isWhitespace).compactMap { NameMatcher.normalise(String($0)).first })
        return initials.count >= 2 ? initials : ""
    }

    /// Words a romanised hospital name shares with many others; left out of its "core" name.
    /// ("Medical Center" stays: "seoul" must not silently mean Seoul Medical Center.)
    static let genericWords: Set<String> = ["university", "hospital", "the", "of", "at"]

    /// The normalised strings a hospital is known by (each matches exactly or by prefix).
    static func keys(for h: Hospital) -> [String] {
        var keys = [NameMatcher.normalise(h.name)]
        let roman = NameMatcher.normalise(h.romanizedName)
        if !roman.isEmpty {
            keys.append(roman)
            let words = h.romanizedName.split(whereSeparator: \.isWhitespace).map { NameMatcher.normalise(String($0)) }
                .filter { !$0.isEmpty }
            let core = words.filter { !genericWords.contains($0) }.joined()
            if !core.isEmpty { keys.append(core) }
            let abbreviation = initials(h)
            if !abbreviation.isEmpty { keys.append(abbreviation) }
        }
        return keys
    }
}

/// Agencies and their contacts, found like hospitals.
public enum AgencyLookup {
    /// An agency id (exact, case-insensitive) or an unambiguous prefix of its name, from the start
    /// or from any word in it (`경찰`, `police`, `national police`). Exact beats prefix.
    public static func resolve(_ text: String, in board: Board) throws -> Agency {
        let matcher = NameMatcher(kind: "agency", plural: "agencies", entries: board.agenciesByName.map(entry))
        return board.agencies[try matcher.resolve(text)]!
    }

    /// An agency (as above) or a contact: by contact id, or an unambiguous prefix of the person's name.
    public static func resolveAgencyOrContact(_ text: String, in board: Board) throws -> (agency: Agency, contact: Contact?) {
        let people = board.contacts.values.sorted { ($0.person, $0.id) < ($1.person, $1.id) }.map { c in
            NameMatcher.Entry(id: c.id, label: "\(c.person) (\(c.agencyId))", keys: [NameMatcher.normalise(c.person)])
        }
        let matcher = NameMatcher(kind: "agency or contact", plural: "agencies and contacts",
                                  entries: board.agenciesByName.map(entry) + people)
        let id = try matcher.resolve(text)
        if let agency = board.agencies[id] { return (agency, nil) }
        let contact = board.contacts[id]!
        guard let agency = board.agencies[contact.agencyId] else {
            throw QuickCommandError("contact \(contact.id) belongs to unknown agency \(contact.agencyId)")
        }
        return (agency, contact)
    }

    static func entry(_ a: Agency) -> NameMatcher.Entry {
        NameMatcher.Entry(id: a.id, label: a.name, keys: wordSuffixes(a.name))
    }

    /// "경찰청 National Police Agency" → the name from each word on, normalised:
    /// "경찰청nationalpoliceagency", "nationalpoliceagency", "policeagency", "agency".
    static func wordSuffixes(_ name: String) -> [String] {
        let words = name.split(whereSeparator: \.isWhitespace).map { NameMatcher.normalise(String($0)) }
        return words.indices.map { words[$0...].joined() }.filter { !$0.isEmpty }
    }
}

/// Exact-then-prefix matching of typed text against records' ids and names.
struct NameMatcher {
    struct Entry {
        var id: String
        /// How the record is shown in a list of candidates (after its id).
        var label: String
        /// Normalised names; the typed text matches one exactly or as its prefix.
        var keys: [String]
    }

    var kind: String
    var plural: String
    var entries: [Entry]

    /// Lower case, without spaces and punctuation: "Seoul St. Mary's" → "seoulstmarys".
    static func normalise(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol })
    }

    /// The id of the one entry `text` names.
    func resolve(_ text: String) throws -> String {
        let typed = text.trimmingCharacters(in: .whitespaces)
        let query = Self.normalise(typed)
        guard !query.isEmpty else { throw QuickCommandError("no \(kind) matches \"\(text)\"") }
        if let e = entries.first(where: { $0.id.lowercased() == typed.lowercased() }) { return e.id }
        let exact = entries.filter { $0.keys.contains(query) }
        if exact.count == 1 { return exact[0].id }
        if exact.count > 1 { throw ambiguous(typed, exact) }
        let prefixed = entries.filter { $0.keys.contains { $0.hasPrefix(query) } }
        if prefixed.count == 1 { return prefixed[0].id }
        if prefixed.count > 1 { throw ambiguous(typed, prefixed) }
        throw QuickCommandError("no \(kind) matches \"\(typed)\"")
    }

    func ambiguous(_ typed: String, _ matches: [Entry]) -> QuickCommandError {
        let candidates = matches.map { "\($0.id) \($0.label)" }
        var listed = candidates.prefix(8).joined(separator: ", ")
        if candidates.count > 8 { listed += ", …" }
        return QuickCommandError("\"\(typed)\" matches \(matches.count) \(plural): \(listed)", candidates: candidates)
    }
}
