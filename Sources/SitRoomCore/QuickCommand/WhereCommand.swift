import Foundation

extension QuickCommandParser {
    /// `where <condition> [region]`: the condition by code, short label or the start of a name
    /// (`ConditionTable.matching`); the region as the hospitals name it, in any case.
    static func whereCapable(_ args: [QuickToken], _ context: QuickCommandContext) throws -> QuickCommand {
        let table = context.board.conditions
        guard let first = args.first else {
            throw QuickCommandError("where needs a condition, like where stroke Seoul (sitroom conditions lists them)")
        }
        let matches = table.matching(first.text)
        if matches.isEmpty {
            throw QuickCommandError("unknown condition \"\(first.text)\"; \(table.suggestion(for: first.text))")
        }
        if matches.count > 1 {
            throw QuickCommandError("\"\(first.text)\" names \(matches.count) conditions: give one of their codes",
                                    candidates: matches.map(\.described))
        }
        let typed = words(Array(args.dropFirst()))
        guard !typed.isEmpty else { return .where(condition: matches[0].code, region: nil) }
        let regions = Set(context.board.hospitals.values.map(\.region)).sorted()
        guard let region = regions.first(where: { $0.lowercased() == typed.lowercased() }) else {
            throw QuickCommandError("no hospital is in region \"\(typed)\"; regions: \(regions.joined(separator: ", "))")
        }
        return .where(condition: matches[0].code, region: region)
    }
}
