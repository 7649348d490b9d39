import Foundation

/// How big a generated scenario is: `hospitals=3000,contacts=1000,log=100000,changes=200000`.
public struct ScenarioSpec: Sendable, Equatable, CustomStringConvertible {
    public var hospitals: Int
    public var contacts: Int
    /// Log entries in the set-up (the snapshot).
    public var log: Int
    /// Changes after the set-up (the journal).
    public var changes: Int

    public static let keys = ["hospitals", "contacts", "log", "changes"]
    /// The default of each key.
    public static let standard = ScenarioSpec(hospitals: 3_000, contacts: 1_000, log: 100_000, changes: 200_000)
    /// The largest value each key takes (hospital ids have room for about 100,000).
    public static let limits = ScenarioSpec(hospitals: 100_000, contacts: 100_000, log: 10_000_000, changes: 10_000_000)

    public init(hospitals: Int, contacts: Int, log: Int, changes: Int) {
        self.hospitals = hospitals
        self.contacts = contacts
        self.log = log
        self.changes = changes
    }

    /// Reads `key=N,key=N,...`; a key left out takes its default (`standard`), an empty text means
    /// all the defaults. Unknown or repeated keys, numbers that are not whole, negative or too big,
    /// and fewer than one hospital are errors.
    public init(parsing text: String) throws(ScenarioSpecError) {
        var spec = Self.standard
        var seen: Set<String> = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            self = spec
            return
        }
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            guard parts.count == 2 else {
                throw ScenarioSpecError("\"\(item)\" is not key=number (keys: \(Self.keys.joined(separator: ", ")))")
            }
            guard Self.keys.contains(key) else {
                throw ScenarioSpecError("unknown key \"\(key)\"; known: \(Self.keys.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw ScenarioSpecError("\(key) is given twice") }
            let digits = parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            let limit = Self.limits[key]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let n = Int(digits) else {
                throw ScenarioSpecError("\(key)=\(parts[1]): expected a whole number from \(key == "hospitals" ? 1 : 0) to \(limit)")
            }
            guard n <= limit, key != "hospitals" || n >= 1 else {
                throw ScenarioSpecError("\(key)=\(n): expected a whole number from \(key == "hospitals" ? 1 : 0) to \(limit)")
            }
            spec[key] = n
        }
        self = spec
    }

    private subscript(key: String) -> Int {
        get {
            switch key {
            case "hospitals": hospitals
            case "contacts": contacts
            case "log": log
            default: changes
            }
        }
        set {
            switch key {
            case "hospitals": hospitals = newValue
            case "contacts": contacts = newValue
            case "log": log = newValue
            default: changes = newValue
            }
        }
    }

    public var description: String {
        "hospitals=\(hospitals),contacts=\(contacts),log=\(log),changes=\(changes)"
    }
}

public struct ScenarioSpecError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
