import Foundation

/// Normal-time values to hold today's figures against: national figures by name, and each
/// hospital's by name. Each is stamped with the moment it describes and the officer who set it.
public struct Baselines: Codable, Sendable, Equatable {
    public var national: [String: Reported<Int>]
    /// Hospital id → figure name → value.
    public var hospitals: [String: [String: Reported<Int>]]

    public init(national: [String: Reported<Int>] = [:], hospitals: [String: [String: Reported<Int>]] = [:]) {
        self.national = national
        self.hospitals = hospitals
    }

    public var isEmpty: Bool { national.isEmpty && hospitals.isEmpty }

    public func national(_ figure: String) -> Int? { national[figure]?.value }
    public func hospital(_ id: String, _ figure: String) -> Int? { hospitals[id]?[figure]?.value }
}

/// Baseline values as a change carries them (`baseline.set`, `baseline.take`): unstamped; the
/// change stamps them with `moment` (the time they describe; the change's time when left out).
public struct BaselineValues: Codable, Sendable, Equatable {
    public var moment: Date?
    public var national: [String: Int]
    public var hospitals: [String: [String: Int]]

    public init(moment: Date? = nil, national: [String: Int] = [:], hospitals: [String: [String: Int]] = [:]) {
        self.moment = moment
        self.national = national
        self.hospitals = hospitals
    }

    enum CodingKeys: String, CodingKey { case moment, national, hospitals }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(moment: try c.decodeIfPresent(Date.self, forKey: .moment),
                  national: try c.decodeIfPresent([String: Int].self, forKey: .national) ?? [:],
                  hospitals: try c.decodeIfPresent([String: [String: Int]].self, forKey: .hospitals) ?? [:])
    }

    public var count: Int { national.count + hospitals.values.reduce(0) { $0 + $1.count } }
}

/// The names of the figures a baseline can hold.
public enum BaselineFigure {
    /// ERs open or limited.
    public static let openERs = "openERs"
    public static let erBedsStaffed = "erBedsStaffed"
    public static let erBedsAvailable = "erBedsAvailable"
    public static let icuBedsAvailable = "icuBedsAvailable"
    public static let erDoctorsOnDuty = "erDoctorsOnDuty"
    /// ERs open around the clock (reported `24h`).
    public static let allDayERs = "allDayERs"
    public static let visitsTotal = "visitsTotal"
    public static let visitsSevere = "visitsSevere"
    public static let visitsMild = "visitsMild"
    /// Per hospital: how many of the table's conditions it reports available.
    public static let capabilityCount = "capabilityCount"
    /// National, one per condition: `capable/Y0020`, the open or limited ERs reporting it available.
    public static let capablePrefix = "capable/"

    public static func capable(_ code: String) -> String { capablePrefix + code }

    public static let national = [openERs, erBedsStaffed, erBedsAvailable, icuBedsAvailable, erDoctorsOnDuty, allDayERs,
                                  visitsTotal, visitsSevere, visitsMild]
    public static let perHospital = [erBedsStaffed, erDoctorsOnDuty, capabilityCount, visitsTotal]
}

extension Board {
    /// Today's values of every baseline figure, national and per hospital (for `baseline.take`, and
    /// to set beside the baselines). Only figures that are reported are given.
    public func baselineValues(at now: Date) -> BaselineValues {
        var national: [String: Int] = [:]
        var perHospital: [String: [String: Int]] = [:]
        let s = summary(at: now)
        national[BaselineFigure.openERs] = s.count(.open) + s.count(.limited)
        national[BaselineFigure.erBedsStaffed] = s.erBeds.staffed
        national[BaselineFigure.erBedsAvailable] = s.erBeds.available
        national[BaselineFigure.icuBedsAvailable] = s.icuBeds.available
        national[BaselineFigure.erDoctorsOnDuty] = s.erDoctors.onDuty
        var allDay = 0, total = 0, severe = 0, mild = 0
        var capable: [String: Int] = Dictionary(uniqueKeysWithValues: conditions.codes.map { ($0, 0) })
        for h in hospitals.values {
            var figures: [String: Int] = [:]
            if let beds = h.erBeds?.value { figures[BaselineFigure.erBedsStaffed] = beds.staffed }
            if let doctors = h.erDoctors?.value { figures[BaselineFigure.erDoctorsOnDuty] = doctors.onDuty }
            if let cap = capabilities[h.id] {
                if !cap.conditions.isEmpty { figures[BaselineFigure.capabilityCount] = cap.availableCount(of: conditions) }
                if let v = cap.visits?.value {
                    figures[BaselineFigure.visitsTotal] = v.total
                    total += v.total
                    severe += v.severe
                    mild += v.mild
                }
                let open = h.erState == .open || h.erState == .limited
                if open, cap.hours?.value.isAllDay == true { allDay += 1 }
                if open {
                    for (code, status) in cap.conditions where status.value.availability == .available && capable[code] != nil {
                        capable[code, default: 0] += 1
                    }
                }
            }
            if !figures.isEmpty { perHospital[h.id] = figures }
        }
        national[BaselineFigure.allDayERs] = allDay
        national[BaselineFigure.visitsTotal] = total
        national[BaselineFigure.visitsSevere] = severe
        national[BaselineFigure.visitsMild] = mild
        for (code, n) in capable { national[BaselineFigure.capable(code)] = n }
        return BaselineValues(moment: now, national: national, hospitals: perHospital)
    }
}
