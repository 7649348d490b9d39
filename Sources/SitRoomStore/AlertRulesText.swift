import Foundation
import SitRoomCore

extension AlertRulesFile {
    /// `rules` as an alerts.toml: the commented default file with each value replaced, so that what
    /// `sitroom alerts` prints can be edited and loaded back (`parse(text(of: r)) == r`).
    public static func text(of rules: AlertRules) -> String {
        var section = ""
        var out: [String] = []
        for line in defaultText.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("["), let end = trimmed.firstIndex(of: "]") {
                section = String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
                out.append(String(line))
                continue
            }
            guard !trimmed.hasPrefix("#"), let equals = line.firstIndex(of: "="),
                  let field = fields[section]?[line[..<equals].trimmingCharacters(in: .whitespaces)] else {
                out.append(String(line))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let comment = line.range(of: "#").map { line[$0.lowerBound...] }
            var assignment = "\(key) = \(value(field, of: rules))"
            if let comment {
                // Kept in the column the default file puts it, or one space after a longer value.
                let column = line.distance(from: line.startIndex, to: comment.startIndex)
                assignment += String(repeating: " ", count: max(1, column - assignment.count)) + comment
            }
            out.append(assignment)
        }
        return out.joined(separator: "\n")
    }

    private static func value(_ field: Field, of rules: AlertRules) -> String {
        switch field {
        case .flag(let path): rules[keyPath: path] ? "true" : "false"
        case .number(let path, _): String(rules[keyPath: path])
        case .codes(let path): "[" + rules[keyPath: path].map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }
}
