import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

@Suite struct RenderTests {
    /// The demo board at three sizes, against reviewed screens in Screens/ (SITROOM_RECORD=1 rewrites them).
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func demoScreenMatchesTheReviewedOne(width: Int, height: Int) throws {
        let screen = RenderFixture.render(RenderFixture.demoModel(), width, height).text
        try RenderFixture.expectReviewedScreen(screen, "demo-\(width)x\(height)")
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count == height)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60), (60, 16), (61, 17)])
    func everyRowIsExactlyTheScreenWide(width: Int, height: Int) {
        let buffer = RenderFixture.render(RenderFixture.demoModel(), width, height)
        for y in 0..<height {
            var cells = 0
            for x in 0..<width where !buffer[x, y].isContinuation { cells += TextWidth.of(buffer[x, y].text) }
            #expect(cells == width, "row \(y): \(cells) cells")
        }
    }

    @Test func aTinyTerminalAsksToBeEnlarged() {
        let text = RenderFixture.render(RenderFixture.demoModel(), 40, 10).text
        #expect(text.contains("Enlarge the window"))
        #expect(text.contains("this one is 40×10"))
        let one = RenderFixture.render(RenderFixture.demoModel(), 1, 1)
        #expect(one.width == 1 && one.height == 1)
    }

    /// The same model state draws the same screen, whatever the caches hold: each step is drawn
    /// from a model whose caches were warmed by the states before it, and from a model made afresh
    /// (cold caches) and brought to the same state. A cache keyed too loosely would show an earlier
    /// board, filter, sort order, minute or baseline in the first.
    @Test func renderIsPure() throws {
        let t = RenderFixture.now
        func report(_ m: inout AppModel, _ id: String, _ r: HospitalReport, seq: UInt64) {
            var board = m.board
            try! board.apply(Change(officer: "park.seoul", at: m.now, action: .reportHospital(id: id, r)))
            m.boardChanged(board, seq: seq, changedIds: [id])
        }
        let steps: [(String, (inout AppModel) -> Void)] = [
            ("as built", { _ in }),
            ("20 s on, the same minute", { _ = $0.tick(t.addingTimeInterval(20)) }),
            ("a new minute", { _ = $0.tick(t.addingTimeInterval(80)) }),
            ("a report", { report(&$0, "A1100017", HospitalReport(erState: .closed, erBeds: Capacity(available: 0, staffed: 36)), seq: 332) }),
            ("two hours on: reports go stale", { _ = $0.tick(t.addingTimeInterval(2 * 3600)) }),
            ("a filter", { $0.filters[.coverage] = "서울" }),
            ("sorted by ER beds", { $0.sortColumns[.coverage] = 4 }),
            ("another report under the filter", { report(&$0, "A1100009", HospitalReport(erBeds: Capacity(available: 9, staffed: 40)), seq: 333) }),
            ("the filter changed", { $0.filters[.coverage] = "대학교" }),
            ("the strike view", { $0.screens = [.full(.strike)]; $0.focus = .strike }),
            ("a briefing and its baseline", {
                var board = $0.board
                try! board.apply(Change(officer: "kim.duty", at: $0.now, action: .markBriefing(Briefing(id: "b-p", title: "pure"))))
                $0.boardChanged(board, seq: 334, changedIds: [])
                $0.briefingBaseline = board
                $0.screens = [.full(.briefing)]
                $0.focus = .briefing
            }),
            ("a change since the briefing", { report(&$0, "A1100017", HospitalReport(erState: .open), seq: 335) }),
            ("a day on", { _ = $0.tick(t.addingTimeInterval(26 * 3600)) }),
            ("back to the dashboard", { $0.screens = [.dashboard]; $0.focus = .coverage }),
        ]
        var warm = RenderFixture.demoModel()
        for (i, step) in steps.enumerated() {
            step.1(&warm)
            var cold = RenderFixture.demoModel()
            for earlier in steps[...i] { earlier.1(&cold) }
            for (w, h) in [(120, 40), (80, 24)] {
                let warmScreen = RenderFixture.render(warm, w, h)
                let coldScreen = RenderFixture.render(cold, w, h)
                #expect(warmScreen.text == coldScreen.text, "\(step.0) at \(w)x\(h)")
                #expect(warmScreen == coldScreen, "\(step.0) at \(w)x\(h): the same text, other colours")
                #expect(warmScreen == RenderFixture.render(warm, w, h), "\(step.0) at \(w)x\(h), drawn again")
            }
        }
    }

    @Test func theTopBarShowsSaveStateAndDemo() {
        var m = RenderFixture.demoModel()
        var top = RenderFixture.render(m, 80, 24).lines[0]
        #expect(top.contains("✔ saved #331"))
        #expect(top.contains("DEMO"))
        #expect(top.contains("19:33:20 KST"))
        m.save = .notSaved("No space left on device")
        top = RenderFixture.render(m, 80, 24).lines[0]
        #expect(top.contains("NOT SAVED"))
        let buffer = RenderFixture.render(m, 80, 24)
        let x = top.distance(from: top.startIndex, to: top.range(of: "NOT SAVED")!.lowerBound)
        #expect(buffer[x, 0].role == .notSaved)
    }

    @Test func staleReportsAreMarked() throws {
        let m = RenderFixture.demoModel()
        let stale = m.board.hospitals.values.filter { $0.isStale(at: m.now) }
        #expect(!stale.isEmpty)
        let rows = PanelID.coverage.content(m).rows
        for h in stale {
            let row = try #require(rows.first { $0.id == h.id })
            let age = row.cells[9]
            #expect(age.text.hasPrefix("!"))
            #expect(age.role == .stale)
        }
    }
}

