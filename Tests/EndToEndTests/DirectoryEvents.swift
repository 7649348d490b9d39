import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What happens to the files of one folder, seen from the test's side through inotify: so that a
/// test waits for what the program did on disk (a compaction started, then dropped) instead of
/// sleeping and hoping it happened.
final class DirectoryEvents {
    enum Kind: Equatable { case created, deleted, renamedAway }

    struct Event: Equatable {
        let kind: Kind
        let name: String
    }

    private let fd: Int32
    /// Every event so far, oldest first.
    private(set) var events: [Event] = []

    init(_ path: String) throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw TmuxError(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        guard inotify_add_watch(fd, path, UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM)) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw TmuxError(description: "inotify_add_watch \(path): \(reason)")
        }
    }

    deinit { close(fd) }

    /// Takes in the events that came until `condition` holds (asked again after each batch and at
    /// least every 100 ms, so it may look at the disk too); throws after `timeout` seconds.
    func waitUntil(timeout: Double, _ what: String, _ condition: ([Event]) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            readPending()
            if condition(events) { return }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw TmuxError(description: "timed out after \(timeout) s waiting for \(what); saw \(events)") }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, Int32(min(left, 0.1) * 1000) + 1)
        }
    }

    private func readPending() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }  // EAGAIN: nothing more for now
            events += Self.parse(buffer[..<n])
        }
    }

    /// `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }`, one after another.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var out: [Event] = []
        var at = bytes.startIndex
        func u32(_ offset: Int) -> UInt32 {
            bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at - bytes.startIndex + offset, as: UInt32.self) }
        }
        while at + 16 <= bytes.endIndex {
            let mask = u32(4)
            let length = Int(u32(12))
            let name = String(decoding: bytes[(at + 16)..<(at + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
            at += 16 + length
            if mask & UInt32(IN_CREATE) != 0 { out.append(Event(kind: .created, name: name)) }
            if mask & UInt32(IN_DELETE) != 0 { out.append(Event(kind: .deleted, name: name)) }
            if mask & UInt32(IN_MOVED_FROM) != 0 { out.append(Event(kind: .renamedAway, name: name)) }
        }
        return out
    }
}
