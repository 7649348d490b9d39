import SitRoomUI

/// The theme parser (`themes/*.toml`, `--theme`): TOML syntax, then the roles and their styles.
enum ThemeFuzz {
    static func run(_ input: [UInt8]) -> FuzzOutcome {
        // `ThemeCatalog.loadFile` reads the file as UTF-8 and refuses anything else.
        guard let text = String(validating: input, as: UTF8.self) else { return .rejected("not UTF-8") }
        do {
            _ = try ThemeLoader.parse(text, fallback: .builtinDefault)
            return .accepted
        } catch {
            return .rejected("\(error)")
        }
    }

    static let tokens: [[UInt8]] = [
        "[roles]", "[roles.", "]", "[[", "]]", "=", "\"", "'", "'''", "\"\"\"", "{", "}", ",", "\n", "#", "fg", "bg",
        "bold", "dim", "reverse", "underline", "true", "false", "name", "monochrome", "description", "alarm", "stale",
        "title", "\"#ff0000\"", "\"#fff\"", "\"red\"", "\"bright-red\"", "\"color255\"", "\"color256\"", "\"default\"",
        "1979-05-27T07:32:00Z", "inf", "nan", "0x7FFFFFFFFFFFFFFF", "1e400", "\\u0000", "\\U0010FFFF",
    ].map { Array($0.utf8) }
}
