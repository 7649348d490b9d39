/// Escape sequences that reach the app as Esc followed by their characters, because the terminal
/// description does not list them: Home as ESC [ 1 ~ from a terminal that says it is xterm (PuTTY,
/// or xterm-256color set inside tmux), Shift-F3, Ctrl-Alt-arrows, anything a terminal invents.
/// Without this, Esc closes a form (or asks to discard it) and "[1~" is typed as text.
public enum EscapeSequences {
    /// The longest sequence looked for; anything longer is left as typed.
    static let longest = 32

    /// Takes each complete CSI (ESC [ params final) or SS3 (ESC O final) sequence in `keys` (one
    /// batch read without waiting, so it arrived at once and was not typed by hand) as one key: the
    /// key it stands for when it is a common one without modifiers, else `.unknown`.
    public static func collapse(_ keys: [Key]) -> [Key] {
        guard keys.contains(.escape) else { return keys }
        var out: [Key] = []
        out.reserveCapacity(keys.count)
        var i = 0
        while i < keys.count {
            if keys[i] == .escape, i + 1 < keys.count,
               let (key, length) = sequence(keys, introducer: keys[i + 1], from: i + 2) {
                out.append(key)
                i += 2 + length
                continue
            }
            out.append(keys[i])
            i += 1
        }
        return out
    }

    /// Where a sequence that has begun but not ended starts (ESC [ or ESC O and parameters, at the
    /// very end of `keys`); `keys.count` when there is none. A lone ESC is not one: ncurses already
    /// waited for what follows it.
    static func incompleteTail(_ keys: [Key]) -> Int {
        guard let escape = keys.lastIndex(of: .escape), escape + 1 < keys.count,
              keys[escape + 1] == .char("[") || keys[escape + 1] == .char("O"),
              keys.count - escape - 2 < longest else { return keys.count }
        let parameters = keys[(escape + 2)...].allSatisfy { key in ascii(key).map { (0x20...0x3F).contains($0) } ?? false }
        return parameters ? escape : keys.count
    }

    /// The key for the sequence whose body starts at `start`, and the body's length.
    private static func sequence(_ keys: [Key], introducer: Key, from start: Int) -> (Key, Int)? {
        switch introducer {
        case .char("["):
            var parameters = ""
            var index = start
            while index < keys.count, index - start < longest, let byte = ascii(keys[index]) {
                switch byte {
                case 0x20...0x3F:
                    parameters.append(Character(Unicode.Scalar(byte)))
                    index += 1
                case 0x40...0x7E:
                    return (csi(parameters, final: Character(Unicode.Scalar(byte))), index - start + 1)
                default:
                    return nil
                }
            }
            return nil
        case .char("O"):
            // Old xterms put a modifier between: ESC O 5 P is Ctrl-F1.
            var index = start
            while index < keys.count, index - start < 4, let byte = ascii(keys[index]) {
                switch byte {
                case 0x30...0x3F: index += 1
                case 0x40...0x7E: return (index == start ? ss3(Character(Unicode.Scalar(byte))) : unknown, index - start + 1)
                default: return nil
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// The printable ASCII byte a key is, if it is one.
    private static func ascii(_ key: Key) -> UInt8? {
        guard case .char(let c) = key, let value = c.asciiValue, value >= 0x20, value < 0x7F else { return nil }
        return value
    }

    static let unknown: Key = .unknown(-1)

    private static func csi(_ parameters: String, final: Character) -> Key {
        let plain = parameters.isEmpty || parameters == "1"
        switch final {
        case "A": return plain ? .up : unknown
        case "B": return plain ? .down : unknown
        case "C": return plain ? .right : unknown
        case "D": return plain ? .left : unknown
        case "H": return plain ? .home : unknown
        case "F": return plain ? .end : unknown
        case "Z": return parameters.isEmpty ? .backTab : unknown
        case "~":
            guard let n = Int(parameters) else { return unknown }  // "3;5" (Ctrl-Delete) and the like
            switch n {
            case 1, 7: return .home
            case 4, 8: return .end
            case 2: return .insert
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(n - 10)
            case 17...21: return .function(n - 11)
            case 23, 24: return .function(n - 12)
            case 200: return .pasteBegin
            case 201: return .pasteEnd
            default: return unknown
            }
        default: return unknown
        }
    }

    private static func ss3(_ final: Character) -> Key {
        switch final {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "P": .function(1)
        case "Q": .function(2)
        case "R": .function(3)
        case "S": .function(4)
        default: unknown
        }
    }
}
