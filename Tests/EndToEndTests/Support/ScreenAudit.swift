import Foundation
import SitRoomCore

/// Issue 23's screen audit: what tmux shows, compared cell by cell with the frame the console meant
/// to draw (it writes each frame to SITROOM_SCREEN_DUMP), and every box closed where it belongs.
/// The golden screens check the buffer against itself; this checks the buffer against a terminal.
struct ScreenAudit {
    let tmux: TmuxSession
    let dumpPath: String

    /// A console pane of `width` x `height` whose frames are written to `dumpPath`.
    static func console(data: String, dumpPath: String, width: Int, height: Int, arguments: [String] = []) throws -> TmuxSession {
        try TmuxSession(width: width, height: height,
                        command: [TmuxSession.sitroomBinary, "--data", data, "--officer", "audit", "--tz", "Asia/Seoul"] + arguments,
                        environment: ["TERM": "xterm-256color", "SITROOM_SCREEN_DUMP": dumpPath],
                        keepTrailingBlanks: true)
    }

    /// The last frame the console drew: its size and rows (a wide character once, blanks kept).
    func frame() -> (width: Int, height: Int, rows: [String])? {
        guard let text = try? String(contentsOfFile: dumpPath, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first else { return nil }
        let size = header.split(separator: "x").compactMap { Int($0) }
        guard size.count == 2 else { return nil }
        return (size[0], size[1], Array(lines.dropFirst()))
    }

    /// Polls until the pane and the frame agree at `width` x `height` and every box is closed;
    /// nil then, or (after `timeout` seconds) what differs, named by view, size, row and column.
    func check(_ view: String, width: Int, height: Int, timeout: Double = 4) -> String? {
        var problem: String?
        _ = Poll.until(timeout: timeout, every: 0.05) {
            problem = compare(view, width: width, height: height)
            return problem == nil
        }
        return problem
    }

    private func compare(_ view: String, width: Int, height: Int) -> String? {
        let at = "\(view) at \(width)x\(height)"
        guard let frame = frame() else { return "\(at): no frame written to \(dumpPath)" }
        guard frame.width == width, frame.height == height else {
            return "\(at): the console's last frame is \(frame.width)x\(frame.height)"
        }
        // Cells ncurses cleared (an erase to the end of the line) are not in tmux's line at all, even
        // with -N: they are blanks on the screen, so the line is padded with them. A character tmux
        // counted wider or narrower than the console did still shifts what follows it.
        let shown = tmux.capture().split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0) + String(repeating: " ", count: max(0, width - DisplayWidth.of($0)))
        }
        guard shown.count == height else { return "\(at): tmux shows \(shown.count) rows" }
        for row in 0..<height {
            let meant = frame.rows.indices.contains(row) ? frame.rows[row] : ""
            if DisplayWidth.of(meant) != width {
                return "\(at), row \(row): the frame's row is \(DisplayWidth.of(meant)) cells wide:\n\(meant)"
            }
            guard shown[row] != meant else { continue }
            let a = Self.cells(meant), b = Self.cells(shown[row])
            let column = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
            return "\(at), row \(row), column \(column): the terminal shows\n\(shown[row])\nwhere the console meant\n\(meant)"
        }
        return Self.openBoxes(shown.map(Self.cells)).first.map { "\(at): \($0)\n" + shown.joined(separator: "\n") }
    }

    /// A row as cells: a wide character, then "" for its right half.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        for character in row {
            cells.append(String(character))
            if DisplayWidth.of(character) == 2 { cells.append("") }
        }
        return cells
    }

    static let topLeft: Set<String> = ["┌", "┏"], topRight: Set<String> = ["┐", "┓"]
    static let sides: Set<String> = ["│", "┃", "├", "┤", "┠", "┨"]

    /// Each box's corners and sides: for a top-left corner, the first top-right corner to its right
    /// on that row and the first bottom-left corner below it in that column; both sides unbroken
    /// between them and a bottom-right corner closing it.
    static func openBoxes(_ grid: [[String]]) -> [String] {
        func cell(_ row: Int, _ column: Int) -> String {
            grid.indices.contains(row) && grid[row].indices.contains(column) ? grid[row][column] : ""
        }
        var problems: [String] = []
        for (row, cells) in grid.enumerated() {
            for (left, corner) in cells.enumerated() where topLeft.contains(corner) {
                guard let right = cells.indices.dropFirst(left + 1).first(where: { topRight.contains(cells[$0]) }) else {
                    problems.append("the box at row \(row), column \(left) has no top-right corner")
                    continue
                }
                guard let bottom = grid.indices.dropFirst(row + 1).first(where: { cell($0, left) == "└" }) else {
                    problems.append("the box at row \(row), column \(left) has no bottom-left corner")
                    continue
                }
                for inner in (row + 1)..<bottom {
                    for side in [left, right] where !sides.contains(cell(inner, side)) {
                        problems.append("the box at row \(row), column \(left): row \(inner), column \(side) is \"\(cell(inner, side))\", not its side")
                    }
                }
                if cell(bottom, right) != "┘" {
                    problems.append("the box at row \(row), column \(left): its bottom-right corner (row \(bottom), column \(right)) is \"\(cell(bottom, right))\"")
                }
            }
        }
        return problems
    }
}
