import Foundation

extension QuickCommandParser {
    /// `where <condition> [region]`: the condition by code, short label or the start of a name
    /// (`ConditionTable.resolve`, as `sitroom where` reads it); the region as the hospitals name it,
    /// in any case.
    static func whereCapable(_ args: [QuickToken], _ context: QuickCommandContext) throws -> QuickCommand {
        let table = context.board.conditions
        guard let first = args.first else {
            throw QuickCommandError("where needs a condition, like where stroke Seoul (sitroom conditions lists them)")
        }
        let condition = try table.resolve(first.text)
        let typed = words(Array(args.dropFirst()))
        guard !typed.isEmpty else { return .where(condition: condition.code, region: nil) }
        let regions = Set(context.board.hospitals.values.map(\.region)).sorted()
        guard let region = regions.first(where: { $0.lowercased() == typed.lowercased() }) else {
            throw QuickCommandError("no hospital is in region \"\(typed)\"; regions: \(regions.joined(separator: ", "))")
        }
        return .where(condition: condition.code, region: region)
    }
}
