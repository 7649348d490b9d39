import SitRoomCore

/// An enum written as one byte: its place in `wireCases`. The tables are spelled out rather than
/// taken from `allCases`, so that a case added in the middle of a declaration (ERState is "worst
/// last") cannot renumber what older files hold: append new cases, never reorder.
protocol WireEnum: Equatable {
    static var wireCases: [Self] { get }
}

extension WireWriter {
    mutating func code<E: WireEnum>(_ value: E) {
        // A case missing from its table is a programming error, caught by the coding tests.
        byte(UInt8(E.wireCases.firstIndex(of: value)!))
    }
}

extension WireReader {
    mutating func code<E: WireEnum>(_: E.Type) throws -> E { try code(E.wireCases, "\(E.self)") }
}

extension HospitalClass: WireEnum {
    static let wireCases: [HospitalClass] = [.regionalCentre, .localCentre, .localInstitution, .registeredER, .other]
}

extension ERState: WireEnum {
    static let wireCases: [ERState] = [.open, .limited, .diverting, .closed]
}

extension ActionStatus: WireEnum {
    static let wireCases: [ActionStatus] = [.open, .done, .cancelled]
}

extension AgencyKind: WireEnum {
    static let wireCases: [AgencyKind] = [.ministry, .police, .fire, .military, .localGovernment, .health, .other]
}

extension CallOutcome: WireEnum {
    static let wireCases: [CallOutcome] = [.reached, .noAnswer, .leftMessage]
}

extension AlertRule: WireEnum {
    static let wireCases: [AlertRule] = [
        .erClosed, .erDiverting, .icuLow, .nicuLow, .doctorsShort, .staleReport, .actionOverdue, .complianceLow,
        .noCapability, .capabilityLost, .restrictionAtCentre,
        .policeLate, .securityOpenLong, .securityLevel, .securityRepeat,
    ]
}

extension Severity: WireEnum {
    static let wireCases: [Severity] = [.info, .notice, .warning, .critical]
}

extension StrikeForm: WireEnum {
    static let wireCases: [StrikeForm] = [.walkout, .unlimitedStrike, .collectiveResignation, .rally, .workToRule, .other]
}
