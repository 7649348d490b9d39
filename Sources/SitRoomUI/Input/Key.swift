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
    /// Text the terminal marked as pasted (bracketed paste): typed into a field as text, never
    /// taken as keys, so that a pasted "q" or "dy" cannot quit or delete.
    case paste(String)
    /// The terminal's paste markers (ESC [ 200 ~ and ESC [ 201 ~); `InputDecoder` turns what is
    /// between them into `.paste`.
    case pasteBegin, pasteEnd
}
