import Foundation
import Testing
@testable import SitRoomUI

/// `put` and `TextWidth.of` take shortcuts for printable ASCII and for text of standalone scalars
/// (Hangul, Han, box drawing); they must agree with the general, grapheme-by-grapheme way.
@Suite struct TextFastPathTests {
    static let samples = [
        "ER beds 279/1392", "서울대학교병원", "━━━┓", "▲ 42 alerts · 35 new", "고려대학교의과대학부속병원(안암병원)",
        "北京协和医院", "Bệnh viện Bạch Mai", "e\u{301}cole", "a\tb", "‮evil", "✔ saved #12", "ﾊﾝｶｸ and ＦＵＬＬ",
        "", "한글 mixed with ASCII → arrows", "Ａ", "👍🏽 ok",
    ]

    /// The general way: one grapheme cluster at a time.
    static func slowWidth(_ text: String) -> Int { text.reduce(0) { $0 + TextWidth.of($1) } }

    @Test(arguments: samples)
    func theWidthIsTheSameEitherWay(text: String) {
        #expect(TextWidth.of(text) == Self.slowWidth(text))
    }

    @Test(arguments: samples)
    func textThatFitsReadsBackAndTextThatDoesNotIsCutWithAnEllipsis(text: String) {
        for width in [3, 6, 10, 40] {
            var buffer = ScreenBuffer(width: 50, height: 1)
            let used = buffer.put(text, x: 2, y: 0, maxWidth: width)
            #expect(used <= width)
            let line = buffer.lines[0]
            let shown = String(line.dropFirst(2)).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
            if Self.slowWidth(text) <= width, TextWidth.isSimple(text) {
                #expect(shown == text.replacingOccurrences(of: " +$", with: "", options: .regularExpression), "\(text) in \(width)")
            } else if Self.slowWidth(text) > width {
                #expect(shown.hasSuffix("…"), "\(text) in \(width): \(shown)")
            }
            // Wide characters are never split: every wide cell is followed by its continuation.
            for x in 0..<49 where TextWidth.of(buffer[x, 0].text) == 2 {
                #expect(buffer[x + 1, 0].isContinuation, "\(text) at \(x)")
            }
        }
    }

    @Test func controlAndBidiCharactersNeverTakeTheShortcut() {
        #expect(!TextWidth.isSimple("a\tb"))
        #expect(!TextWidth.isSimple("‮evil"))
        #expect(!TextWidth.isSimple("e\u{301}"))
        #expect(!TextWidth.isPrintableASCII("a\u{1b}[31m"))
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("a\u{1b}b", x: 0, y: 0)
        #expect(buffer.lines[0].hasPrefix("a␛b"))
    }
}
