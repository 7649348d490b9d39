/// A man(7) page for a command and its subcommands, from their ArgumentParser help: NAME,
/// SYNOPSIS, DESCRIPTION, the top-level OPTIONS, then one COMMANDS subsection per subcommand.
struct ManPage {
    let tool: CommandHelp
    let version: String
    let date: String

    func render() -> String {
        var out: [String] = []
        let name = tool.commandName
        out.append(#".TH "\#(name.uppercased())" 1 "\#(date)" "\#(Self.escape(version))" "User Commands""#)
        out.append(".nh")
        out.append(".SH NAME")
        out.append(Self.escape("\(name) - \(tool.abstract ?? "")"))
        out.append(".SH SYNOPSIS")
        out.append(contentsOf: synopsis(path: [name], tool, more: tool.visibleSubcommands.isEmpty ? nil : tool.defaultSubcommand == nil ? "command" : "[command]"))
        out.append(".SH DESCRIPTION")
        out.append(contentsOf: Self.paragraphs(tool.abstract))
        out.append(contentsOf: Self.paragraphs(tool.discussion))
        if let main = tool.defaultSubcommand {
            out.append(".PP")
            out.append(#"With no command, \fB\#(Self.escape(name))\fR runs \fB\#(Self.escape(name + " " + main))\fR."#)
        }
        if !tool.visibleArguments.isEmpty {
            out.append(".SH OPTIONS")
            out.append(contentsOf: tool.visibleArguments.flatMap(Self.entry))
        }
        if !tool.visibleSubcommands.isEmpty {
            out.append(".SH COMMANDS")
            for sub in tool.visibleSubcommands { out.append(contentsOf: section(path: [name], sub)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One subcommand (and, below it, its own subcommands): its synopsis, text and arguments.
    private func section(path: [String], _ command: CommandHelp) -> [String] {
        let full = path + [command.commandName]
        var out = [#".SS "\#(Self.escape(full.joined(separator: " ")))""#]
        out.append(contentsOf: synopsis(path: full, command, more: command.visibleSubcommands.isEmpty ? nil : "subcommand"))
        out.append(contentsOf: Self.paragraphs(command.abstract))
        out.append(contentsOf: Self.paragraphs(command.discussion))
        // Every subcommand repeats --help and --version; the page says them once, under OPTIONS.
        out.append(contentsOf: command.visibleArguments.filter { !Self.isHelpOrVersion($0) }.flatMap(Self.entry))
        for sub in command.visibleSubcommands { out.append(contentsOf: section(path: full, sub)) }
        return out
    }

    private func synopsis(path: [String], _ command: CommandHelp, more: String?) -> [String] {
        var words = [#"\fB\#(Self.escape(path.joined(separator: " ")))\fR"#]
        if let more { words.append(#"\fI\#(more)\fR"#) }
        for argument in command.visibleArguments where !Self.isHelpOrVersion(argument) {
            var word: String
            switch argument.kind {
            case .positional:
                word = #"\fI\#(Self.escape(argument.valueName ?? "value"))\fR"#
            case .option:
                word = #"\fB\#(Self.escape(Self.preferred(argument)))\fR \fI\#(Self.escape(argument.valueName ?? "value"))\fR"#
            case .flag:
                word = #"\fB\#(Self.escape(Self.preferred(argument)))\fR"#
            }
            if argument.isRepeating { word += "..." }
            if argument.isOptional { word = "[" + word + "]" }
            words.append(word)
        }
        return [".PP", ".ad l", words.joined(separator: " "), ".ad"]
    }

    /// One argument as a tagged paragraph: its names and value, then what it does.
    private static func entry(_ argument: ArgumentHelp) -> [String] {
        var tag = (argument.names ?? []).map { #"\fB\#(escape($0.spelled))\fR"# }.joined(separator: ", ")
        if argument.kind == .positional {
            tag = #"\fI\#(escape(argument.valueName ?? "value"))\fR"#
        } else if argument.kind == .option {
            tag += #" \fI\#(escape(argument.valueName ?? "value"))\fR"#
        }
        var text = argument.abstract ?? ""
        if let values = argument.allValues, !values.isEmpty, !values.allSatisfy({ text.contains($0) }) {
            text += " (values: \(values.joined(separator: ", ")))"
        }
        if let value = argument.defaultValue, !value.isEmpty, !text.contains("default") {
            text += " (default: \(value))"
        }
        return [".TP", tag] + lines(text) + paragraphs(argument.discussion)
    }

    private static func isHelpOrVersion(_ argument: ArgumentHelp) -> Bool {
        argument.kind == .flag && (argument.names ?? []).contains { $0.name == "help" || $0.name == "version" }
    }

    private static func preferred(_ argument: ArgumentHelp) -> String {
        let names = argument.names ?? []
        return (names.first { $0.kind == .long } ?? names.first)?.spelled ?? ""
    }

    /// Blank-line separated paragraphs; the lines inside one are kept as lines.
    private static func paragraphs(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: "\n\n").flatMap { [".PP"] + lines($0) }
    }

    private static func lines(_ text: String) -> [String] {
        let kept = text.split(separator: "\n", omittingEmptySubsequences: true).map { escape(String($0)) }
        return kept.enumerated().flatMap { $0.offset == 0 ? [$0.element] : [".br", $0.element] }
    }

    /// Text as roff reads it literally: backslashes, minus signs (so that options copy as typed) and
    /// a leading dot or quote, which would start a request.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
