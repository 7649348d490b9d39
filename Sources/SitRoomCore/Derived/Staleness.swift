import Foundation

extension Hospital {
    /// Every figure's stamp, for "last reported" and staleness.
    public var stamps: [Stamp] {
        var out: [Stamp] = []
        func add<T>(_ r: Reported<T>?) { if let r { out.append(r.stamp) } }
        add(erStatus); add(erBeds); add(icuBeds); add(nicuBeds); add(picuBeds); add(erDoctors); add(icuDoctors)
        add(traineesOnRoll); add(traineesAbsent); add(resignations); add(traineesReturned)
        add(ordersIssued); add(ordersServed); add(ordersComplied); add(policePost); add(openIncidents)
        return out
    }

    /// The newest coverage report (ER status, beds, doctors): what "age of the report" means on the wall.
    public var lastCoverageReport: Stamp? {
        [erStatus?.stamp, erBeds?.stamp, icuBeds?.stamp, erDoctors?.stamp].compactMap { $0 }.max { $0.at < $1.at }
    }

    /// A report older than the hospital's update interval is stale; no report at all is stale too.
    public func isStale(at now: Date) -> Bool {
        guard let last = lastCoverageReport else { return true }
        return now.timeIntervalSince(last.at) > Double(updateIntervalMinutes) * 60
    }

    public func isStale(_ stamp: Stamp, at now: Date) -> Bool {
        now.timeIntervalSince(stamp.at) > Double(updateIntervalMinutes) * 60
    }

    public var erState: ERState? { erStatus?.value.state }

    /// Share of trainees on the roll who are absent, 0...1.
    public var absentShare: Double? {
        guard let roll = traineesOnRoll?.value, roll > 0, let absent = traineesAbsent?.value else { return nil }
        return Double(absent) / Double(roll)
    }
}
