import Testing
@testable import SitRoomUI

@Suite struct SparklineTests {
    @Test func valuesAreScaledFromTheLowestToTheHighestMark() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([10, 20, 30], width: 3) == "▁▅█")
        // Rounded to the nearest mark: 1/3 of the way up is 2.33 marks up.
        #expect(Sparkline.render([0, 1, 2, 3], width: 4) == "▁▃▆█")
        #expect(Sparkline.render([-5, 0, 5], width: 3) == "▁▅█")
    }

    @Test func aFlatSeriesIsAFlatLineAtTheBottom() {
        #expect(Sparkline.render([4, 4, 4], width: 3) == "▁▁▁")
        #expect(Sparkline.render([0], width: 1) == "▁")
        #expect(Sparkline.render([nil, 7, nil, 7], width: 4) == " ▁ ▁")
    }

    @Test func gapsAreBlank() {
        #expect(Sparkline.render([nil, nil, 1, 3, nil, 2], width: 6) == "  ▁█ ▅")
        #expect(Sparkline.render([nil, nil, nil], width: 3) == "   ")
        #expect(Sparkline.render([], width: 3) == "   ")
    }

    @Test func theNewestValuesEndAtTheRightEdge() {
        // Fewer values than cells: blank on the left.
        #expect(Sparkline.render([1, 2], width: 5) == "   ▁█")
        // More: the newest that fit, scaled among themselves.
        #expect(Sparkline.render([100, 0, 1, 2], width: 3) == "▁▅█")
    }

    @Test func widthZeroIsNothingAndWidthOneIsTheNewestValue() {
        #expect(Sparkline.render([1, 2, 3], width: 0) == "")
        #expect(Sparkline.render([1, 2, 3], width: -2) == "")
        #expect(Sparkline.render([1, 2, 3], width: 1) == "▁")
        #expect(Sparkline.render([1, 2, 3], width: 1, range: 1...3) == "█")
        #expect(Sparkline.render([1, nil], width: 1) == " ")
    }

    @Test func aGivenRangeScalesAndClamps() {
        #expect(Sparkline.render([0, 5, 10], width: 3, range: 0...20) == "▁▃▅")
        #expect(Sparkline.render([-3, 30], width: 2, range: 0...20) == "▁█")
        #expect(Sparkline.render([6, 6], width: 2, range: 6...6) == "▁▁")
    }

    @Test func theASCIIFallbackHasFiveMarks() {
        #expect(Sparkline.render([0, 1, 2, 3, 4], width: 5, style: .ascii) == "_.-=^")
        #expect(Sparkline.render([0, 7, nil, 3, 3], width: 5, style: .ascii) == "_^ --")
        #expect(Sparkline.render([2, 2], width: 2, style: .ascii) == "__")
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8, style: .ascii).allSatisfy { $0.isASCII })
    }

    @Test func everyCellIsOneColumnWide() {
        for style in [Sparkline.Style.blocks, .ascii] {
            for width in 0...30 {
                let s = Sparkline.render((0..<40).map { $0 % 3 == 0 ? nil : $0 * 7 % 11 }, width: width, style: style)
                #expect(TextWidth.of(s) == width)
                #expect(s.count == width)
            }
        }
    }

    @Test func asciiOnlyWhereTheBlocksWouldNotShow() {
        #expect(Sparkline.Style(environment: ["LANG": "ko_KR.UTF-8", "TERM": "xterm-256color"]) == .blocks)
        #expect(Sparkline.Style(environment: ["LANG": "C.utf8"]) == .blocks)
        #expect(Sparkline.Style(environment: [:]) == .blocks)  // plain C: the terminal falls back to C.UTF-8
        #expect(Sparkline.Style(environment: ["LANG": "C"]) == .blocks)
        #expect(Sparkline.Style(environment: ["LANG": "ko_KR.EUC-KR"]) == .ascii)
        #expect(Sparkline.Style(environment: ["LC_ALL": "en_US.ISO-8859-1", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(Sparkline.Style(environment: ["LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8@euro", "LANG": "C"]) == .blocks)
        #expect(Sparkline.Style(environment: ["LANG": "C.UTF-8", "TERM": "linux"]) == .ascii)
    }
}
