import Foundation
import SitRoomChangeStore

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

    /// What a store says of itself: how it can be reached, where it is (`ChangeStore.location`), and
    /// why writing stopped, if it did.
    public init(link: StoreLink, location: String, failure: String?) {
        switch link {
        case .local: self = .local
        case .connected: self = failure.map { .writingStopped(server: location, reason: $0) } ?? .connected(server: location)
        case .disconnected(let since, let reason, let nextTry):
            self = .disconnected(server: location, since: since, reason: reason, nextTry: nextTry)
        }
    }

    /// The server's address; nil for a data directory.
    public var server: String? {
        switch self {
        case .local: nil
        case .connected(let server), .disconnected(let server, _, _, _), .writingStopped(let server, _): server
        }
    }

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
