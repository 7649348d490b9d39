import Foundation
import SitRoomCore
import SitRoomUI

/// Workload 6: drawing the dashboard of the demo board into a screen buffer (no terminal I/O).
struct RenderBench {
    let sizes: Sizes
    let report: Report
    let now: Date

    func run() {
        let changes = DemoSituation.changes(now: now)
        let seq = UInt64(changes.count)
        var model = AppModel(
            board: DemoSituation.board(now: now), seq: seq, now: now,
            timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current, officer: "kim.duty", save: .saved(seq)
        )
        Progress.step("Dashboard.render ×\(sizes.renders) at 80x24 and 200x60, and update(.down) + render") {
            for (width, height) in [(80, 24), (200, 60)] {
                model.width = width
                model.height = height
                report.addLatencies("render.\(width)x\(height)", renders(model, width: width, height: height), unit: "µs")
            }
            report.addLatencies("update_down_render.200x60", movesAndRenders(&model, width: 200, height: 60), unit: "µs")
        }
    }

    private func renders(_ model: AppModel, width: Int, height: Int) -> Samples {
        for _ in 0..<sizes.warmUp { blackHole(Dashboard.render(model, width: width, height: height)) }
        return Samples.measure(sizes.renders) { blackHole(Dashboard.render(model, width: width, height: height)) }
    }

    /// One key press and the frame it causes. When the cursor reaches the last row it goes back to
    /// the top (untimed), so that every timed press really moves it.
    private func movesAndRenders(_ model: inout AppModel, width: Int, height: Int) -> Samples {
        model.width = width
        model.height = height
        var samples = Samples(reservingCapacity: sizes.renders)
        var presses = 0
        var stuck = 0
        while samples.count < sizes.renders, stuck < 2 {
            let before = model.cursor(model.activePanel).selected
            let start = monotonicNanos()
            blackHole(model.update(key: .down))
            blackHole(Dashboard.render(model, width: width, height: height))
            let nanos = monotonicNanos() - start
            presses += 1
            if model.cursor(model.activePanel).selected == before {
                model.cursors = [:]  // at the last row: back to the top, and this press is not a sample
                stuck += 1
                continue
            }
            stuck = 0
            if presses > sizes.warmUp { samples.add(nanos) }
        }
        return samples
    }
}
