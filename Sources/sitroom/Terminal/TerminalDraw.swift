import CNcurses
import Glibc
import SitRoomUI

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
            // see `RowDrawing.cells`.
            let cornerColumn = y == screenHeight - 1 && buffer.width >= screenWidth ? screenWidth - 1 : nil
            let newRow = Terminal.rowDrawing.cells(newCells, cornerColumn: cornerColumn)
            if let old {
                let oldCells = old.cells[rowStart..<(rowStart + old.width)]
                if oldCells == newCells { continue }
                let oldRow = Terminal.rowDrawing.cells(oldCells, cornerColumn: cornerColumn)
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

    /// Rows as ncurses will see them, by its own wcwidth.
    static let rowDrawing = RowDrawing { Int(cn_wcwidth(wchar_t(bitPattern: $0.value))) }
}
