import Foundation
import NIOConcurrencyHelpers
import PostgresNIO
import SitRoomChangeStore
#if canImport(Glibc)
import Glibc
#endif

/// What NIO's threads have to tell the run loop: the connection closed, a connection attempt, a
/// probe or a snapshot finished, who else is connected. Each, and every NOTIFY, writes a byte to
/// a pipe, so a console asleep in `poll` wakes up (the pipe is the store's `StoreWaker`).
final class PostgresInbox: Sendable {
    struct State {
        /// The connection (by id) that closed, and why.
        var closed: [PostgresConnection.ID: String] = [:]
        var attempt: Result<PostgresConnection, any Error>?
        var probe: Result<UInt64, any Error>?
        var snapshot: (seq: UInt64, bytes: [UInt8])?
        var consoles: [String]?
    }

    private let state = NIOLockedValueBox(State())
    let readFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            fds = [-1, -1]
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    func post(_ change: (inout State) -> Void) {
        state.withLockedValue(change)
        wake()
    }

    /// Wakes the run loop with nothing to hand over: it refreshes (a NOTIFY, a reconnect).
    func wake() {
        if writeFD >= 0 {
            var byte: UInt8 = 1
            _ = write(writeFD, &byte, 1)  // a full pipe already wakes the reader
        }
    }

    func take<T>(_ read: (inout State) -> T) -> T { state.withLockedValue(read) }
}

/// The inbox's pipe as the console's wake-up descriptor.
final class PostgresWaker: StoreWaker {
    private let inbox: PostgresInbox
    var fd: Int32 { inbox.readFD }

    init(_ inbox: PostgresInbox) { self.inbox = inbox }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(inbox.readFD, &buffer, buffer.count) > 0 {}
    }
}
