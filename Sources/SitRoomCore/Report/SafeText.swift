/// Text from data never reaches a terminal raw: control characters, escapes, bidirectional
/// overrides and invisible format characters become visible placeholders, and a pile of combining
/// marks is cut short. The screen draws every character through this; the SITREP's `clean` too.
///
/// Emoji sequences are drawn in the one form every terminal measures alike (`drawn`). Terminals
/// and multiplexers disagree about them: tmux 3.3a joins the emoji after a zero-width joiner into
/// one 2-cell cell, a terminal without joining draws each emoji 2 cells wide; a flag is one cell
/// per letter to glibc's wcwidth (and so to tmux and ncurses) and 2 cells to newer tables; U+FE0F
/// makes a text-style symbol (❤️, ⚕️, 1️⃣) 2 cells to some and 1 to others; a skin-tone modifier is
/// 2 cells on its own or 0 after its emoji. So each emoji of a joined sequence is drawn on its
/// own, without the joiner; a flag as its two letters (🇰🇷 → KR); variation selectors, skin tones,
/// tag characters and the keycap mark (with U+FE0F or without) are left out (1️⃣ → 1).
public enum SafeText {
    /// Combining marks kept on one character: enough for Vietnamese (two) and Korean jamo, not for
    /// "Zalgo" text that would stack thousands on one cell.
    @usableFromInline
    static let maxMarks = 4

    /// `c` as the screen and the report draw it: the same character when nothing needs changing,
    /// a placeholder, or for an emoji sequence its pieces (possibly none). Each character of the
    /// result is one cell (two for a wide one) to every terminal, and `DisplayWidth.of(c)` is its
    /// width.
    public static func drawn(_ c: Character) -> String {
        if isPlain(c) { return String(c) }
        var out = String.UnicodeScalarView()
        walk(c) { scalar, _ in out.append(scalar) }
        return String(out)
    }

    /// `text` with every character drawn as `drawn` says; the same text when nothing needed it.
    public static func string(_ text: String) -> String {
        if DisplayWidth.isSimple(text) { return text }
        var out = ""
        for c in text { out += drawn(c) }
        return out
    }

    /// `text` for one line of a message (stderr, a command's report): made safe, line breaks shown
    /// as ␊, cut to `limit` characters with "…", so that a poisoned field can neither drive the
    /// terminal nor flood it.
    public static func line(_ text: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for c in text {
            if count == limit { return out + "…" }
            out += drawn(c)
            count += 1
        }
        return out
    }

