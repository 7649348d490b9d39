import SitRoomCore

/// How an ER state looks in a table cell: its colour role and a short label. (Figures, ages and
/// times are formatted by SitRoomCore's `Format`, shared with the SITREP.)
extension ERState {
    public var role: Role {
        switch self {
        case .open: .erOpen
        case .limited: .erLimited
        case .diverting: .erDiverting
        case .closed: .erClosed
        }
    }

    /// Upper case for the states that need attention, so they read without colour too.
    public var label: String {
        switch self {
        case .open: "open"
        case .limited: "LIMITED"
        case .diverting: "DIVERT"
        case .closed: "CLOSED"
        }
    }
}
