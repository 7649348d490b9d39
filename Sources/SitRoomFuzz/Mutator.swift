import SitRoomCore

/// Deterministic byte mutations, for the bounded run inside `swift test` (no coverage feedback:
/// that is libFuzzer's job in the long run). The same seed gives the same inputs on any machine.
public struct Mutator {
    private var random: SeededRandom
    private let tokens: [[UInt8]]
    private let maxLength: Int

    public init(seed: UInt64, tokens: [[UInt8]], maxLength: Int) {
        random = SeededRandom(seed: seed)
        self.tokens = tokens
        self.maxLength = maxLength
    }

    /// `input` with one to six mutations stacked; `other` is another corpus entry to splice from.
    public mutating func mutate(_ input: [UInt8], splicingFrom other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(6) { mutateOnce(&bytes, other) }
        return bytes.count > maxLength ? Array(bytes.prefix(maxLength)) : bytes
    }

    private static let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x7F, 0x80, 0x81, 0xFE, 0xFF, 0x22, 0x2C, 0x0A, 0x3D]

    private mutating func mutateOnce(_ bytes: inout [UInt8], _ other: [UInt8]) {
        // The first byte selects a target's mode: keep it most of the time, so each mode gets its share.
        let position = { (r: inout SeededRandom, count: Int) in count <= 1 ? 0 : 1 + r.below(count - 1) }
        switch random.below(10) {
        case 0 where !bytes.isEmpty:
            bytes[random.below(bytes.count)] ^= 1 << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:
            bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2 where !bytes.isEmpty:
            bytes[position(&random, bytes.count)] = Self.interesting[random.below(Self.interesting.count)]
        case 3:
            let at = position(&random, bytes.count + 1)
            let inserted = (0..<(1 + random.below(8))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: inserted, at: min(at, bytes.count))
        case 4 where bytes.count > 1:
            let start = position(&random, bytes.count)
            let end = min(bytes.count, start + 1 + random.below(max(1, min(64, bytes.count - start))))
            bytes.removeSubrange(start..<end)
        case 5 where bytes.count > 1:
            let start = position(&random, bytes.count)
            let piece = Array(bytes[start..<min(bytes.count, start + 1 + random.below(32))])
            bytes.insert(contentsOf: piece, at: position(&random, bytes.count + 1) % (bytes.count + 1))
        case 6 where !tokens.isEmpty:
            let token = tokens[random.below(tokens.count)]
            bytes.insert(contentsOf: token, at: position(&random, bytes.count + 1) % (bytes.count + 1))
        case 7 where !tokens.isEmpty && bytes.count > 1:
            let token = tokens[random.below(tokens.count)]
            let at = position(&random, bytes.count)
            bytes.replaceSubrange(at..<min(bytes.count, at + token.count), with: token)
        case 8 where !other.isEmpty:
            let cut = random.below(bytes.count + 1)
            let from = random.below(other.count)
            bytes = Array(bytes[..<cut]) + other[from...]
        case 9 where bytes.count > 1:
            bytes.removeLast(random.below(bytes.count))
        default:
            bytes.append(UInt8(truncatingIfNeeded: random.next()))
        }
    }
}