@Suite struct WideTextTests {
    static let names = [
        "서울대학교병원",                       // Hangul syllables (precomposed)
        "\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}대",  // 서울 in conjoining jamo (NFD) + 대
        "北京协和医院",                          // Han
        "Bệnh viện Bạch Mai",                    // Vietnamese, precomposed (NFC)
        "Be\u{0302}\u{0323}nh vie\u{0323}\u{0302}n",  // Vietnamese with combining marks (NFD)
        "e\u{0301}cole",                          // Latin + combining acute
        "ＡＢＣ full-width",
    ]

    @Test func widthsAgreeWithWcwidth() {
        #expect(TextWidth.of("서울대학교병원") == 14)
        #expect(TextWidth.of("\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}대") == 6)
        #expect(TextWidth.of("北京协和医院") == 12)
        #expect(TextWidth.of("Bệnh viện") == 9)
        #expect(TextWidth.of("Be\u{0302}\u{0323}nh") == 4)
        #expect(TextWidth.of("e\u{0301}cole") == 5)
        #expect(TextWidth.of("ＡＢＣ") == 6)
    }

    /// Every row's second column starts in the same cell, whatever the script of the first.
    @Test func columnsLineUpCellByCell() {
        var buffer = ScreenBuffer(width: 40, height: Self.names.count + 1)
        let columns = [Column("Name", width: 12, flexible: false), Column("ER", width: 7)]
        let rows = Self.names.enumerated().map { i, name in
            TableRow(id: "\(i)", cells: [TableCell(name), TableCell("CLOSED")])
        }
        Table.draw(&buffer, buffer.bounds, columns: columns, rows: rows, selected: nil, top: 0, focused: false)
        for y in 1...Self.names.count {
            #expect(buffer[13, y].text == "C", "row \(y): \(buffer.lines[y])")
            #expect(buffer[12, y].text == " ", "row \(y): the separator cell stays blank")
            var cells = 0
            for x in 0..<13 where !buffer[x, y].isContinuation { cells += TextWidth.of(buffer[x, y].text) }
            #expect(cells == 13, "row \(y): \(buffer.lines[y])")
        }
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        for width in 1...15 {
            var buffer = ScreenBuffer(width: 20, height: 1)
            let used = buffer.put("서울대학교병원", x: 0, y: 0, maxWidth: width)
            #expect(used <= width)
            let line = buffer.lines[0]
            if width < 14 {
                #expect(line.contains("…"), "width \(width): \(line)")
            }
            for x in 0..<20 where buffer[x, 0].isContinuation {
                #expect(x > 0 && TextWidth.of(buffer[x - 1, 0].text) == 2, "width \(width): orphan half at \(x)")
            }
        }
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("서울대학교병원", x: 0, y: 0, maxWidth: 5)
        #expect(buffer.lines[0].hasPrefix("서울…"))
    }

    @Test func combiningMarksStayOnTheirLetter() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("e\u{0301}cole", x: 0, y: 0)
        #expect(buffer[0, 0].text == "e\u{0301}")
        #expect(buffer[1, 0].text == "c")
    }

    @Test func controlCharactersNeverReachTheScreenRaw() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        buffer.put("A\u{1B}[31mB\u{07}\u{202E}C\u{9B}", x: 0, y: 0)
        let text = buffer.lines[0]
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(text.hasPrefix("A␛[31mB␇�C�"))
    }
}

@Suite struct ClockTickTests {
    /// The run loop redraws only the top bar on a tick within the same minute: that must give
    /// exactly the frame a full render would.
    @Test func aClockTickWithinTheMinuteEqualsAFullRender() {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        var frame = Dashboard.render(m, width: 120, height: 40)
        let rendered = m.now
        for second in 1...20 {
            m.tick(rendered.addingTimeInterval(Double(second)))
            guard Dashboard.tickNeedsOnlyTheClock(m, renderedAt: rendered) else {
                #expect(Int(m.now.timeIntervalSince1970 / 60) != Int(rendered.timeIntervalSince1970 / 60))
                return
            }
            Dashboard.refreshClock(&frame, m)
            #expect(frame == Dashboard.render(m, width: 120, height: 40), "second \(second)")
        }
    }

    @Test func messagesAndHighlightsForceAFullRender() {
        var m = RenderFixture.demoModel()
        m.say("saved #332")
        #expect(!Dashboard.tickNeedsOnlyTheClock(m, renderedAt: m.now))
        m.tick(m.now.addingTimeInterval(5))
        #expect(m.flash == nil, "an expired message is cleared")
        m.changedRows["A1100017"] = m.now.addingTimeInterval(3)
        #expect(!Dashboard.tickNeedsOnlyTheClock(m, renderedAt: m.now))
    }

    /// Once a highlight or a message has expired, the next tick needs only the clock again; the
    /// frame that still shows it does not: tick says so, and the console draws a full frame.
    @Test func expiringHighlightsAndMessagesAskForAFullFrame() {
        var m = RenderFixture.demoModel()
        let start = m.now
        m.say("saved #332", seconds: 2)
        m.changedRows["A1100017"] = start.addingTimeInterval(3)
        let expired = (1...4).map { m.tick(start.addingTimeInterval(Double($0))) }
        #expect(expired == [false, true, true, false], "1 s: nothing yet; 2 s: the message; 3 s: the highlight; 4 s: nothing left")
    }
}
