/// The readers and parsers that take bytes from outside: each one fuzzed on its own.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case journal, snapshot, csv
    case quickCommand = "quick-command"
    case theme

    /// Feeds one input through the target. Whatever the bytes, the answer is an outcome, never a
    /// trap: a crash here is a bug in the product code the target calls.
    public func run(_ input: [UInt8]) -> FuzzOutcome {
        switch self {
        case .journal: JournalFuzz.run(input)
        case .snapshot: SnapshotFuzz.run(input)
        case .csv: CSVImportFuzz.run(input)
        case .quickCommand: QuickCommandFuzz.run(input)
        case .theme: ThemeFuzz.run(input)
        }
    }

    /// Byte strings the mutator splices in: the formats' keywords and markers, so that mutations
    /// reach past the first check.
    public var tokens: [[UInt8]] {
        switch self {
        case .journal, .snapshot: BinaryTokens.all
        case .csv: CSVImportFuzz.tokens
        case .quickCommand: QuickCommandFuzz.tokens
        case .theme: ThemeFuzz.tokens
        }
    }

    /// The longest input worth generating: longer ones only slow the run down.
    public var maxLength: Int {
        switch self {
        case .journal, .snapshot, .csv: 8192
        case .quickCommand: 512
        case .theme: 4096
        }
    }
}

/// What a target made of one input.
public enum FuzzOutcome: Equatable, Sendable {
    case accepted
    /// Refused with an error (the error's text).
    case rejected(String)

    public var isAccepted: Bool { self == .accepted }
}

/// Varint and length edge cases for the binary formats: the largest and smallest values, and
/// unterminated varints.
enum BinaryTokens {
    static let all: [[UInt8]] = [
        [0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, 0x00], [0xFF, 0xFF, 0xFF, 0x7F],
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80],
        [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x7F], [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x7F],
        [0x01], [0x00], [0x02], [0x1D], Array("{\"".utf8), Array("SRSNAP01".utf8), Array("SRSNAP02".utf8),
    ]
}
