import Foundation

/// The data directory as a `ChangeStore`: always reachable; woken by inotify on the directory.
extension ChangeLog: ChangeStore {
    public var isReadOnly: Bool { mode == .readOnly }
    public var location: String { directory.path }
    public var link: StoreLink { .local }
    public var otherConsoles: [String]? { nil }

    /// The snapshot of an automatic compaction is written on another thread; this installs it.
    public func tend() {
        if isCompacting { finishCompaction() }
    }

    public func makeWaker() -> (any StoreWaker)? { DirectoryWatcher(path: directory.path) }
}

extension DirectoryWatcher: StoreWaker {}
