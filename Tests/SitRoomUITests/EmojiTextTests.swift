import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// Emoji sequences are drawn in a form every terminal measures alike (`SafeText.drawn`): each emoji
/// of a joined sequence on its own, a flag as its letters, no variation selectors, skin tones, tag
/// characters or keycap marks. The widths here are glibc's wcwidth of the drawn scalars (what
/// ncurses and tmux 3.3a count), measured on this machine.
@Suite struct EmojiTextTests {
    struct Case: Sendable, CustomStringConvertible {
        var raw: String
        var drawn: String
        var width: Int
        var description: String { drawn.isEmpty ? "(nothing)" : drawn }
    }

    static let cases: [Case] = [
        Case(raw: "👨‍👩‍👧‍👦", drawn: "👨👩👧👦", width: 8),
        Case(raw: "🇰🇷", drawn: "KR", width: 2),
        Case(raw: "🇰", drawn: "K", width: 1),
        Case(raw: "🇰🇷🇯🇵", drawn: "KRJP", width: 4),
        Case(raw: "👍🏽", drawn: "👍", width: 2),
        Case(raw: "🏽", drawn: "", width: 0),
        Case(raw: "a\u{1F3FD}", drawn: "a", width: 1),
        Case(raw: "1️⃣", drawn: "1", width: 1),
        Case(raw: "#\u{20E3}", drawn: "#", width: 1),
        Case(raw: "❤️", drawn: "❤", width: 1),
        Case(raw: "⌚\u{FE0E}", drawn: "⌚", width: 2),
        Case(raw: "👩‍⚕️", drawn: "👩⚕", width: 3),
        Case(raw: "🏳️‍🌈", drawn: "🏳🌈", width: 3),
        Case(raw: "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", drawn: "🏴", width: 2),
        Case(raw: "👨\u{200D}", drawn: "👨", width: 2),
        Case(raw: "👨‍👩‍👧‍👦 Family Clinic", drawn: "👨👩👧👦 Family Clinic", width: 22),
        Case(raw: "서울🇰🇷병원", drawn: "서울KR병원", width: 10),
    ]

    @Test(arguments: cases)
    func emojiAreDrawnInAFormEveryTerminalMeasuresAlike(c: Case) {
        #expect(SafeText.string(c.raw) == c.drawn)
        #expect(DisplayWidth.of(c.raw) == c.width, "the width of the text is the width drawn")
        #expect(DisplayWidth.of(c.drawn) == c.width)
        #expect(SafeText.string(c.drawn) == c.drawn, "drawing what is drawn changes nothing")
        #expect(!c.drawn.unicodeScalars.contains(where: HostileText.isAmbiguous))
        // Each character of the drawn text stays one character when the text is read again.
        #expect(c.drawn.reduce(0) { $0 + DisplayWidth.of($1) } == c.width)
    }

    @Test(arguments: cases)
    func theBufferHoldsOneDrawnCharacterACell(c: Case) {
        var buffer = ScreenBuffer(width: 30, height: 1)
        let used = buffer.put(c.raw, x: 1, y: 0)
        #expect(used == c.width)
        #expect(buffer.lines[0] == " " + c.drawn + String(repeating: " ", count: 29 - c.width))
        var cells = 0
        for x in 0..<30 where !buffer[x, 0].isContinuation { cells += TextWidth.of(buffer[x, 0].text) }
        #expect(cells == 30)
    }

    /// `needsMapping` (ranges, for speed) says what the named predicates say, for every scalar.
    @Test func theQuickCheckAgreesWithThePredicates() {
        for v in UInt32(0)...0xE00FF {
            guard Unicode.Scalar(v) != nil else { continue }
            let slow = v < 0x20 || v == 0x7F || SafeText.isC1(v) || SafeText.isBidiControl(v) || SafeText.isInvisibleFormat(v)
                || SafeText.isTag(v) || SafeText.isRegionalIndicator(v) || SafeText.isVariationSelector(v) || SafeText.isSkinTone(v)
            if SafeText.needsMapping(v) != slow { Issue.record("U+\(String(v, radix: 16))") }
        }
    }

    @Test func aCutNeverSplitsAnEmojiAndEndsInAnEllipsis() {
        let name = "👨‍👩‍👧‍👦 Family Clinic"
        for width in 1...23 {
            var buffer = ScreenBuffer(width: 24, height: 1)
            let used = buffer.put(name, x: 0, y: 0, maxWidth: width)
            #expect(used <= width)
            for x in 0..<23 where TextWidth.of(buffer[x, 0].text) == 2 {
                #expect(buffer[x + 1, 0].isContinuation, "width \(width): a wide cell at \(x) without its right half")
            }
            let line = buffer.lines[0].replacingOccurrences(of: " +$", with: "", options: .regularExpression)
            #expect(width >= 22 ? line == "👨👩👧👦 Family Clinic" : line.hasSuffix("…"), "width \(width): \(line)")
        }
    }

    /// Hospitals named with emoji in the coverage panel, beside one named in ASCII: every row is the
    /// screen's width, closed by the border, and the ER-bed figure ends in the same column on every row.
    @Test(arguments: [(120, 40), (80, 24)])
    func coverageRowsWithEmojiNamesKeepTheirColumns(width: Int, height: Int) throws {
        var m = RenderFixture.demoModel()
        var board = m.board
        let names = ["ASCII Reference Hospital", "👨‍👩‍👧‍👦 Family Clinic", "🇰🇷 Flag Hospital", "👍🏽 Skin Tone Hospital", "1️⃣ Keycap Hospital"]
        for (i, name) in names.enumerated() {
            let id = "EMOJI\(i)"
            try board.apply(Change(officer: "kim.duty", at: RenderFixture.now, action: .addHospital(Hospital(id: id, name: name, region: "Seoul"))))
            try board.apply(Change(officer: "kim.duty", at: RenderFixture.now, action: .reportHospital(id: id, HospitalReport(
                erState: .closed, erBeds: Capacity(available: i, staffed: 10 + i)))))
        }
        m.board = board
        m.filters[.coverage] = "emoji"
        let buffer = RenderFixture.render(m, width, height)
        let lines = buffer.lines
        var bedEnds: [Int] = []
        for (i, name) in names.enumerated() {
            // The start of the name: at 80 columns the longest is cut in its middle (the row's
            // capability count takes the room), its beginning kept.
            let y = try #require(lines.firstIndex { $0.contains(SafeText.string(name).prefix(4)) }, "\(name) at \(width)x\(height)")
            var cells = 0
            for x in 0..<width where !buffer[x, y].isContinuation { cells += TextWidth.of(buffer[x, y].text) }
            #expect(cells == width)
            #expect(buffer[width - 1, y].text == "│", "the right border closes the row")
            bedEnds.append(try #require(Self.cellColumn(buffer, y: y, endOf: " \(i)/\(10 + i)")))
        }
        #expect(Set(bedEnds).count == 1, "the ER-bed figures end in one column: \(bedEnds)")
    }

    /// The cell column just after `text` on row `y`, counting cells (wide characters take two).
    static func cellColumn(_ buffer: ScreenBuffer, y: Int, endOf text: String) -> Int? {
        var row = ""
        var columns: [Int] = []
        for x in 0..<buffer.width where !buffer[x, y].isContinuation {
            for _ in buffer[x, y].text { columns.append(x) }
            row += buffer[x, y].text
        }
        guard let range = row.range(of: text) else { return nil }
        let last = row.distance(from: row.startIndex, to: range.upperBound) - 1
        return columns[last] + TextWidth.of(row[row.index(row.startIndex, offsetBy: last)])
    }
}
