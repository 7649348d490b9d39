import Foundation

/// What one quick command line (the console's `:` line, `sitroom apply --command`) asks for.
/// The grammar is in `QuickCommandParser.grammar` and the README ("Quick commands").
public enum QuickCommand: Equatable, Sendable {
    /// A change to commit, and one line saying what it does, for the status line
    /// (e.g. `서울대학교병원 ER limited, beds 3/20`).
    case change(ChangeAction, summary: String)
    /// Select a hospital on the screen.
    case goto(hospitalId: String)
    /// Show only the rows containing this text; empty clears the filter.
    case filter(String)
    case theme(String)
    case help, undo, redo
    /// The ERs that can take a condition now (`:where`): its code, and the region to list first.
    case `where`(condition: String, region: String?)
    /// Show the officers' roster (`:officers`).
    case officers

    /// The command's name for the ones that are not changes (`"goto"`), the change's type otherwise.
    public var name: String {
        switch self {
        case .change(let action, _): action.type
        case .goto: "goto"
        case .filter: "filter"
        case .theme: "theme"
        case .help: "help"
        case .undo: "undo"
        case .redo: "redo"
        case .where: "where"
        case .officers: "officers"
        }
    }
}

/// Why a quick command line could not be read, in words for the officer who typed it.
public struct QuickCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// For a name that fits several records: all of them, as `"<id> <name>"`, in name order.
    public var candidates: [String]

    public init(_ message: String, candidates: [String] = []) {
        self.message = message
        self.candidates = candidates
    }

    public var description: String { message }
}

/// What a quick command is read against: names resolve on `board`, times are relative to `now`
/// in `timeZone`, and new log entries, calls and action items get their ids from `newId`.
public struct QuickCommandContext: Sendable {
    public var board: Board
    public var now: Date
    public var timeZone: TimeZone
    /// A fresh id for a prefix: `"log"` → `"log-k3x9ab"`.
    public var newId: @Sendable (String) -> String

    public init(
        board: Board, now: Date, timeZone: TimeZone,
        newId: @escaping @Sendable (String) -> String = QuickCommandContext.randomId
    ) {
        self.board = board
        self.now = now
        self.timeZone = timeZone
        self.newId = newId
    }

    /// `"log"` → `"log-1x9k3a"`: a random base-36 suffix, as `sitroom apply` generates left-out ids.
    @Sendable public static func randomId(_ prefix: String) -> String {
        ChangeLine.generatedId(prefix)
    }
}
