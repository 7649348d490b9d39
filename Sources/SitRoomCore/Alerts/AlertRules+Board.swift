import Foundation

// The alert rules kept on the board (`rules.set`, issue 18): set by an admin, shared by every console
// of the situation (a data directory or a server) and followed live. Without them a console uses the
// data directory's alerts.toml, or the defaults.

extension AlertRules {
    /// The ranges the numbers may take; the TOML reader and `rules.set` hold them alike.
    public static let countRange = 0...10_000
    public static let percentRange = 0...100
    public static let minutesRange = 0...1_440
    public static let hoursRange = 0...720
    /// Most condition codes `capability.watch` may list.
    public static let watchedLimit = 200

    enum CodingKeys: String, CodingKey {
        case erClosed = "er_closed", erDiverting = "er_diverting"
        case icuBelow = "icu_below", icuBelowPercent = "icu_below_percent"
        case nicuBelow = "nicu_below", nicuBelowPercent = "nicu_below_percent"
        case doctorsShort = "doctors_short", staleReport = "stale_report", actionOverdue = "action_overdue"
        case complianceBelowPercent = "compliance_below_percent"
        case policeLateMinutes = "police_late_minutes", securityOpenHours = "security_open_hours"
        case securityLevelHigh = "security_level_high", securityRepeatHours = "security_repeat_hours"
        case bell
        case capableInRegionBelow = "capable_in_region_below", capableNationallyBelow = "capable_nationally_below"
        case watchedConditions = "watched_conditions", capabilityLostBelowNormal = "capability_lost_below_normal"
        case restrictionAtRegionalCentre = "restriction_at_regional_centre"
    }

    /// A key that is absent takes its default, so rules written before a rule existed still read.
    /// (Encoding is synthesized from `CodingKeys`: the conformance is declared with the type.)
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        func read<T: Decodable>(_ path: WritableKeyPath<AlertRules, T>, _ key: CodingKeys) throws {
            if let value = try c.decodeIfPresent(T.self, forKey: key) { self[keyPath: path] = value }
        }
        try read(\.erClosed, .erClosed)
        try read(\.erDiverting, .erDiverting)
        try read(\.icuBelow, .icuBelow)
        try read(\.icuBelowPercent, .icuBelowPercent)
        try read(\.nicuBelow, .nicuBelow)
        try read(\.nicuBelowPercent, .nicuBelowPercent)
        try read(\.doctorsShort, .doctorsShort)
        try read(\.staleReport, .staleReport)
        try read(\.actionOverdue, .actionOverdue)
        try read(\.complianceBelowPercent, .complianceBelowPercent)
        try read(\.policeLateMinutes, .policeLateMinutes)
        try read(\.securityOpenHours, .securityOpenHours)
        try read(\.securityLevelHigh, .securityLevelHigh)
        try read(\.securityRepeatHours, .securityRepeatHours)
        try read(\.bell, .bell)
        try read(\.capableInRegionBelow, .capableInRegionBelow)
        try read(\.capableNationallyBelow, .capableNationallyBelow)
        try read(\.watchedConditions, .watchedConditions)
        try read(\.capabilityLostBelowNormal, .capabilityLostBelowNormal)
        try read(\.restrictionAtRegionalCentre, .restrictionAtRegionalCentre)
    }

    /// The same checks the TOML reader makes, for rules that arrive as a change.
    public func validate() throws {
        func within(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws {
            try require(range.contains(value), "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        for (value, name) in [(icuBelow, "icu.adult_below"), (nicuBelow, "icu.neonatal_below"),
                              (capableInRegionBelow, "capability.region_below"),
                              (capableNationallyBelow, "capability.national_below"),
                              (capabilityLostBelowNormal, "capability.lost_below_normal")] {
            try within(value, Self.countRange, name)
        }
        for (value, name) in [(icuBelowPercent, "icu.adult_below_percent"), (nicuBelowPercent, "icu.neonatal_below_percent"),
                              (complianceBelowPercent, "strike.compliance_below_percent")] {
            try within(value, Self.percentRange, name)
        }
        try within(policeLateMinutes, Self.minutesRange, "security.police_late_minutes")
        try within(securityOpenHours, Self.hoursRange, "security.open_hours")
        try within(securityRepeatHours, Self.hoursRange, "security.repeat_hours")
        try require(watchedConditions.count <= Self.watchedLimit,
                    "capability.watch lists \(watchedConditions.count) codes; at most \(Self.watchedLimit)", field: "capability.watch")
        for code in watchedConditions {
            try require(!code.isEmpty && code.count <= 32 && !code.contains(where: { $0.isWhitespace || $0 == "/" }),
                        "capability.watch: \"\(code.prefix(32))\" is not a condition code (one word, no spaces or /)",
                        field: "capability.watch")
        }
        try require(Set(watchedConditions).count == watchedConditions.count, "capability.watch lists a code twice", field: "capability.watch")
    }
}

extension Board {
    /// The rules every console of this situation applies: the board's own once an admin has set
    /// them, else `local` (the data directory's alerts.toml, or the defaults).
    public func effectiveAlertRules(_ local: AlertRules) -> AlertRules { alertRules ?? local }
}
