import Foundation

/// Where this console's change log is, as far as the screen cares: on this host (nothing to show),
/// or on a server that may be out of reach.
public enum ServerStatus: Equatable, Sendable {
    case local
    case connected(server: String)
    /// Since when, why, and when the next try is due (nil: trying now).
    case disconnected(server: String, since: Date, reason: String, nextTry: Date?)
    /// Reachable, but this console must not write to it any more (it is behind what this console
    /// saw): following goes on, saving needs a restart.
    case writingStopped(server: String, reason: String)

    public var isDisconnected: Bool {
        if case .disconnected = self { return true }
        return false
    }

    /// Disconnected or stopped: the banner replaces the national figures.
    public var isAlarming: Bool {
        switch self {
        case .local, .connected: false
        case .disconnected, .writingStopped: true
        }
    }
}
