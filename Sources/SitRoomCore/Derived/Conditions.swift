import Foundation

/// A condition on the board that needs someone's attention (an ER closed, an ICU full, a stale
/// report, an overdue action). Derived, never stored.
public struct Condition: Equatable, Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case erClosed = "er-closed", erDiverting = "er-diverting", icuFull = "icu-full"
        case doctorsShort = "doctors-short", staleReport = "stale-report", actionOverdue = "action-overdue"
    }

    public var kind: Kind
    /// The hospital or action item concerned.
    public var subject: String
    public var text: String
    public var severity: Severity
}

extension Board {
    /// Every condition, worst first.
    public func conditions(at now: Date) -> [Condition] {
        var out: [Condition] = []
        for h in hospitals.values {
            switch h.erState {
            case .closed?: out.append(Condition(kind: .erClosed, subject: h.id, text: "\(h.name) ER closed", severity: .critical))
            case .diverting?:
                out.append(Condition(kind: .erDiverting, subject: h.id, text: "\(h.name) ER diverting", severity: .warning))
            default: break
            }
            if let icu = h.icuBeds?.value, icu.staffed > 0, icu.available == 0 {
                out.append(Condition(kind: .icuFull, subject: h.id, text: "\(h.name) ICU full", severity: .warning))
            }
            if let d = h.erDoctors?.value, d.isShort {
                out.append(Condition(kind: .doctorsShort, subject: h.id,
                                     text: "\(h.name) ER doctors \(d.onDuty)/\(d.minimum)", severity: .warning))
            }
            if h.isStale(at: now) {
                out.append(Condition(kind: .staleReport, subject: h.id, text: "\(h.name) report stale", severity: .notice))
            }
        }
        for a in actions.values where a.isOverdue(at: now) {
            out.append(Condition(kind: .actionOverdue, subject: a.id, text: "overdue: \(a.text)", severity: .warning))
        }
        return out.sorted { ($1.severity, $0.kind.rawValue, $0.text) < ($0.severity, $1.kind.rawValue, $1.text) }
    }
}
