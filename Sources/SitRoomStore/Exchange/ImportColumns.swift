import Foundation

/// One field an importer fills, and the column names that mean it, in order of preference.
public struct ImportField: Sendable, Equatable {
    /// The field's name, as `--map` and the CSV export spell it (snake_case).
    public var name: String
    /// Header names recognised for it (the name itself first); matched ignoring case and spaces.
    public var aliases: [String]

    public init(_ name: String, _ aliases: [String] = []) {
        self.name = name
        self.aliases = [name] + aliases
    }
}

/// Which column holds which field, worked out from the header and `--map field=Column`.
public struct ColumnMapping: Sendable, Equatable {
    /// Field name → column index.
    public private(set) var columns: [String: Int]
    public let header: [String]

    /// Maps each field to the first of its aliases the header has; `overrides` (field → column
    /// name) come first. Throws for an override naming an unknown field or a missing column.
    public init(header: [String], fields: [ImportField], overrides: [String: String] = [:]) throws {
        self.header = header
        columns = [:]
        let known = Set(fields.map(\.name))
        for field in overrides.keys.sorted() where !known.contains(field) {
            throw ImportError("--map: unknown field \"\(field)\"; fields: \(fields.map(\.name).joined(separator: ", "))")
        }
        func index(of name: String) -> Int? {
            let key = Self.key(name)
            return header.firstIndex { Self.key($0) == key }
        }
        for field in fields {
            if let column = overrides[field.name] {
                guard let i = index(of: column) else {
                    throw ImportError("--map \(field.name)=\(column): no column \"\(column)\"; the header has: "
                        + header.map { "\"\($0)\"" }.joined(separator: ", "))
                }
                columns[field.name] = i
            } else if let i = field.aliases.lazy.compactMap(index(of:)).first {
                columns[field.name] = i
            }
        }
    }

    public func has(_ field: String) -> Bool { columns[field] != nil }

    /// The field's value in `row`, trimmed; nil when no column holds the field.
    public func value(_ field: String, in row: [String]) -> String? {
        guard let i = columns[field] else { return nil }
        return i < row.count ? row[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    /// "id=기관ID name=기관명 ...", in the order of `fields`.
    public func describe(_ fields: [ImportField]) -> String {
        fields.compactMap { f in columns[f.name].map { "\(f.name)=\(header[$0])" } }.joined(separator: " ")
    }

    /// Reads `--map` values: "field=Column,field=Column", each option may be given several times.
    public static func parseOverrides(_ values: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for value in values {
            for pair in value.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ImportError("--map: \"\(pair)\" is not field=Column")
                }
                result[parts[0]] = parts[1]
            }
        }
        return result
    }

    private static func key(_ name: String) -> String {
        name.lowercased().filter { !$0.isWhitespace }
    }
}
