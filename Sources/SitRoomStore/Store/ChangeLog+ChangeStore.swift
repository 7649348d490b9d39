import Foundation
import SitRoomChangeStore

/// The data directory as a `ChangeStore`: always reachable; woken by inotify on the directory.
extension ChangeLog: ChangeStore {
    public var isReadOnly: Bool { mode == .readOnly }
    public var location: String { directory.path }
    public var link: StoreLink { .local }

    /// The snapshot of an automatic compaction is written on another thread; this installs it.
    public func tend() {
        if isCompacting { finishCompaction() }
    }

    public func makeWaker() -> (any StoreWaker)? { DirectoryWatcher(path: directory.path) }

    /// A presence file in `consoles/` while the console runs; a read-only console (`--watch`, or a
    /// watch role's) writes none and only reads the others'.
    public func joinConsoles(officer: String, writing: Bool) -> any ConsolePresence {
        DirectoryPresence(directory: directory, officer: officer, writing: writing && !isReadOnly)
    }
}

extension DirectoryWatcher: StoreWaker {}

/// A console among those open on a data directory: its presence file, and the others'.
final class DirectoryPresence: ConsolePresence {
    private let directory: DataDirectory
    private let writing: Bool
    private let own: Presence.Registration?

    init(directory: DataDirectory, officer: String, writing: Bool) {
        self.directory = directory
        self.writing = writing
        own = writing ? try? Presence.register(directory: directory, officer: officer) : nil
    }

    /// One readdir of `consoles/`; only a writing console prunes the files of dead ones.
    func others() -> [String]? {
        Presence.list(directory: directory, pruning: writing).filter { $0.id != own?.id }.map(\.officer)
    }

    func leave() { own?.unregister() }
}
