import CNcurses
import SitRoomUI

/// The function keys wgetch recognised (from the terminal description), as `Key`s. Text arrives
/// as single bytes and is decoded by `InputDecoder`.
enum KeyDecoder {
    static func functionKey(_ code: Int32) -> Key {
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
}
