import SitRoomCore
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

    @Test func aLongPasteStopsAtTheCapacity() {
        var e = LineEditor()
        for i in 0..<(LineEditor.capacity + 500) { e.handle(.char(i % 2 == 0 ? "a" : "서")) }
        #expect(e.characters.count == LineEditor.capacity)
        #expect(e.isFull)
        e.handle(.backspace)
        #expect(!e.isFull)
        #expect(LineEditor(String(repeating: "x", count: LineEditor.capacity * 2)).characters.count == LineEditor.capacity)
    }

    /// The window onto the line, worked out from the cursor, is the one the definition gives: the
    /// leftmost start that keeps the cursor visible, then as much as fits after it.
    @Test func theVisiblePartMatchesItsDefinition() {
        let alphabet: [Character] = ["a", "b", " ", "서", "울", "é", "中"]
        var generator = SeededRandom(seed: testSeed())
        for _ in 0..<200 {
            var e = LineEditor()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { e.handle(.char(alphabet.randomElement(using: &generator)!)) }
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { e.handle(.left) }
            let width = Int.random(in: 2..<20, using: &generator)
            let chars = e.characters
            func cells(_ r: Range<Int>) -> Int { chars[r].reduce(0) { $0 + TextWidth.of($1) } }
            var start = 0
            while cells(start..<e.cursor) > width - 1 { start += 1 }
            var end = e.cursor
            while end < chars.count && cells(start..<end + 1) <= width - 1 { end += 1 }
            let (text, column) = e.visible(width: width)
            #expect(text == String(chars[start..<end]))
            #expect(column == cells(start..<e.cursor))
        }
    }
}
