/// Text from data never reaches a terminal raw: control characters, escapes, bidirectional
/// overrides and invisible format characters become visible placeholders, and a pile of combining
/// marks is cut short. The screen draws every character through this; the SITREP's `clean` too.
public enum SafeText {
    /// Combining marks kept on one character: enough for Vietnamese (two) and Korean jamo, not for
    /// "Zalgo" text that would stack thousands on one cell.
    static let maxMarks = 4

    public static func character(_ c: Character) -> Character {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return c }
        let v = first.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }  // ␀..␟ control pictures
        if v == 0x7F { return "␡" }
        if (0x80..<0xA0).contains(v) || isBidiControl(v) || isInvisibleFormat(v) { return "\u{FFFD}" }
        if scalars.count == 1 { return c }
        var marks = 0
        var isEmoji = false
        for s in scalars.dropFirst() {
            let sv = s.value
            if sv < 0x20 || sv == 0x7F || (0x80..<0xA0).contains(sv) || isBidiControl(sv) { return "\u{FFFD}" }
            if sv == 0xFE0F || sv >= 0x1F000 { isEmoji = true }
            if isInvisibleFormat(sv), sv != 0x200D { return "\u{FFFD}" }
            marks += 1
        }
        if v >= 0x1F000 || first.properties.isEmojiPresentation { isEmoji = true }
        // A joiner belongs in an emoji sequence (👩‍⚕️); anywhere else it hides a difference.
        if !isEmoji, scalars.contains(where: { $0.value == 0x200D }) { return "\u{FFFD}" }
        if !isEmoji, marks > maxMarks { return Character(String(String.UnicodeScalarView(scalars.prefix(maxMarks + 1)))) }
        return c
    }

    /// `text` with every character made safe; the same text when nothing needed it.
    public static func string(_ text: String) -> String {
        if DisplayWidth.isSimple(text) { return text }
        return String(text.map(character))
    }

    /// `text` for one line of a message (stderr, a command's report): made safe, line breaks shown
    /// as ␊, cut to `limit` characters with "…", so that a poisoned field can neither drive the
    /// terminal nor flood it.
    public static func line(_ text: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for c in text {
            if count == limit { return out + "…" }
            out.append(character(c))
            count += 1
        }
        return out
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Characters that draw nothing and are not marks: zero-width space, joiners, word joiner,
    /// invisible operators, the byte order mark, the Mongolian vowel separator.
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        (0x200B...0x200D).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0x180E
    }
}
