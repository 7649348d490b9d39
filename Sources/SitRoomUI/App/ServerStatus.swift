import Foundation

/// Where this console's change log is, as far as the screen cares: on this host (nothing to show),
/// or on a server that may be out of reach.
public enum ServerStatus: Equatable, Sendable {
    case local
    case connected(server: String)
    /// Since when, why, and when the next try is due (nil: trying now).
    case disconnected(server: String, since: Date, reason: String, nextTry: Date?)

    public var isDisconnected: Bool {
        if case .disconnected = self { return true }
        return false
    }
}
