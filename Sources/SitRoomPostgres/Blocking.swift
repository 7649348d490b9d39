import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// Waits on this thread (never an event loop's) for a future, at most `seconds`. The console's
/// run loop is synchronous, as with fsync on a data directory; the limit keeps a silent network
/// from freezing it: past it, the caller drops the connection and says DISCONNECTED.
func waitFor<T: Sendable>(_ future: EventLoopFuture<T>, seconds: Double, what: String) throws -> T {
    let outcome = NIOLockedValueBox<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    future.whenComplete { result in
        outcome.withLockedValue { $0 = result }
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { throw PostgresStoreError.timedOut(what) }
    return try outcome.withLockedValue { $0! }.get()
}
