import Foundation

/// Who reported a figure, and when. Every figure on the board carries one.
public struct Stamp: Codable, Sendable, Hashable {
    public var at: Date
    public var by: String

    public init(at: Date, by: String) {
        self.at = at
        self.by = by
    }
}

/// A value together with its own as-of time and reporting officer.
public struct Reported<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var value: Value
    public var at: Date
    public var by: String

    public init(_ value: Value, at: Date, by: String) {
        self.value = value
        self.at = at
        self.by = by
    }

    public init(_ value: Value, _ stamp: Stamp) {
        self.init(value, at: stamp.at, by: stamp.by)
    }

    public var stamp: Stamp { Stamp(at: at, by: by) }
}

/// Beds (or any resource) available now of those staffed.
public struct Capacity: Codable, Sendable, Equatable {
    public var available: Int
    public var staffed: Int

    public init(available: Int, staffed: Int) {
        self.available = available
        self.staffed = staffed
    }
}

/// Doctors on duty against the minimum the unit needs.
public struct Staffing: Codable, Sendable, Equatable {
    public var onDuty: Int
    public var minimum: Int

    public init(onDuty: Int, minimum: Int) {
        self.onDuty = onDuty
        self.minimum = minimum
    }

    public var isShort: Bool { onDuty < minimum }
}
