import Foundation

/// One change the drill sent, by its tag (the text every drill change carries: `[a12n345]`).
struct Ack: Sendable {
    var tag: String
    var seq: UInt64
}

/// What one writer did in one cycle, up to its kill.
struct WriterCycle: Sendable {
    /// Tags in the order they were sent; a tag not acknowledged may or may not be on disk.
    var sent: [String] = []
    /// The acknowledged ones, with the sequence number the writer reported.
    var acks: [Ack] = []
    /// Seconds from the spawn to the log opened: apply's first `ok` (open, recover, and its first
    /// batch of lines checked and committed), the console's first frame showing `saved #N`. Nil if
    /// killed before.
    var recovery: Double?
    /// Torn last records the writer said it cut off on opening.
    var tornTailsCut = 0
    /// Anything that should not happen (a rejected change, an exit before the kill): the drill fails.
    var failures: [String] = []
}

/// A small seeded generator (SplitMix64), so that a drill's kill moments can be run again.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A tag found in a change's text, e.g. "drill [a12n345]" → "a12n345".
func drillTag(in text: String) -> String? {
    guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
    return String(text[text.index(after: open)..<close])
}
