import SitRoomCore

/// One line of editable text with a cursor, as in a shell: Ctrl-A/E/K/U/W, Home/End, Backspace,
/// Delete, left/right. Characters are grapheme clusters, so a Korean syllable is one character.
/// A line holds at most `capacity` characters: a paste of 100 KB stops there instead of making every
/// key that follows (and every check of the line) cost as much as the whole paste.
public struct LineEditor: Equatable, Sendable {
    /// The model's limit for one text field (a long log entry is a few hundred), so a field holds
    /// exactly what the model takes, and a quick command as much as its longest text.
    public static let capacity = Limits.textCharacters

    public private(set) var characters: [Character]
    /// Index into `characters` (0...count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text.prefix(Self.capacity))
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    /// What a field or the command line says when a character does not fit.
    /// Worded as the model's refusal of a longer text from any other door.
    public static let fullMessage = "\(Limits.textTooLong); the rest was not taken"
    /// No more characters can be inserted.
    public var isFull: Bool { characters.count >= Self.capacity }

    /// Applies an editing key; returns false if the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"):
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default: return false
        }
        return true
    }

    /// Does nothing when the line is full (see `isFull`).
    public mutating func insert(_ c: Character) {
        guard !isFull else { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func set(_ text: String) {
        characters = Array(text.prefix(Self.capacity))
        cursor = characters.count
    }

    /// What to draw in `width` cells so that the cursor is visible: the text and the cursor's column.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        // Walks out from the cursor, so the cost is the field's width, not the line's length.
        let room = width - 1
        var start = cursor, used = 0
        while start > 0 {
            let w = TextWidth.of(characters[start - 1])
            if used + w > room { break }
            used += w
            start -= 1
        }
        var end = cursor, total = used
        while end < characters.count {
            let w = TextWidth.of(characters[end])
            if total + w > room { break }
            total += w
            end += 1
        }
        return (String(characters[start..<end]), used)
    }
}
