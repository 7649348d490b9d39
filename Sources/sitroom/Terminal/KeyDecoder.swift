import CNcurses
import SitRoomUI

/// What get_wch returns, as a `Key`.
enum KeyDecoder {
    /// `isFunctionKey`: get_wch returned KEY_CODE_YES, so `code` is one of ncurses' KEY_* values;
    /// otherwise `code` is a character (a whole Unicode scalar: a Korean syllable arrives as one).
    static func key(isFunctionKey: Bool, code: UInt32) -> Key {
        isFunctionKey ? functionKey(Int32(truncatingIfNeeded: code)) : character(code)
    }

    private static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        // KEY_FIND / KEY_SELECT: what terminfo calls ESC[1~ and ESC[4~ on vt220-like terminals.
        case KEY_HOME, KEY_FIND: .home
        case KEY_END, KEY_SELECT: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): .function(Int(code - KEY_F0))
        default: .unknown(code)
        }
    }

    private static func character(_ code: UInt32) -> Key {
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
