import Foundation

/// The national figures of the summary strip and the SITREP.
public struct NationalSummary: Equatable, Sendable {
    public var hospitals = 0
    public var erStates: [ERState: Int] = [:]
    public var erBeds = Capacity(available: 0, staffed: 0)
    public var icuBeds = Capacity(available: 0, staffed: 0)
    public var nicuBeds = Capacity(available: 0, staffed: 0)
    public var picuBeds = Capacity(available: 0, staffed: 0)
    public var erDoctors = Staffing(onDuty: 0, minimum: 0)
    public var traineesOnRoll = 0
    public var traineesAbsent = 0
    public var traineesReturned = 0
    public var resignations = 0
    public var ordersIssued = 0
    public var ordersServed = 0
    public var ordersComplied = 0
    public var stale = 0
    public var shortOfDoctors = 0
    public var openActions = 0
    public var overdueActions = 0

    public init() {}

    public func count(_ state: ERState) -> Int { erStates[state, default: 0] }

    public var absentShare: Double? {
        traineesOnRoll > 0 ? Double(traineesAbsent) / Double(traineesOnRoll) : nil
    }
}

extension Board {
    public func summary(at now: Date) -> NationalSummary {
        var s = NationalSummary()
        func add(_ total: inout Capacity, _ r: Reported<Capacity>?) {
            guard let c = r?.value else { return }
            total.available += c.available
            total.staffed += c.staffed
        }
        for h in hospitals.values {
            s.hospitals += 1
            if let state = h.erState { s.erStates[state, default: 0] += 1 }
            add(&s.erBeds, h.erBeds)
            add(&s.icuBeds, h.icuBeds)
            add(&s.nicuBeds, h.nicuBeds)
            add(&s.picuBeds, h.picuBeds)
            if let d = h.erDoctors?.value {
                s.erDoctors.onDuty += d.onDuty
                s.erDoctors.minimum += d.minimum
                if d.isShort { s.shortOfDoctors += 1 }
            }
            s.traineesOnRoll += h.traineesOnRoll?.value ?? 0
            s.traineesAbsent += h.traineesAbsent?.value ?? 0
            s.traineesReturned += h.traineesReturned?.value ?? 0
            s.resignations += h.resignations?.value ?? 0
            s.ordersIssued += h.ordersIssued?.value ?? 0
            s.ordersServed += h.ordersServed?.value ?? 0
            s.ordersComplied += h.ordersComplied?.value ?? 0
            if h.isStale(at: now) { s.stale += 1 }
        }
        for a in actions.values where a.status == .open {
            s.openActions += 1
            if a.isOverdue(at: now) { s.overdueActions += 1 }
        }
        return s
    }
}
