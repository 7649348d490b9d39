import Testing
@testable import SitRoomUI

/// The row fix-ups the terminal relies on, with a wcwidth of known answers in place of ncurses'.
@Suite struct RowDrawingTests {
    let drawing = RowDrawing { scalar in
        switch scalar.value {
        case 0..<0x20, 0x7F: -1
        case 0x300...0x36F, 0x200D, 0xFE0F: 0
        case 0xAC00...0xD7A3, 0x1F300...0x1FAFF: 2
        default: 1
        }
    }

    func row(_ texts: [String], role: Role = .normal) -> ArraySlice<Cell> {
        ArraySlice(texts.map { Cell($0, role) })
    }

    func texts(_ cells: [DrawCell]) -> [String?] { cells.map(\.text) }

    @Test func plainTextIsWrittenAsItIs() {
        let out = drawing.cells(row(["a", "b", " ", "~"], role: .saved))
        #expect(texts(out) == ["a", "b", " ", "~"])
        #expect(out.allSatisfy { $0.role == .saved })
    }

    @Test func aWideCharacterKeepsItsRightHalfForTheTerminalToFill() {
        var cells = row(["한", "", "x"])
        cells[cells.startIndex + 1].role = .error
        let out = drawing.cells(cells)
        #expect(texts(out) == ["한", nil, "x"])
        #expect(out[1].role == .error)
    }

    @Test func aWideCharacterWithoutItsRightHalfBecomesABlank() {
        #expect(texts(drawing.cells(row(["한", "x"]))) == [" ", "x"])
        #expect(texts(drawing.cells(row(["x", "한"]))) == ["x", " "])
    }

    @Test func aRightHalfWithoutItsCharacterBecomesABlank() {
        #expect(texts(drawing.cells(row(["x", "", "y"]))) == ["x", " ", "y"])
    }

    @Test func whatCannotBePrintedBecomesAQuestionMark() {
        #expect(texts(drawing.cells(row(["\u{7}", "a"]))) == ["?", "a"])
    }

    @Test func aLoneMarkGetsASpaceToSitOn() {
        #expect(texts(drawing.cells(row(["\u{301}"]))) == [" \u{301}"])
    }

    @Test func onlyZeroWidthMarksFollowTheFirstCharacter() {
        #expect(texts(drawing.cells(row(["e\u{301}"]))) == ["e\u{301}"])
        // An emoji sequence: the joiner stays, the second emoji and the presentation selector go.
        #expect(texts(drawing.cells(row(["👩\u{200D}💻", ""]))) == ["👩\u{200D}", nil])
        #expect(texts(drawing.cells(row(["❤\u{FE0F}"]))) == ["❤"])
    }

    @Test func aWideCharacterJustBeforeTheCornerIsDrawnAsTwoBlanks() {
        let cells = row(["a", "한", "", "z"])
        #expect(texts(drawing.cells(cells, cornerColumn: 3)) == ["a", " ", " ", "z"])
        // Anywhere else in the row, or on a row that does not end at the corner, it stays.
        #expect(texts(drawing.cells(cells, cornerColumn: 2)) == ["a", "한", nil, "z"])
        #expect(texts(drawing.cells(cells)) == ["a", "한", nil, "z"])
    }
}
