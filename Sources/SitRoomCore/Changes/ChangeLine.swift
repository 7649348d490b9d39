import Foundation

/// One change as a line of JSON, as `sitroom apply` reads it. `officer` and `at` may be left out:
/// they default to the applying officer and the time of entry.
public enum ChangeLine {
    struct Envelope: Decodable {
        var officer: String?
        var at: Date?
    }

    public static func parse(_ line: String, officer: String, now: Date) throws -> Change {
        let data = Data(line.utf8)
        let decoder = SitRoomJSON.decoder()
        do {
            let envelope = try decoder.decode(Envelope.self, from: data)
            let action = try decoder.decode(ChangeActionBox.self, from: data).action
            return Change(officer: envelope.officer ?? officer, at: envelope.at ?? now, action: action)
        } catch let error as DecodingError {
            throw ChangeError(describe(error))
        } catch {
            throw ChangeError("not valid JSON: \(error)")
        }
    }

    private struct ChangeActionBox: Decodable {
        let action: ChangeAction
        init(from decoder: Decoder) throws { action = try ChangeAction(from: decoder) }
    }

    /// DecodingError's own text is written for programmers; this is for the person who wrote the line.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(let type, let context):
            return "wrong type\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "missing value\(path(context)): expected \(type)"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as NSError?, context.codingPath.isEmpty {
                return "not valid JSON (\(underlying.localizedDescription))"
            }
            return "\(context.debugDescription)\(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}
