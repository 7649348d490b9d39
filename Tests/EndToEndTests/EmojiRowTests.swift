import Foundation
import Testing
@testable import SitRoomCore
#if canImport(Glibc)
import Glibc
#endif

/// Hospitals named with emoji sequences terminals disagree about, in the coverage panel of the
/// real console in tmux 3.3a: every panel row is exactly the terminal's width by tmux's reckoning,
/// the right border is in the last column, and the ER-bed figures stay in their column, on the first
/// screen, after the selection has moved over the rows and after ^L.
@Suite struct EmojiRowTests {
    static let hospitals: [(id: String, name: String, beds: String)] = [
        ("EMOJI01", "👨‍👩‍👧‍👦 Family Clinic", "1/11"),
        ("EMOJI02", "🇰🇷 Flag Hospital", "2/12"),
        ("EMOJI03", "👍🏽 Skin Tone Hospital", "3/13"),
        ("EMOJI04", "1️⃣ Keycap Hospital", "4/14"),
        ("EMOJI05", "👩‍⚕️ ❤️ Plain Hospital", "5/15"),
        ("EMOJI06", "ASCII Reference Hospital", "6/16"),
    ]

    static func changes() -> String {
        hospitals.enumerated().map { i, h in
            let beds = h.beds.split(separator: "/")
            return #"{"type":"hospital.add","record":{"id":"\#(h.id)","name":"\#(h.name)","region":"Seoul"}}"# + "\n"
                + #"{"type":"hospital.report","id":"\#(h.id)","report":{"erState":"closed","erBeds":{"available":\#(beds[0]),"staffed":\#(beds[1])}}}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func emojiNamesKeepEveryCoverageRowItsWidthInTmux() throws {
        let demo = try DemoData("emoji")
        defer { demo.remove() }
        let applied = TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", demo.path, "--officer", "kim"],
                                      stdin: Self.changes())
        #expect(applied.status == 0, "\(applied.stderr)")

        let width = 120, height = 40
        let tmux = try TmuxSession.console(data: demo.path, officer: "e2e", width: width, height: height)
        _ = try tmux.waitFor("✔ saved")
        tmux.sendKeys("/")
        tmux.sendText("emoji")
        tmux.sendKeys("Enter")
        try tmux.waitUntil("the filtered rows") { screen in
            screen.contains("coverage /emoji") && screen.contains("ASCII Reference Hospital")
        }
        usleep(200_000)  // the frame's last bytes
        try Self.checkPanel(tmux.capture(), width: width, when: "first drawn")

        // Down over every row and back: each redraw of a row is a partial update.
        for _ in Self.hospitals { tmux.sendKeys("Down") }
        for _ in Self.hospitals { tmux.sendKeys("Up") }
        usleep(300_000)
        try Self.checkPanel(tmux.capture(), width: width, when: "after moving over the rows")

        tmux.sendKeys("C-l")
        usleep(300_000)
        try Self.checkPanel(tmux.capture(), width: width, when: "after ^L")
    }

    /// The coverage panel's rows in `screen` (from its top border to its bottom one): each exactly
    /// `width` columns as tmux counts them, ending in the border, with no scalar terminals disagree
    /// about; the hospitals' names as drawn, and their ER-bed figures ending in one column (that of
    /// the hospital named in ASCII).
    static func checkPanel(_ screen: String, width: Int, when: String) throws {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("ER/ICU coverage") }, "\(when): no coverage panel\n\(screen)")
        let bottom = try #require(lines[(top + 1)...].firstIndex { $0.hasPrefix("└") }, "\(when): no bottom border\n\(screen)")
        for y in (top + 1)..<bottom {
            let line = lines[y]
            #expect(Columns.width(line) == width, "\(when), row \(y): \(Columns.width(line)) columns: \(line)")
            #expect(line.hasSuffix("│"), "\(when), row \(y): the right border is not last: \(line)")
            #expect(Columns.of(lastScalarIn: line) == width - 1, "\(when), row \(y): the border is not in the last column")
            let odd = line.unicodeScalars.filter(Columns.isAmbiguous).map { String($0.value, radix: 16) }
            #expect(odd.isEmpty, "\(when), row \(y): \(odd)")
        }
        var bedEnds: [Int?] = []
        for h in hospitals {
            let drawn = SafeText.string(h.name)
            let row = try #require(lines[top..<bottom].first { $0.contains(drawn) }, "\(when): \(drawn) not shown\n\(screen)")
            bedEnds.append(Columns.end(of: " " + h.beds, in: row))
        }
        #expect(Set(bedEnds).count == 1 && bedEnds[0] != nil, "\(when): the ER-bed figures end in different columns: \(bedEnds)")
    }
}

/// Columns as tmux 3.3a counts them: glibc's wcwidth of each scalar in the C.UTF-8 locale (what
/// tmux and ncurses call), a zero-width scalar on the cell before it, no width (-1) as one column.
enum Columns {
    private typealias WcwidthFunction = @convention(c) (Int32) -> Int32

    private static let wcwidth: WcwidthFunction = {
        let handle = dlopen(nil, RTLD_NOW)
        guard let symbol = dlsym(handle, "wcwidth") else { fatalError("no wcwidth in the C library") }
        return unsafeBitCast(symbol, to: WcwidthFunction.self)
    }()

    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return 1 }
        // The C.UTF-8 locale for this thread only, for as long as the call.
        guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { fatalError("no C.UTF-8 locale") }
        defer { freelocale(utf8) }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        let w = Int(wcwidth(Int32(bitPattern: scalar.value)))
        return w < 0 ? 1 : w
    }

    static func width(_ line: String) -> Int { line.unicodeScalars.reduce(0) { $0 + of($1) } }

    /// The column where the last scalar of `line` starts.
    static func of(lastScalarIn line: String) -> Int {
        guard let last = line.unicodeScalars.last else { return 0 }
        return width(line) - of(last)
    }

    /// The column just after `text` in `line`.
    static func end(of text: String, in line: String) -> Int? {
        guard let range = line.range(of: text) else { return nil }
        return width(String(line[..<range.upperBound]))
    }

    /// Scalars that make terminals disagree about a width.
    static func isAmbiguous(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x200D || v == 0xFE0E || v == 0xFE0F || (0x1F1E6...0x1F1FF).contains(v) || (0x1F3FB...0x1F3FF).contains(v)
            || (0xE0000...0xE007F).contains(v) || v == 0x20E3
    }
}
