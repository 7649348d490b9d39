import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// A second's tick redraws only the clock; anything else marked stale draws the whole screen.
@Suite struct FramesTests {
    func model() -> AppModel {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        m.tick(RenderFixture.now)
        return m
    }

    /// Every cell, its role included.
    func text(_ buffer: ScreenBuffer) -> [Cell] { buffer.cells }

    @Test func theClockOnlyFrameIsWhatAWholeRenderWouldDraw() {
        var frames = Frames()
        var m = model()
        #expect(text(frames.next(m)) == text(Dashboard.render(m, width: 120, height: 40)))
        m.tick(RenderFixture.now.addingTimeInterval(7))  // same minute
        let ticked = frames.next(m)
        #expect(text(ticked) == text(Dashboard.render(m, width: 120, height: 40)))
        #expect(text(ticked) != text(Dashboard.render(model(), width: 120, height: 40)))  // the clock moved
    }

    @Test func onlyAStaleFrameShowsWhatChangedBesidesTheClock() throws {
        var frames = Frames()
        var m = model()
        _ = frames.next(m)
        let hospital = try #require(m.board.hospitals.keys.sorted().first)
        var board = m.board
        try board.apply(Change(officer: "lee", at: m.now, action: .removeHospital(id: hospital)))
        m.board = board
        let unmarked = frames.next(m)
        #expect(text(unmarked) != text(Dashboard.render(m, width: 120, height: 40)))
        frames.stale = true
        #expect(text(frames.next(m)) == text(Dashboard.render(m, width: 120, height: 40)))
        #expect(!frames.stale)
    }

    @Test func aNewSizeIsAWholeFrame() {
        var frames = Frames()
        var m = model()
        _ = frames.next(m)
        m.width = 100
        m.height = 30
        let resized = frames.next(m)
        #expect(resized.width == 100 && resized.height == 30)
        #expect(text(resized) == text(Dashboard.render(m, width: 100, height: 30)))
    }
}
