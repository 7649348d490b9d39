import Foundation
import TOMLKit

/// Why a theme could not be loaded.
public enum ThemeError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file is not valid TOML. `file` is nil when parsing a string.
    case syntax(file: String?, line: Int, column: Int, message: String)
    /// No theme of that name in the catalog.
    case unknownTheme(name: String, available: [String])
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .syntax(file, line, column, message):
            let place = file.map { "\($0): " } ?? ""
            return "\(place)syntax error at line \(line), column \(column): \(message)"
        case let .unknownTheme(name, available):
            return "unknown theme \"\(name)\"; available: \(available.joined(separator: ", "))"
        case let .unreadable(path, reason):
            return "cannot read theme file \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

/// Reads a theme file (TOML) into a `Theme`.
///
/// The file is forgiving: unknown keys, roles, attributes and colours are reported as warnings and
/// ignored, and roles the file does not mention keep the fallback theme's style. Only a TOML syntax
/// error is fatal.
public enum ThemeLoader {
    /// Top-level keys a theme file may have.
    static let topLevelKeys: Set<String> = ["name", "description", "monochrome", "roles"]

    public static func parse(_ toml: String, fallback: Theme) throws -> (theme: Theme, warnings: [String]) {
        if let problem = TOMLPrecheck.firstProblem(in: toml) {
            throw ThemeError.syntax(file: nil, line: problem.line, column: problem.column, message: problem.message)
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw ThemeError.syntax(
                file: nil, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        }

        var warnings: [String] = []
        var name = fallback.name
        var monochrome = false
        var rolesTable: TOMLTable?

        for key in root.keys {
            guard let value = root[key] else { continue }
            switch key {
            case "name":
                if let s = value.string, !s.isEmpty { name = s } else { warnings.append("\"name\" should be a non-empty string; ignored") }
            case "description":
                if value.string == nil { warnings.append("\"description\" should be a string; ignored") }
            case "monochrome":
                if let b = value.bool { monochrome = b } else { warnings.append("\"monochrome\" should be true or false; ignored") }
            case "roles":
                if let t = value.table { rolesTable = t } else { warnings.append("\"roles\" should be a table; ignored") }
            default:
                warnings.append("unknown key \"\(key)\" ignored")
            }
        }

        // In a monochrome theme, roles the file leaves out take the fallback's attributes, made distinguishable.
        let base = monochrome ? fallback.withoutColour() : fallback
        var styles = base.styles

        if let rolesTable {
            for roleName in rolesTable.keys {
                guard let role = Role(rawValue: roleName) else {
                    warnings.append("unknown role \"\(roleName)\" ignored" + suggestion(for: roleName))
                    continue
                }
                guard let entry = rolesTable[roleName]?.table else {
                    warnings.append("role \"\(roleName)\" should be a table like { fg = \"red\", bold = true }; ignored")
                    continue
                }
                let fallbackStyle = base.styles[role] ?? Style()
                styles[role] = parseStyle(
                    entry, role: roleName, fallback: fallbackStyle, monochrome: monochrome, warnings: &warnings)
            }
        }

        return (Theme(name: name, styles: styles, monochrome: monochrome), warnings)
    }

    /// One role's table: `{ fg = "...", bg = "...", bold = true, ... }`. Attributes not given are off /
    /// the terminal's colour; attributes given badly take the fallback's value.
    static func parseStyle(
        _ table: TOMLTable, role: String, fallback: Style, monochrome: Bool, warnings: inout [String]
    ) -> Style {
        var style = Style()
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "fg", "bg":
                if monochrome {
                    warnings.append("role \"\(role)\": \(key) ignored in a monochrome theme")
                    continue
                }
                let fallbackColour = key == "fg" ? fallback.fg : fallback.bg
                var colour = fallbackColour
                if let text = value.string {
                    if let parsed = parseColour(text) {
                        colour = parsed
                    } else {
                        warnings.append("role \"\(role)\": unknown colour \"\(text)\" for \(key); using the fallback")
                    }
                } else {
                    warnings.append("role \"\(role)\": \(key) should be a colour string; using the fallback")
                }
                if key == "fg" { style.fg = colour } else { style.bg = colour }
            case "bold", "dim", "reverse", "underline":
                let flag: Bool
                if let b = value.bool {
                    flag = b
                } else {
                    warnings.append("role \"\(role)\": \(key) should be true or false; using the fallback")
                    flag = attribute(key, of: fallback)
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "reverse": style.reverse = flag
                default: style.underline = flag
                }
            default:
                warnings.append("role \"\(role)\": unknown attribute \"\(key)\" ignored")
            }
        }
        return style
    }

    private static func attribute(_ key: String, of style: Style) -> Bool {
        switch key {
        case "bold": style.bold
        case "dim": style.dim
        case "reverse": style.reverse
        default: style.underline
        }
    }

    /// ANSI colour names, in colour-number order.
    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// "default", "#rrggbb", an ANSI name ("red") or a bright one ("bright-red"). Case-insensitive.
    public static func parseColour(_ text: String) -> ColorSpec? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "default" { return .terminalDefault }
        if s.hasPrefix("#") {
            let hex = s.dropFirst()
            guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff))
        }
        if let i = ansiNames.firstIndex(of: s) { return .ansi(i) }
        if s.hasPrefix("bright-"), let i = ansiNames.firstIndex(of: String(s.dropFirst("bright-".count))) {
            return .ansi(i + 8)
        }
        return nil
    }

    /// " (did you mean \"er.open\"?)" when a role name is a small typo away from a real one.
    private static func suggestion(for name: String) -> String {
        let best = Role.allCases
            .map { ($0.rawValue, editDistance($0.rawValue, name.lowercased())) }
            .min { $0.1 < $1.1 }
        guard let best, best.1 <= 2 else { return "" }
        return " (did you mean \"\(best.0)\"?)"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
