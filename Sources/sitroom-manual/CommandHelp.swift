/// The part of ArgumentParser's `--experimental-dump-help` JSON (ToolInfoV0) a manual page needs.
/// Its own copy: ArgumentParserToolInfo is not a product the package can depend on.
struct ToolHelp: Decodable {
    var command: CommandHelp
}

struct CommandHelp: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var defaultSubcommand: String?
    var shouldDisplay: Bool?
    var subcommands: [CommandHelp]?
    var arguments: [ArgumentHelp]?

    /// The subcommands a user is meant to see (not `help`, not the hidden ones).
    var visibleSubcommands: [CommandHelp] {
        (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
    }

    var visibleArguments: [ArgumentHelp] {
        (arguments ?? []).filter(\.shouldDisplay)
    }
}

struct ArgumentHelp: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }

    struct Name: Decodable {
        enum Kind: String, Decodable { case long, short, longWithSingleDash }
        var kind: Kind
        var name: String

        var spelled: String {
            switch kind {
            case .long: "--" + name
            case .short, .longWithSingleDash: "-" + name
            }
        }
    }

    var kind: Kind
    var shouldDisplay: Bool
    var isOptional: Bool
    var isRepeating: Bool
    var names: [Name]?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    var abstract: String?
    var discussion: String?
}
