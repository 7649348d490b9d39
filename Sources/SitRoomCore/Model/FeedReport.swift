import Foundation

/// One hospital's figures from an automatic feed (the NEMC's E-Gen), as of the feed's own input
/// time. Applied figure by figure: a figure the board has from after `asOf` stays as it is.
public struct FeedReport: Codable, Sendable, Equatable {
    /// Who the figures are stamped by, e.g. `E-Gen`.
    public var source: String
    /// The feed's input time for these figures (E-Gen's `hvidate`).
    public var asOf: Date
    public var erBeds: Capacity?
    public var icuBeds: Capacity?
    public var nicuBeds: Capacity?
    public var capability: CapabilityReport

    public static let egen = "E-Gen"
    /// How recent a hand-entered figure must be for a differing feed value to show as a conflict.
    public static let conflictWindow: TimeInterval = 3600

    public init(source: String = FeedReport.egen, asOf: Date, erBeds: Capacity? = nil, icuBeds: Capacity? = nil,
                nicuBeds: Capacity? = nil, capability: CapabilityReport = CapabilityReport()) {
        self.source = source
        self.asOf = asOf
        self.erBeds = erBeds
        self.icuBeds = icuBeds
        self.nicuBeds = nicuBeds
        self.capability = capability
    }

    public var isEmpty: Bool { erBeds == nil && icuBeds == nil && nicuBeds == nil && capability.isEmpty }
}

/// A figure the feed gives differently from what an officer entered by hand in the hour around the
/// feed's time: both values are kept so the double entry is visible (the row's mark, the detail).
public struct FeedConflict: Codable, Sendable, Equatable {
    /// The figure in words: `ER beds`, `stroke`, `CT`.
    public var figure: String
    /// The value entered by hand, as shown (`3/36`, `✗`), and who entered it when.
    public var hand: String
    public var handStamp: Stamp
    /// The feed's value, as shown, and its input time.
    public var feed: String
    public var feedStamp: Stamp

    public init(figure: String, hand: String, handStamp: Stamp, feed: String, feedStamp: Stamp) {
        self.figure = figure
        self.hand = hand
        self.handStamp = handStamp
        self.feed = feed
        self.feedStamp = feedStamp
    }

    /// `ER beds: 3/36 by kim 02:01, E-Gen 4/36 at 02:05`.
    public func described(timeZone: TimeZone) -> String {
        "\(figure): \(hand) by \(handStamp.by) \(Self.clock(handStamp.at, timeZone)), \(feedStamp.by) \(feed) at \(Self.clock(feedStamp.at, timeZone))"
    }

    static func clock(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}

/// What undoing a feed report sets back: the hospital's bed figures it gave, its capability figures,
/// and the hospital's conflicts, each as they were.
public struct FeedUndo: Codable, Sendable, Equatable {
    public var fields: [Hospital.Figure]
    public var hospital: Hospital
    public var keys: CapabilityKeys
    public var capability: HospitalCapability
    public var conflicts: [FeedConflict]

    public init(fields: [Hospital.Figure], hospital: Hospital, keys: CapabilityKeys, capability: HospitalCapability,
                conflicts: [FeedConflict]) {
        self.fields = fields
        self.hospital = hospital
        self.keys = keys
        self.capability = capability
        self.conflicts = conflicts
    }
}
