import SitRoomCore

/// Display width of text in terminal cells, as the screen measures it: `DisplayWidth` (in
/// SitRoomCore, shared with the SITREP), under the name the drawing code uses.
public typealias TextWidth = DisplayWidth

/// Text from data never reaches the terminal raw: control characters, escapes and bidirectional
/// overrides become visible placeholders.
public enum SafeText {
    public static func character(_ c: Character) -> Character {
        guard let first = c.unicodeScalars.first else { return c }
        let v = first.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }  // ␀..␟ control pictures
        if v == 0x7F { return "␡" }
        if (0x80..<0xA0).contains(v) { return "�" }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F { return "�" }
        if c.unicodeScalars.count > 1, c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "�" }
        return c
    }
}
