/// Thresholds for the alert rules. Every writing console must use the same ones (they live in the
/// data directory's `alerts.toml`), or two consoles would raise and clear the same alert in turn.
public struct AlertRules: Sendable, Equatable, Codable {
    public var erClosed = true
    public var erDiverting = true
    /// Adult ICU: alert when beds available < `icuBelow`, or < `icuBelowPercent` % of staffed.
    public var icuBelow = 1
    public var icuBelowPercent = 0
    /// Neonatal ICU, likewise.
    public var nicuBelow = 1
    public var nicuBelowPercent = 0
    /// ER or ICU doctors on duty below the minimum.
    public var doctorsShort = true
    /// A hospital whose last report is older than its update interval (never-reported ones are
    /// shown as stale on the board but raise no alert, so that an import of 3,000 does not raise 3,000).
    public var staleReport = true
    public var actionOverdue = true
    /// Orders complied of orders issued, per hospital; 0 (the default) turns the rule off: in a
    /// general walk-out compliance is near zero everywhere, and an alert on every hospital is noise.
    public var complianceBelowPercent = 0
    /// Police not on scene this many minutes after they were notified (critical); 0 = off.
    public var policeLateMinutes = 20
    /// A security incident open longer than this many hours; 0 = off.
    public var securityOpenHours = 12
    /// A hospital at security level high or lockdown.
    public var securityLevelHigh = true
    /// An open incident at a hospital that had another within this many hours before it; 0 = off.
    public var securityRepeatHours = 6
    /// Ring the terminal bell when an alert is raised.
    public var bell = false
    /// Capability (CapabilityAlerts.swift): a region, and the whole country, with fewer open or
    /// limited ERs able to take a watched condition than these raise `no-capability` (critical when
    /// none can, else a warning); 1 means "none left", 0 turns the rule off.
    public var capableInRegionBelow = 1
    public var capableNationallyBelow = 1
    /// The condition codes the capability rules watch; empty means every condition in the board's table.
    public var watchedConditions: [String] = []
    /// An open or limited ER reporting at least this many conditions fewer available than its normal
    /// (its `capabilityCount` baseline) raises `capability-lost` (notice); 0 turns the rule off.
    public var capabilityLostBelowNormal = 1
    /// A restriction notice in force at a regional emergency centre (warning).
    public var restrictionAtRegionalCentre = true

    public init() {}

    public static let defaults = AlertRules()
}
