#if canImport(Glibc)
import Glibc
#endif

/// Tells the run loop that something in the data directory changed (another `sitroom apply`, an
/// editor...): poll `fd` for readability, then call `drain()` and reload. Linux inotify; nil where
/// that is not available or the directory cannot be watched.
public final class DirectoryWatcher {
    public let fd: Int32

    public init?(path: String) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE)
        guard inotify_add_watch(fd, path, mask) >= 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
        #else
        return nil
        #endif
    }

    deinit {
        close(fd)
    }

    /// Reads and discards every pending event, so the fd stops being readable until the next change.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { continue }
            if n < 0 && errno == EINTR { continue }
            break  // EAGAIN: nothing left (or an error: nothing more to do)
        }
    }
}
