/// A key press, decoded from the terminal. Printable text (including Korean input, which arrives
/// as whole syllables) is `.char`.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lowercase: `.ctrl("a")`.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    case resize
    case unknown(Int32)
}
