/// A cell as it will be written: the text fixed up so the terminal library's idea of its width
/// (wcwidth) matches the buffer's layout. `text` nil: the right half of a wide character, which the
/// terminal library fills itself.
public struct DrawCell: Equatable, Sendable {
    public var text: String?
    public var role: Role

    public init(text: String?, role: Role) {
        self.text = text
        self.role = role
    }
}

/// Turns a row of the screen buffer into the cells the terminal writes. A wide character needs a
/// continuation cell after it, or it becomes a blank; a continuation cell without a wide character
/// before it (left over when something narrower was drawn over half of one) becomes a blank; a
/// character wcwidth cannot print becomes "?"; only zero-width marks may follow the first character
/// of a cell.
public struct RowDrawing: Sendable {
    /// wcwidth as the terminal library sees it (-1: cannot print); asked only outside printable ASCII.
    private let wcwidth: @Sendable (Unicode.Scalar) -> Int

    public init(wcwidth: @escaping @Sendable (Unicode.Scalar) -> Int) {
        self.wcwidth = wcwidth
    }

    /// `cornerColumn`: this row ends at the screen's bottom-right corner, in that column. ncurses
    /// writes that cell by writing it one column to the left and inserting the cell that belongs
    /// there in front of it; when that is the right half of a wide character, the terminal's idea of
    /// the row goes wrong (measured in tmux: the corner character vanishes on a later update). So a
    /// wide character just before the corner is drawn as two blanks.
    public func cells(_ cells: ArraySlice<Cell>, cornerColumn: Int? = nil) -> [DrawCell] {
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
    private func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        return wcwidth(scalar)
    }

    /// The first scalar and the zero-width ones after it (setcchar refuses a second spacing
    /// character, e.g. in emoji sequences; U+FE0F would make terminals disagree about the width).
    private func spacingFirst(_ text: String) -> String {
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
