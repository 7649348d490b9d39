import Foundation
import SitRoomCore
import TOMLKit

/// The data directory's `alerts.toml`: the thresholds every writing console applies, so that all of
/// them raise and clear the same alerts. A missing file means the defaults; a wrong one is an error
/// naming the line, never silently half-read.
public enum AlertRulesFile {
    public static let name = "alerts.toml"

    public static func path(in directory: DataDirectory) -> String { directory.path + "/" + name }

    /// The rules in the directory's file, or the defaults when there is none.
    public static func load(from directory: DataDirectory) throws -> AlertRules {
        let path = path(in: directory)
        guard let data = try directory.fs.readFile(path) else { return .defaults }
        do {
            return try parse(String(decoding: data, as: UTF8.self))
        } catch let error as AlertRulesError {
            throw AlertRulesError(message: "\(path): \(error.message)")
        }
    }

    /// Writes the commented default file (for `sitroom init`); leaves an existing one alone.
    public static func writeDefault(in directory: DataDirectory) throws {
        let path = path(in: directory)
        guard try directory.fs.status(path) == nil else { return }
        try directory.writeDurably(Array(defaultText.utf8), to: path)
    }

    public static func parse(_ text: String) throws -> AlertRules {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw AlertRulesError(message: "line \(error.source.begin.line): \(error.description)")
        }
        var rules = AlertRules()
        for section in root.keys {
            guard let keys = fields[section] else {
                throw AlertRulesError(message: "unknown section [\(section)]; known: \(fields.keys.sorted().joined(separator: ", "))")
            }
            guard let table = root[section]?.table else { throw AlertRulesError(message: "[\(section)] must be a table") }
            for key in table.keys {
                guard let field = keys[key] else {
                    throw AlertRulesError(message: "unknown key \(section).\(key); known: \(keys.keys.sorted().joined(separator: ", "))")
                }
                let value = table[key]!
                switch field {
                case .flag(let path):
                    guard let b = value.bool else { throw AlertRulesError(message: "\(section).\(key) must be true or false") }
                    rules[keyPath: path] = b
                case .number(let path, let range):
                    guard let n = value.int, range.contains(n) else {
                        throw AlertRulesError(message: "\(section).\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                    }
                    rules[keyPath: path] = n
                case .codes(let path):
                    rules[keyPath: path] = try codes(value, "\(section).\(key)")
                }
            }
        }
        do { try rules.validate() } catch let error as ChangeError { throw AlertRulesError(message: error.message) }
        return rules
    }

    enum Field {
        case flag(WritableKeyPath<AlertRules, Bool>)
        case number(WritableKeyPath<AlertRules, Int>, ClosedRange<Int>)
        case codes(WritableKeyPath<AlertRules, [String]>)
    }

    /// A list of condition codes: strings, each one word, none twice.
    private static func codes(_ value: any TOMLValueConvertible, _ name: String) throws -> [String] {
        let form = "\(name) must be a list of condition codes, e.g. [\"Y0010\", \"Y0020\"] ([] = every condition)"
        guard let array = value.array else { throw AlertRulesError(message: form) }
        var out: [String] = []
        for item in array {
            guard let code = item.string else { throw AlertRulesError(message: form) }
            guard !code.isEmpty, !code.contains(where: { $0.isWhitespace || $0 == "/" }) else {
                throw AlertRulesError(message: "\(name): \"\(code)\" is not a condition code (one word, no spaces or /)")
            }
            guard !out.contains(code) else { throw AlertRulesError(message: "\(name) lists \(code) twice") }
            out.append(code)
        }
        return out
    }

    static var fields: [String: [String: Field]] { [
        "er": ["closed": .flag(\.erClosed), "diverting": .flag(\.erDiverting)],
        "icu": [
            "adult_below": .number(\.icuBelow, AlertRules.countRange), "adult_below_percent": .number(\.icuBelowPercent, AlertRules.percentRange),
            "neonatal_below": .number(\.nicuBelow, AlertRules.countRange), "neonatal_below_percent": .number(\.nicuBelowPercent, AlertRules.percentRange),
        ],
        "doctors": ["below_minimum": .flag(\.doctorsShort)],
        "reports": ["stale": .flag(\.staleReport)],
        "actions": ["overdue": .flag(\.actionOverdue)],
        "strike": ["compliance_below_percent": .number(\.complianceBelowPercent, AlertRules.percentRange)],
        "security": [
            "police_late_minutes": .number(\.policeLateMinutes, AlertRules.minutesRange), "open_hours": .number(\.securityOpenHours, AlertRules.hoursRange),
            "level_high": .flag(\.securityLevelHigh), "repeat_hours": .number(\.securityRepeatHours, AlertRules.hoursRange),
        ],
        "console": ["bell": .flag(\.bell)],
        "capability": [
            "watch": .codes(\.watchedConditions), "region_below": .number(\.capableInRegionBelow, AlertRules.countRange),
            "national_below": .number(\.capableNationallyBelow, AlertRules.countRange),
            "lost_below_normal": .number(\.capabilityLostBelowNormal, AlertRules.countRange),
            "restriction_at_regional_centre": .flag(\.restrictionAtRegionalCentre),
        ],
    ] }

    public static let defaultText = """
        # sitroom alert rules. Every console that writes to this data directory reads this file at
        # start, so all of them raise and clear the same alerts. Restart the consoles after editing,
        # or put the rules on the board with `sitroom alerts --load FILE` (an admin): every console,
        # a server's too, then follows them at once, and this file is no longer read.

        [er]
        closed = true             # an ER reported closed (critical)
        diverting = true          # an ER diverting ambulances

        [icu]
        adult_below = 1           # adult ICU beds available below this many (1: the ICU is full) ...
        adult_below_percent = 0   # ... or below this % of the staffed beds (0: off)
        neonatal_below = 1        # the same for the neonatal ICU
        neonatal_below_percent = 0

        [doctors]
        below_minimum = true      # ER or ICU doctors on duty below the hospital's minimum

        [reports]
        stale = true              # a report older than the hospital's update interval

        [actions]
        overdue = true            # an open action item past its due time

        [strike]
        compliance_below_percent = 0   # return-to-work orders complied of issued below this %, per
                                       # hospital; 0 = off (in a general walk-out it is near 0 everywhere)

        [security]
        police_late_minutes = 20  # police not on scene this long after notified (critical); 0 = off
        open_hours = 12           # a hospital security incident open longer than this; 0 = off
        level_high = true         # a hospital at security level high or lockdown
        repeat_hours = 6          # an open incident at a hospital that had another within this; 0 = off

        [console]
        bell = false              # ring the terminal bell when an alert is raised

        [capability]
        watch = []                # condition codes the rules below watch, e.g. ["Y0010", "Y0020"]
                                  # ([] = every condition in the board's table; `sitroom conditions`)
        region_below = 1          # a region with fewer open or limited ERs able to take a watched
                                  # condition: no-capability/<region>/<code>, critical when none can,
                                  # else a warning; only once an ER there has reported on it; 0 = off
        national_below = 1        # the same for the whole country: no-capability/national/<code>
        lost_below_normal = 1     # an open ER reporting this many conditions fewer available than its
                                  # normal (`sitroom baseline`): capability-lost (notice); 0 = off
        restriction_at_regional_centre = true   # a restriction notice in force at a regional
                                                # emergency centre (warning)

        """
}

public struct AlertRulesError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { "alert rules: \(message)" }
}

extension AlertRulesFile {
    /// What a writer hands `ChangeLog.commit(_:deriving:)`: the alert changes the rules ask for
    /// after a commit (the board's own once set, else `rules`), looking only at what the commit
    /// touched (`subjects`), or at everything.
    public static func deriver(_ rules: AlertRules, officer: String, subjects: Set<String>? = nil) -> (Board) -> [Change] {
        { board in board.alertChanges(board.effectiveAlertRules(rules), at: Date(), officer: officer, subjects: subjects) }
    }

    /// The same with the rules read from `directory` (the defaults if its file is missing or wrong).
    public static func deriver(for directory: DataDirectory, officer: String) -> (Board) -> [Change] {
        deriver((try? load(from: directory)) ?? .defaults, officer: officer)
    }
}
