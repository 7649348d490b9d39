import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose whole state is one
/// 64-bit word, so a seed fully determines every number it gives.
///
/// The helpers below do their own arithmetic instead of calling the standard library's
/// `random(in:using:)`, whose way of drawing from a generator is not promised to stay the same
/// between Swift releases: a scenario made from a seed must be the same scenario on any toolchain.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one part of a scenario: the same seed and stream always give the
    /// same numbers, whatever the other streams were asked for.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (multiply-shift; the bias, under n / 2^64, does not matter here).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(\(n))")
        return Int(UInt64(n).multipliedFullWidth(by: next()).high)
    }

    /// A number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index into `weights`, each chosen in proportion to its weight (a short list: a linear scan).
    public mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (index, w) in weights.enumerated() {
            if x < w { return index }
            x -= w
        }
        return weights.count - 1
    }
}

/// Cumulative weights for choosing among many items (thousands of hospitals) in logarithmic time.
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { sum += $0; return sum }
    }

    var isEmpty: Bool { cumulative.isEmpty }

    func pick(_ random: inout SeededRandom) -> Int {
        let x = random.unit() * (cumulative.last ?? 0)
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
