import CNcurses
import Glibc
import SitRoomUI

/// A cell as it will be written: the text fixed up so ncurses' idea of its width (wcwidth) matches
/// the buffer's layout. `text` nil: the right half of a wide character, which ncurses fills itself.
struct DrawCell: Equatable {
    var text: String?
    var role: Role
}

extension Terminal {
    /// Writes what differs from the previous buffer drawn (everything if there is none or the size
    /// changed), then wnoutrefresh + doupdate: ncurses sends only what changed on the real screen.
    func draw(_ buffer: ScreenBuffer) {
        guard active else { return }
        let screenWidth = width, screenHeight = height
        let columns = min(buffer.width, screenWidth)
        let rows = min(buffer.height, screenHeight)
        let old = previous.flatMap { previous in
            previous.width == buffer.width && previous.height == buffer.height
                && previousScreenSize == (screenWidth, screenHeight) ? previous : nil
        }
        if old == nil {
            werase(cn_stdscr())
        }
        for y in 0..<rows {
            let rowStart = y * buffer.width
            let newCells = buffer.cells[rowStart..<(rowStart + buffer.width)]
            // The bottom-right cell is written with an insert-character trick (auto-margin terminals):
            // see `drawRow`.
            let cornerColumn = y == screenHeight - 1 && buffer.width >= screenWidth ? screenWidth - 1 : nil
            let newRow = Terminal.drawRow(newCells, cornerColumn: cornerColumn)
            if let old {
                let oldCells = old.cells[rowStart..<(rowStart + old.width)]
                if oldCells == newCells { continue }
                let oldRow = Terminal.drawRow(oldCells, cornerColumn: cornerColumn)
                for x in 0..<columns where newRow[x] != oldRow[x] {
                    put(newRow[x], x: x, y: y)
                }
            } else {
                for x in 0..<columns { put(newRow[x], x: x, y: y) }
            }
        }
        wnoutrefresh(cn_stdscr())
        doupdate()
        previous = buffer
        previousScreenSize = (screenWidth, screenHeight)
    }

    private func put(_ cell: DrawCell, x: Int, y: Int) {
        guard let text = cell.text else { return }
        let look = look(cell.role)
        var chars: [wchar_t] = []
        chars.reserveCapacity(Int(CCHARW_MAX) + 1)
        for scalar in text.unicodeScalars where chars.count < Int(CCHARW_MAX) {
            chars.append(wchar_t(bitPattern: scalar.value))
        }
        chars.append(0)
        // At the bottom-right corner the cursor cannot advance and ncurses reports ERR after writing.
        _ = cn_put_cell(Int32(y), Int32(x), chars, look.attrs, look.pair)
    }

    /// One row of the buffer as ncurses will see it. A wide character needs a continuation cell after
    /// it, or it becomes a blank; a continuation cell without a wide character before it (left over
    /// when something narrower was drawn over half of one) becomes a blank; a character wcwidth
    /// cannot print becomes "?"; only zero-width marks may follow the first character of a cell.
    ///
    /// `cornerColumn`: this row ends at the screen's bottom-right corner, in that column. ncurses
    /// writes that cell by writing it one column to the left and inserting the cell that belongs
    /// there in front of it; when that is the right half of a wide character, the terminal's idea of
    /// the row goes wrong (measured in tmux: the corner character vanishes on a later update). So a
    /// wide character just before the corner is drawn as two blanks.
    static func drawRow(_ cells: ArraySlice<Cell>, cornerColumn: Int? = nil) -> [DrawCell] {
        var out: [DrawCell] = []
        out.reserveCapacity(cells.count)
        var index = cells.startIndex
        while index < cells.endIndex {
            let cell = cells[index]
            let nextIsContinuation = index + 1 < cells.endIndex && cells[index + 1].isContinuation
            guard let first = cell.text.unicodeScalars.first else {
                out.append(DrawCell(text: " ", role: cell.role))  // orphan continuation
                index += 1
                continue
            }
            var text = cell.text
            var cellWidth = columns(first)
            if cellWidth < 0 {
                text = "?"
                cellWidth = 1
            } else if cellWidth == 0 {
                text = " " + text  // a lone mark: give it something to sit on
                cellWidth = 1
            }
            if cell.text.unicodeScalars.count > 1 {
                text = spacingFirst(text)
            }
            if cellWidth == 2 {
                if nextIsContinuation {
                    out.append(DrawCell(text: text, role: cell.role))
                    out.append(DrawCell(text: nil, role: cells[index + 1].role))
                    index += 2
                } else {
                    out.append(DrawCell(text: " ", role: cell.role))
                    index += 1
                }
                continue
            }
            out.append(DrawCell(text: text, role: cell.role))
            index += 1
        }
        if let corner = cornerColumn, corner >= 2, corner < out.count, out[corner - 1].text == nil {
            out[corner - 2].text = " "
            out[corner - 1].text = " "
        }
        return out
    }

    /// wcwidth, without the call for printable ASCII.
    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        return Int(cn_wcwidth(wchar_t(bitPattern: v)))
    }

    /// The first scalar and the zero-width ones after it (setcchar refuses a second spacing
    /// character, e.g. in emoji sequences; U+FE0F would make terminals disagree about the width).
    private static func spacingFirst(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i == 0 {
                scalars.append(scalar)
            } else if scalar.value != 0xFE0F, columns(scalar) == 0 {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
