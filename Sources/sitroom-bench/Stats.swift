import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic wall-clock time in nanoseconds (CLOCK_MONOTONIC).
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` once and returns its result with the elapsed nanoseconds.
func timed<T>(_ body: () throws -> T) rethrows -> (result: T, nanos: UInt64) {
    let start = monotonicNanos()
    let result = try body()
    return (result, monotonicNanos() - start)
}

/// Keeps the optimiser from dropping work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Durations of repeated runs of one operation.
struct Samples {
    private(set) var nanos: [UInt64] = []

    init() {}

    init(reservingCapacity n: Int) {
        nanos.reserveCapacity(n)
    }

    mutating func add(_ ns: UInt64) { nanos.append(ns) }

    /// Runs `body` `count` times, timing each run.
    static func measure(_ count: Int, _ body: () throws -> Void) rethrows -> Samples {
        var samples = Samples(reservingCapacity: count)
        for _ in 0..<count {
            let start = monotonicNanos()
            try body()
            samples.add(monotonicNanos() - start)
        }
        return samples
    }

    var count: Int { nanos.count }
    var total: UInt64 { nanos.reduce(0, +) }
    var median: UInt64 { percentile(0.5) }
    var p99: UInt64 { percentile(0.99) }
    var max: UInt64 { nanos.max() ?? 0 }

    /// Nearest-rank percentile (`p` in 0...1): the smallest sample with at least p of all samples at or below it.
    func percentile(_ p: Double) -> UInt64 {
        guard !nanos.isEmpty else { return 0 }
        let sorted = nanos.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}

extension UInt64 {
    var ms: Double { Double(self) / 1e6 }
    var us: Double { Double(self) / 1e3 }
    var seconds: Double { Double(self) / 1e9 }
}
