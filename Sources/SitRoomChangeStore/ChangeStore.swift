import Foundation
import SitRoomCore

/// The ordered change log and the board it adds up to, wherever it is kept: a data directory on
/// this host (`ChangeLog`) or a PostgreSQL server shared by many sites (`PostgresChangeStore`).
///
/// The rules are the same for both: `commit` checks each change against the board as it is after
/// everyone else's commits, and answers `.saved(seq)` only once the change is durable (fsync'd; or
/// COMMIT returned with synchronous_commit on). Everyone else sees it, in the same order, through
/// `refresh`.
public protocol ChangeStore: AnyObject {
    var isReadOnly: Bool { get }
    var board: Board { get }
    var seq: UInt64 { get }
    /// Things opening did or noticed (a torn record cut off, a snapshot missing), for the officer.
    var notes: [String] { get }
    /// Set once writing has stopped (the disk state is uncertain); a restart is needed.
    var failure: String? { get }
    /// A directory path or a server address, for messages.
    var location: String { get }
    /// Whether the store can be reached; always `.local` for a data directory.
    var link: StoreLink { get }
    /// The last `refresh(waiting: false)` could not read yet: call it again shortly.
    var refreshPending: Bool { get }
    /// Who this process is (its OS user, its SSH key): written into every change it commits, over
    /// whatever the change said, so that the roster's check cannot be talked round.
    var origin: Origin? { get set }

    /// Commits `changes` in order, then what `deriving` asks for on the board as it then is (the
    /// alert rules), all durable together. Results: one per change, then one per derived change.
    func commit(_ changes: [Change], deriving: ((Board) -> [Change])?) -> [CommitResult]
    /// Applies what others committed since the last call and returns it, in order.
    @discardableResult
    func refresh(waiting: Bool) throws -> [(seq: UInt64, change: Change)]
    /// Work between events: finishing a background compaction, noticing a lost or regained server.
    func tend()
    /// Readable when others may have committed (then `drain` it and `refresh`); nil: poll instead.
    func makeWaker() -> (any StoreWaker)?
    /// A console opens: it is counted among the writing consoles (unless the store is read-only, or
    /// `writing` is false: a console whose officer has the watch role) and learns who else writes,
    /// until it leaves.
    func joinConsoles(officer: String, writing: Bool) -> any ConsolePresence
    /// A clean exit: a last snapshot, connections closed.
    func close()
}

extension ChangeStore {
    public func commit(_ change: Change) -> CommitResult { commit([change], deriving: nil)[0] }
}

/// A descriptor `poll` can wait on, made readable when the store has news.
public protocol StoreWaker: AnyObject {
    var fd: Int32 { get }
    func drain()
}

/// A console among those open on a situation: a data directory's presence file, or a server
/// connection that others see.
public protocol ConsolePresence: AnyObject {
    /// Officers at the other writing consoles, oldest first; nil when the store cannot tell.
    func others() -> [String]?
    /// A clean exit: this console is no longer counted.
    func leave()
}

/// Whether a store kept elsewhere can be reached now.
public enum StoreLink: Equatable, Sendable {
    /// A data directory: nothing to lose.
    case local
    case connected
    /// Since when, why, and when the next try is due (nil: trying now).
    case disconnected(since: Date, reason: String, nextTry: Date?)

    public var isDisconnected: Bool {
        if case .disconnected = self { return true }
        return false
    }
}
