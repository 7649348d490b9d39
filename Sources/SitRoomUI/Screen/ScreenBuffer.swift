import SitRoomCore
/// One terminal cell. A wide character occupies its cell and the next, which holds `continuation`.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell(" ")
    /// The right half of a wide character.
    public static let continuation = Cell("")
    public var isContinuation: Bool { text.isEmpty }
}

public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }
}

/// What the screen shows, as plain values: views draw here, the terminal only copies it out.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public mutating func fill(_ rect: Rect, role: Role, with text: String = " ") {
        let r = clip(rect)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y] = Cell(text, role) } }
    }

    /// Changes the role of every cell in `rect`, keeping the text.
    public mutating func paint(_ rect: Rect, role: Role) {
        let r = clip(rect)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].role = role } }
    }

    /// Writes `text` from (x, y), at most `maxWidth` cells (default: to the right edge). Text that does
    /// not fit ends in "…" and never splits a wide character. Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: Role = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - max(x, 0))
        guard limit > 0 else { return 0 }
        if TextWidth.isPrintableASCII(text) { return putASCII(text, x: x, y: y, limit: limit, role: role) }
        if TextWidth.isSimple(text) { return putSimple(text, x: x, y: y, limit: limit, role: role) }
        let needsCut = TextWidth.of(text) > limit
        let room = needsCut ? limit - 1 : limit
        var col = x
        var used = 0
        // Each character as drawn (`SafeText.drawn`): an emoji sequence becomes its pieces, one
        // cell (or two) each, so that no terminal can join them into a width of its own.
        draw: for raw in text {
            for c in SafeText.drawn(raw) {
                let w = TextWidth.of(c)
                if w == 0 {
                    // A combining mark joins the character before it.
                    if col > x, col - 1 >= 0, col - 1 < width {
                        var back = col - 1
                        while back > x && self[back, y].isContinuation { back -= 1 }
                        self[back, y].text.append(contentsOf: String(c))
                    }
                    continue
                }
                if used + w > room { break draw }
                if col >= 0 {
                    self[col, y] = Cell(String(c), role)
                    if w == 2, col + 1 < width { self[col + 1, y] = Cell.continuation.with(role) }
                }
                col += w
                used += w
            }
        }
        if needsCut, col < width, col >= 0 {
            self[col, y] = Cell("…", role)
            used += 1
        }
        return used
    }

    /// `put` for printable ASCII: a byte is a cell, nothing to make safe.
    private mutating func putASCII(_ text: String, x: Int, y: Int, limit: Int, role: Role) -> Int {
        let count = text.utf8.count
        let needsCut = count > limit
        let room = needsCut ? limit - 1 : limit
        var col = x
        var used = 0
        let row = y * width
        for byte in text.utf8 {
            if used >= room { break }
            if col >= 0 { cells[row + col] = Cell(String(UnicodeScalar(byte)), role) }
            col += 1
            used += 1
        }
        if needsCut, col < width, col >= 0 {
            cells[row + col] = Cell("…", role)
            used += 1
        }
        return used
    }

    /// `put` for text of standalone scalars (`TextWidth.isSimple`): Korean names, borders, arrows.
    private mutating func putSimple(_ text: String, x: Int, y: Int, limit: Int, role: Role) -> Int {
        let needsCut = TextWidth.of(text) > limit
        let room = needsCut ? limit - 1 : limit
        var col = x
        var used = 0
        let row = y * width
        for scalar in text.unicodeScalars {
            let w = TextWidth.of(scalar)
            if used + w > room { break }
            if col >= 0 {
                cells[row + col] = Cell(String(scalar), role)
                if w == 2, col + 1 < width { cells[row + col + 1] = Cell.continuation.with(role) }
            }
            col += w
            used += w
        }
        if needsCut, col < width, col >= 0 {
            cells[row + col] = Cell("…", role)
            used += 1
        }
        return used
    }

    private func clip(_ r: Rect) -> Rect {
        let x0 = max(0, r.x), y0 = max(0, r.y)
        return Rect(x: x0, y: y0, width: min(width, r.maxX) - x0, height: min(height, r.maxY) - y0)
    }

    /// The screen as lines of text (continuation cells skipped), trailing blanks kept: for tests.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// The same, as one string with trailing blanks trimmed per line.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}

extension Cell {
    func with(_ role: Role) -> Cell { Cell(text, role) }
}
