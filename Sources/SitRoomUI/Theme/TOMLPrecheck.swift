/// Refuses, before the text reaches toml++, the two shapes on which toml++ (TOMLKit 0.6) breaks
/// its own preconditions (`TOML_ASSERT_ASSUME`): an abort in a debug build, undefined behaviour in
/// a release one. Both are invalid TOML, found by fuzzing the theme parser:
///
/// - a table header whose first character cannot start a key: `[é]`, `[ #x]`, `[[[a]]]`, a lone
///   `[` at the end of a line (`parse_key`; upstream marzer/tomlplusplus#301);
/// - an array element that starts with `}` or a character no value starts with: `a = [}`,
///   `a = [1,` then `}` (`parse_value`).
///
/// A light lexer: strings, comments and nesting are followed only as far as needed to know where
/// statements and array elements start. Works on UTF-8 bytes; line and column are 1-based.
enum TOMLPrecheck {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func firstProblem(in text: String) -> Problem? {
        let b = Array(text.utf8)
        var i = 0, line = 1, lineStart = 0
        var open: [UInt8] = []  // the `[` and `{` of the value being read
        var atStatementStart = true
        var expectingElement = false
        func at(_ k: Int) -> UInt8? { k < b.count ? b[k] : nil }
        func newline(at index: Int) { line += 1; lineStart = index + 1; if open.isEmpty { atStatementStart = true } }
        func problem(_ k: Int, _ message: String) -> Problem { Problem(line: line, column: k - lineStart + 1, message: message) }

        while i < b.count {
            let c = b[i]
            if c == 0x0A { newline(at: i); i += 1; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            if c == UInt8(ascii: "#") {
                while i < b.count, b[i] != 0x0A { i += 1 }
                continue
            }
            if atStatementStart {
                atStatementStart = false
                if c == UInt8(ascii: "[") {
                    var k = i + 1
                    if at(k) == UInt8(ascii: "[") { k += 1 }
                    while at(k) == 0x20 || at(k) == 0x09 { k += 1 }
                    guard let first = at(k), startsKey(first) else { return problem(k, "a table header must start with a key") }
                    // The rest of the header line: its quoted keys cannot span lines.
                    while i < b.count, b[i] != 0x0A { i += 1 }
                    continue
                }
            }
            if expectingElement {
                expectingElement = false
                guard c < 0x80, c != UInt8(ascii: "}") else { return problem(i, "an array element must be a value") }
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                i = endOfString(b, from: i, onNewline: newline)
                continue
            case UInt8(ascii: "["):
                open.append(c)
                expectingElement = true
            case UInt8(ascii: "{"):
                open.append(c)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = open.popLast()
            case UInt8(ascii: ","):
                expectingElement = open.last == UInt8(ascii: "[")
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// A bare key character or a quote.
    private static func startsKey(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }

    /// The index after the string opening at `start` (basic or literal, one line or three quotes).
    /// A one-line string ends at the line's end if unclosed (toml++ reports that itself).
    private static func endOfString(_ b: [UInt8], from start: Int, onNewline: (Int) -> Void) -> Int {
        let quote = b[start]
        let escapes = quote == UInt8(ascii: "\"")
        let multiLine = start + 2 < b.count && b[start + 1] == quote && b[start + 2] == quote
        var i = start + (multiLine ? 3 : 1)
        while i < b.count {
            let c = b[i]
            if escapes, c == UInt8(ascii: "\\") {
                // The escaped character, unless it is the line break (a line-ending backslash).
                i += i + 1 < b.count && b[i + 1] == 0x0A ? 1 : 2
                continue
            }
            if c == 0x0A {
                if !multiLine { return i }
                onNewline(i)
            } else if c == quote {
                if !multiLine { return i + 1 }
                if i + 2 < b.count, b[i + 1] == quote, b[i + 2] == quote {
                    // Up to two more quotes belong to the content: `"""a""""` is `a"`.
                    var end = i + 3
                    while end < b.count, end < i + 5, b[end] == quote { end += 1 }
                    return end
                }
            }
            i += 1
        }
        return i
    }
}