    /// The scalars of `c` as drawn, in order; `startsCell` is true for the first scalar of each
    /// piece (the one whose width is the piece's width), false for the marks that ride on it.
    /// `drawn` and `DisplayWidth.of(_: Character)` both follow this, so they cannot disagree.
    @usableFromInline
    static func walk(_ c: Character, _ emit: (Unicode.Scalar, _ startsCell: Bool) -> Void) {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return }
        if scalars.count == 1 {
            if let shown = single(first) { emit(shown, true) }
            return
        }
        let v = first.value
        if v < 0x20 || v == 0x7F || isC1(v) || isBidiControl(v) || isInvisibleFormat(v) || isTag(v) {
            emit(single(first) ?? placeholder, true)
            return
        }
        var isEmoji = v >= 0x1F000 || first.properties.isEmojiPresentation
        for s in scalars.dropFirst() {
            let sv = s.value
            if sv < 0x20 || sv == 0x7F || isC1(sv) || isBidiControl(sv) { return emit(placeholder, true) }
            if sv == 0xFE0F || sv == 0x20E3 || sv >= 0x1F000 { isEmoji = true }
            if isInvisibleFormat(sv), sv != 0x200D { return emit(placeholder, true) }
        }
        if !isEmoji {
            // A joiner belongs in an emoji sequence (👩‍⚕️); anywhere else it hides a difference.
            if scalars.contains(where: { $0.value == 0x200D }) { return emit(placeholder, true) }
            for (i, s) in scalars.enumerated() where i <= maxMarks { emit(s, i == 0) }
            return
        }
        // An emoji sequence: a new piece after each joiner and at each regional indicator; what else
        // follows a piece's first scalar rides on it (combining marks, at most `maxMarks`).
        var afterJoiner = true
        var marks = 0
        for s in scalars {
            let sv = s.value
            if sv == 0x200D {
                afterJoiner = true
            } else if isVariationSelector(sv) || isSkinTone(sv) || isTag(sv) || sv == 0x20E3 {
                continue
            } else if isRegionalIndicator(sv) {
                emit(letter(sv), true)
                afterJoiner = false
                marks = 0
            } else if afterJoiner {
                emit(s, true)
                afterJoiner = false
                marks = 0
            } else if marks < maxMarks {
                emit(s, false)
                marks += 1
            }
        }
    }

    /// One scalar standing alone, as drawn; nil: left out.
    @usableFromInline
    static func single(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }  // ␀..␟ control pictures
        if v == 0x7F { return "␡" }
        if isC1(v) || isBidiControl(v) || isInvisibleFormat(v) || isTag(v) { return placeholder }
        if isRegionalIndicator(v) { return letter(v) }
        if isVariationSelector(v) || isSkinTone(v) { return nil }
        return s
    }

    /// A character drawn as it is and as wide as its first scalar, found without the `walk`: one
    /// scalar that needs no placeholder, or a letter with a few common combining marks (Vietnamese,
    /// accented Latin) or a Hangul syllable in conjoining jamo. Most text that is not `isSimple`.
    @inlinable
    static func isPlain(_ c: Character) -> Bool {
        var count = 0
        for s in c.unicodeScalars {
            let v = s.value
            if count == 0 {
                if needsMapping(v) { return false }
            } else if count > maxMarks || !((0x300...0x36F).contains(v) || (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v)) {
                return false
            }
            count += 1
        }
        return true
    }

    /// Whether a scalar standing alone is drawn other than as itself.
    /// (The same as asking each of `isC1`, `isBidiControl`, `isInvisibleFormat`, `isTag`,
    /// `isRegionalIndicator`, `isVariationSelector` and `isSkinTone`, in ranges, for speed.)
    @inlinable
    static func needsMapping(_ v: UInt32) -> Bool {
        if v < 0xA0 { return v < 0x20 || v >= 0x7F }
        if v < 0x1F1E6 {
            return v == 0x061C || v == 0x180E || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2060...0x2064).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFE0E || v == 0xFE0F || v == 0xFEFF
        }
        return v <= 0x1F1FF || (0x1F3FB...0x1F3FF).contains(v) || (0xE0000...0xE007F).contains(v)
    }

    static let placeholder: Unicode.Scalar = "\u{FFFD}"

    static func isC1(_ v: UInt32) -> Bool { (0x80..<0xA0).contains(v) }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Characters that draw nothing and are not marks: zero-width space, joiners, word joiner,
    /// invisible operators, the byte order mark, the Mongolian vowel separator.
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        (0x200B...0x200D).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0x180E
    }

    /// U+FE0E (text style) and U+FE0F (emoji style).
    static func isVariationSelector(_ v: UInt32) -> Bool { v == 0xFE0E || v == 0xFE0F }

    /// The five Fitzpatrick skin-tone modifiers.
    static func isSkinTone(_ v: UInt32) -> Bool { (0x1F3FB...0x1F3FF).contains(v) }

    /// Tag characters (the letters of 🏴󠁧󠁢󠁥󠁮󠁧󠁿's subdivision flags, and the language tag).
    static func isTag(_ v: UInt32) -> Bool { (0xE0000...0xE007F).contains(v) }

    static func isRegionalIndicator(_ v: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(v) }

    /// A regional indicator's letter: 🇰 → K.
    static func letter(_ v: UInt32) -> Unicode.Scalar { Unicode.Scalar(v - 0x1F1E6 + 0x41)! }
}
