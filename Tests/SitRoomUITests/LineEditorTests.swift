import Testing
@testable import SitRoomUI

@Suite struct LineEditorTests {
    func typed(_ text: String) -> LineEditor {
        var e = LineEditor()
        for c in text { e.handle(.char(c)) }
        return e
    }

    @Test func koreanIsEditedOneSyllableAtATime() {
        var e = typed("서울대 limited")
        #expect(e.text == "서울대 limited")
        e.handle(.home)
        e.handle(.right)
        e.handle(.delete)
        #expect(e.text == "서대 limited")
        e.handle(.backspace)
        #expect(e.text == "대 limited")
        #expect(e.cursor == 0)
    }

    @Test func shellKeysWork() {
        var e = typed("er snuh limited beds=3/20")
        e.handle(.ctrl("w"))
        #expect(e.text == "er snuh limited ")
        e.handle(.ctrl("a"))
        #expect(e.cursor == 0)
        e.handle(.ctrl("e"))
        #expect(e.cursor == e.characters.count)
        e.handle(.left); e.handle(.left)
        e.handle(.ctrl("k"))
        #expect(e.text == "er snuh limite")
        e.handle(.ctrl("u"))
        #expect(e.text == "")
        let handled = e.handle(.enter)
        #expect(!handled, "Enter is not an editing key")
    }

    @Test func theCursorStaysVisibleInANarrowField() {
        let e = typed("서울대학교병원 응급실 제한 운영")
        let (text, column) = e.visible(width: 10)
        #expect(TextWidth.of(text) <= 9)
        #expect(column == TextWidth.of(text))
        #expect(text.hasSuffix("운영"))
    }
}
