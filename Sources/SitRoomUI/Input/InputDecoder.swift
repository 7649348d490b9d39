/// What the terminal library hands over (single bytes of text, and function keys it recognised),
/// turned into `Key`s. UTF-8 is decoded here rather than by the library, so that a byte that is not
/// UTF-8 becomes a visible U+FFFD instead of taking the keys after it with it; escape sequences the
/// terminal description does not know are then taken as one key (see `EscapeSequences`).
public struct InputDecoder: Sendable {
    public enum Input: Equatable, Sendable {
        case byte(UInt8)
        case key(Key)
    }

    public static let replacement: Key = .char("\u{FFFD}")

    /// The start of a UTF-8 sequence whose remaining bytes have not arrived yet (a long paste is
    /// read in batches, and a batch may end in the middle of a character).
    private var pending: [UInt8] = []

    /// The start of an escape sequence that ended a batch (ESC [ 1 ; with the rest still on its way,
    /// over a slow link): held back so that it is not typed as text, until the rest arrives or
    /// `release` gives it up.
    private var held: [Key] = []

    /// Inside a bracketed paste: what arrived since its start and has not been handed on.
    private var pasting: String?

    public init() {}

    public var isHolding: Bool { !held.isEmpty }

    /// Inside a bracketed paste whose end marker has not arrived yet.
    public var isPasting: Bool { pasting != nil }

    /// The paste's end marker never came (a stray start marker, a terminal that lost it): what
    /// follows is keys again. Everything pasted so far has been handed on.
    public mutating func endPaste() {
        pasting = nil
    }

    /// What is held, as typed: the caller waited long enough for the rest.
    public mutating func release() -> [Key] {
        defer { held = [] }
        return held
    }

    public mutating func decode(_ inputs: [Input]) -> [Key] {
        var keys: [Key] = held
        held = []
        for input in inputs {
            switch input {
            case .byte(let byte): feed(byte, into: &keys)
            case .key(let key):
                if !pending.isEmpty {
                    pending = []
                    keys.append(Self.replacement)
                }
                keys.append(key)
            }
        }
        keys = EscapeSequences.collapse(keys)
        let incomplete = EscapeSequences.incompleteTail(keys)
        held = Array(keys[incomplete...])
        return gatherPastes(Array(keys[..<incomplete]))
    }

    /// The keys between the paste markers as `.paste` text (line breaks and tabs kept as
    /// characters, other keys dropped); a paste still going on at the end of the batch is handed
    /// on in pieces, so that a long one shows as it arrives.
    private mutating func gatherPastes(_ keys: [Key]) -> [Key] {
        guard pasting != nil || keys.contains(.pasteBegin) else { return keys }
        var out: [Key] = []
        for key in keys {
            switch (key, pasting) {
            case (.pasteBegin, _): pasting = pasting ?? ""
            case (.pasteEnd, let text?):
                if !text.isEmpty { out.append(.paste(text)) }
                pasting = nil
            case (.pasteEnd, nil): break
            case (.char(let c), .some): pasting!.append(c)
            case (.enter, .some): pasting!.append("\n")
            case (.tab, .some): pasting!.append("\t")
            case (_, .some): break
            case (_, nil): out.append(key)
            }
        }
        if let text = pasting, !text.isEmpty {
            out.append(.paste(text))
            pasting = ""
        }
        return out
    }

    private mutating func feed(_ byte: UInt8, into keys: inout [Key]) {
        if !pending.isEmpty {
            if Self.continues(pending, with: byte) {
                pending.append(byte)
                if pending.count == Self.length(leading: pending[0]) {
                    let scalar = String(decoding: pending, as: UTF8.self).unicodeScalars.first!
                    keys.append(Self.key(scalar: scalar.value))
                    pending = []
                }
                return
            }
            // A sequence cut short: one replacement for it, then this byte on its own.
            pending = []
            keys.append(Self.replacement)
        }
        switch byte {
        case 0..<0x80: keys.append(Self.key(scalar: UInt32(byte)))
        case 0xC2...0xF4: pending = [byte]
        default: keys.append(Self.replacement)  // a stray continuation byte, C0/C1, F5-FF
        }
    }

    private static func length(leading byte: UInt8) -> Int {
        byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }

    /// Whether `byte` may come next in `pending`: a continuation byte, within the ranges that keep
    /// out overlong forms, surrogates and values past U+10FFFF.
    private static func continues(_ pending: [UInt8], with byte: UInt8) -> Bool {
        guard byte & 0xC0 == 0x80 else { return false }
        guard pending.count == 1 else { return true }
        switch pending[0] {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte < 0xA0
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte < 0x90
        default: return true
        }
    }

    /// A character typed (a whole Unicode scalar: a Korean syllable arrives as one) as a `Key`.
    public static func key(scalar code: UInt32) -> Key {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))  // 1 → "a"
        case 0..<32, 0x80..<0xA0: return .unknown(Int32(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int32(truncatingIfNeeded: code)) }
            return .char(Character(scalar))
        }
    }
}
