import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// Names and notes an attacker (or a broken feed) could put in the data: none of it may reach the
/// terminal raw, break a column or run off the screen.
enum HostileText {
    static let samples: [String] = [
        "\u{1B}[2J\u{1B}[H cleared",  // CSI: clear the screen
        "\u{1B}]0;PWNED\u{07}title",  // OSC: set the window title
        "\u{1B}]52;c;ZXZpbA==\u{07}clip",  // OSC 52: write the clipboard
        "\u{9B}31mC1 CSI",  // the one-byte CSI
        "\u{202E}lanigiro\u{202C} RLO",  // right-to-left override
        "\u{2066}isolated\u{2069}",
        "zero\u{200B}width\u{2060}joiner\u{200D}x\u{FEFF}",
        "tab\there\r\nnew line",
        "\u{7F}del\u{08}back\u{00}nul",
        "Zalgo e" + String(repeating: "\u{0301}", count: 300),
        "긴이름" + String(repeating: "가나다라마바사", count: 1_430),  // 10,000+ characters
    ] + emoji

    /// Emoji sequences terminals disagree about (see `SafeText`): a joined family, a flag, a skin
    /// tone, a keycap, a text-style symbol made emoji, a subdivision flag of tag characters.
    static let emoji: [String] = [
        "👨‍👩‍👧‍👦 Family Clinic", "🇰🇷 Flag Hospital", "👍🏽 Skin Tone Hospital", "1️⃣ Keycap Hospital",
        "👩‍⚕️ ❤️ 🏳️‍🌈 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} mixed",
    ]

    /// Scalars that must never be in a cell: C0 and C1 controls, DEL, direction controls, invisible
    /// format characters outside an emoji sequence.
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x200B || v == 0x200D || (0x2060...0x2064).contains(v) || v == 0xFEFF
    }

    /// Scalars that make terminals disagree about a width, never in a cell: the joiner, variation
    /// selectors, regional indicators, skin tones, tag characters, the keycap mark.
    static func isAmbiguous(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x200D || v == 0xFE0E || v == 0xFE0F || (0x1F1E6...0x1F1FF).contains(v) || (0x1F3FB...0x1F3FF).contains(v)
            || (0xE0000...0xE007F).contains(v) || v == 0x20E3
    }

    /// The demo board with one hospital, agency, contact, log entry and action per sample.
    static func model() -> AppModel {
        var m = RenderFixture.demoModel()
        var board = m.board
        let now = RenderFixture.now
        for (i, s) in samples.enumerated() {
            board.hospitals["hx\(i)"] = Hospital(id: "hx\(i)", name: s, region: s, address: s)
            board.agencies["ax\(i)"] = Agency(id: "ax\(i)", name: s, notes: s)
            board.contacts["cx\(i)"] = Contact(id: "cx\(i)", agencyId: "ax\(i)", person: s, role: s, phone: s)
            // Replayed: the 10,000-character sample is over `Limits.textCharacters`, as a journal
            // written before the limit may still hold, and the screen must cope with it.
            try! board.replay(Change(officer: "kim.duty", at: now, action: .addLog(LogEntry(id: "lx\(i)", eventTime: now, text: s))))
            board.actions["tx\(i)"] = ActionItem(id: "tx\(i)", text: s, ownerAgencyId: "ax\(i)", due: now)
        }
        m.board = board
        return m
    }
}

@Suite struct HostileTextTests {
    static let screens: [Screen] = PanelID.allCases.map { .full($0) } + [.dashboard]
        + (0..<HostileText.samples.count).map { .detail(.hospital("hx\($0)")) }
        + [.detail(.contact("cx0")), .detail(.logEntry("lx0")), .detail(.action("tx0"))]

    @Test(arguments: screens)
    func nothingRawReachesTheScreenAndRowsKeepTheirWidth(screen: Screen) {
        var m = HostileText.model()
        m.screens = [screen]
        if case .full(let p) = screen { m.focus = p }
        for (w, h) in [(120, 40), (61, 17)] {
            let buffer = RenderFixture.render(m, w, h)
            for y in 0..<h {
                var cells = 0
                for x in 0..<w {
                    let cell = buffer[x, y]
                    #expect(!cell.text.unicodeScalars.contains(where: HostileText.isForbidden), "\(screen) (\(x),\(y))")
                    #expect(!cell.text.unicodeScalars.contains(where: HostileText.isAmbiguous), "\(screen) (\(x),\(y))")
                    #expect(cell.text.count <= 1, "one character a cell: \(screen) (\(x),\(y))")
                    #expect(cell.text.unicodeScalars.count <= 1 + SafeText.maxMarks, "\(screen) (\(x),\(y))")
                    if !cell.isContinuation { cells += TextWidth.of(cell.text) }
                }
                #expect(cells == w, "\(screen) \(w)x\(h) row \(y): \(cells) cells")
            }
        }
    }

    @Test func theHostileNamesShowAsVisiblePlaceholders() {
        let shown = [
            "␛[2J␛[H cleared", "␛]0;PWNED␇title", "␛]52;c;ZXZpbA==␇clip", "�31mC1 CSI", "�lanigiro� RLO",
            "�isolated�", "zero�width�joine�x�", "tab␉here␍new line", "␡del␈back␀nul",
            "Zalgo e" + String(repeating: "\u{0301}", count: SafeText.maxMarks),
            "긴이름가나다라마바사",
        ]
        var m = HostileText.model()
        for (i, want) in shown.enumerated() {
            m.screens = [.detail(.hospital("hx\(i)"))]
            let text = RenderFixture.render(m, 200, 60).text
            #expect(text.contains(want), "hx\(i)")
        }
        m.screens = [.detail(.hospital("hx10"))]
        let long = RenderFixture.render(m, 120, 40).lines.first { $0.contains("긴이름") } ?? ""
        #expect(long.contains("…"), "a 10,000-character name ends in an ellipsis")
    }

    @Test func safeTextKeepsWhatIsHarmless() {
        for ok in ["서울대학교병원", "Bệnh viện Bạch Mai", "e\u{0301}", "👍", "👨👩👧👦", "❤", "⚕", "北京协和医院"] {
            #expect(SafeText.string(ok) == ok, "\(ok)")
            #expect(ok.allSatisfy { SafeText.drawn($0) == String($0) }, "\(ok)")
        }
        #expect(SafeText.string("Zalgo e" + String(repeating: "\u{0301}", count: 50)).unicodeScalars.count == 7 + SafeText.maxMarks)
    }
}
