/// Display width of text in terminal (and monospaced print) cells, as drawn (`SafeText.drawn`):
/// East Asian wide characters take two, combining marks none. Agrees with glibc's wcwidth (and so
/// with ncurses and tmux) on Hangul (precomposed and conjoining jamo), Han, kana, Vietnamese with
/// combining marks and emoji drawn as `SafeText` draws them. The screen (`SitRoomUI.TextWidth`) and
/// the SITREP's aligned columns both measure with this.
public enum DisplayWidth {
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7f && v < 0xa0) ? 0 : 1 }
        if isZeroWidth(v, scalar) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// A grapheme cluster's width as drawn (`SafeText.drawn`): a placeholder for a control
    /// character is one cell, an emoji sequence the sum of its pieces (👨‍👩‍👧‍👦 8, 🇰🇷 2, 👍🏽 2, 1️⃣ 1),
    /// anything else the width of its first scalar (marks ride on it).
    @inlinable
    public static func of(_ character: Character) -> Int {
        if SafeText.isPlain(character) { return of(character.unicodeScalars.first!) }
        var width = 0
        SafeText.walk(character) { scalar, startsCell in
            if startsCell { width += of(scalar) }
        }
        return width
    }

    @inlinable
    public static func of(_ text: some StringProtocol) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        if isSimple(text) { return text.unicodeScalars.reduce(0) { $0 + of($1) } }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// `text` cut to `cells` display cells, the last one "…", never splitting a wide character.
    public static func cut(_ text: String, _ cells: Int) -> String {
        guard of(text) > cells else { return text }
        guard cells > 0 else { return "" }
        var out = ""
        var w = 0
        for c in text {
            let cw = of(c)
            if w + cw > cells - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    /// `text` cut to `cells` display cells in the middle: its beginning, "…", and its end, the end
    /// given the larger part. Korean hospital names share long beginnings and differ at the end
    /// (고려대학교의과대학부속병원(안암병원), …부속구로병원): cut at the end they all read the same.
    public static func cutMiddle(_ text: String, _ cells: Int) -> String {
        guard of(text) > cells else { return text }
        // Too narrow for both ends to say anything: the beginning, as `cut` gives it.
        guard cells >= 12 else { return cut(text, cells) }
        let room = cells - 1
        let headRoom = room * 2 / 5
        var head = "", used = 0
        for c in text {
            let w = of(c)
            if used + w > headRoom { break }
            head.append(c)
            used += w
        }
        var tail: [Character] = [], tailUsed = 0
        for c in text.reversed() {
            let w = of(c)
            if used + tailUsed + w > room { break }
            tail.append(c)
            tailUsed += w
        }
        return head + "…" + String(tail.reversed())
    }

    /// `text` as a column `cells` wide: cut so that at least one blank is left before the next
    /// column, then padded with blanks.
    public static func column(_ text: String, _ cells: Int) -> String {
        let fitted = of(text) < cells ? text : cut(text, cells - 1)
        return fitted + String(repeating: " ", count: max(0, cells - of(fitted)))
    }

    /// Printable ASCII only (no control characters): one cell a byte, and no grapheme clusters to
    /// find. Most of what a frame draws is this.
    @inlinable
    public static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Text whose every scalar stands alone as a character and needs no making safe: printable
    /// Latin, Hangul syllables, Han, kana, box drawing, blocks, arrows, punctuation. Such text is
    /// drawn scalar by scalar, without finding grapheme clusters.
    @inlinable
    public static func isSimple(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { isSimple($0.value) }
    }

    @inlinable
    static func isSimple(_ v: UInt32) -> Bool {
        switch v {
        case 0x20..<0x7F, 0xA0..<0x300: true
        case 0x2010...0x2027, 0x2030...0x205E: true  // punctuation, not the zero-width or bidi controls
        case 0x2190...0x21FF, 0x2500...0x25FF, 0x2713...0x2716: true  // arrows, box drawing, blocks, shapes, ✓✔✕✖
        case 0x3000...0x303E, 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60: true
        default: false
        }
    }

    @usableFromInline
    static func isZeroWidth(_ v: UInt32, _ scalar: Unicode.Scalar) -> Bool {
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }  // Hangul medial vowels, finals
        if v == 0x200B || (0x200C...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @usableFromInline
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320, 0x1F32D...0x1F335,
        0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4,
        0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7,
        0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
        0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    @usableFromInline
    static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
