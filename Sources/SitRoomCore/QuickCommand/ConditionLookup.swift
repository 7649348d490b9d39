import Foundation

extension ConditionTable {
    /// The one condition `text` names (see `matching`), for `cap`, `:where` and `sitroom where`.
    /// Several: an error listing them (all in `candidates`); none: an error naming the closest.
    public func resolve(_ text: String) throws -> Condition {
        let typed = text.trimmingCharacters(in: .whitespaces)
        let found = matching(typed)
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw QuickCommandError("no condition matches \"\(typed)\"; \(suggestion(for: typed))",
                                    candidates: closest(typed).map(\.described))
        }
        let candidates = found.map(\.described)
        var listed = candidates.prefix(6).joined(separator: "; ")
        if candidates.count > 6 { listed += "; …" }
        throw QuickCommandError("\"\(typed)\" matches \(found.count) conditions: \(listed)", candidates: candidates)
    }
}
