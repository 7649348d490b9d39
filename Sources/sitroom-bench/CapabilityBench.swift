import Foundation
import SitRoomCore
import SitRoomUI

/// Issue 15 on the large scenario: the capability matrix's key to frame at 200x60 (rows, columns
/// and pages, a sort by a condition), and `where` over every hospital in process (what the
/// console's `:where` and `sitroom where` ask the board).
struct CapabilityBench {
    let sizes: Sizes
    let report: Report

    func run(_ start: AppModel) {
        let board = start.board
        report.add("capability.conditions", Double(board.conditions.conditions.count), "conditions")
        report.add("capability.hospitals_reporting", Double(board.capabilities.count), "hospitals")
        keysToFrames(start)
        capableHospitals(board, now: start.now)
    }

    private func keysToFrames(_ start: AppModel) {
        let n = sizes.renders
        var samples = Samples(reservingCapacity: n)
        Progress.step("capability matrix: key to frame at 200x60 (\(n) keys: rows, conditions, pages, sort)") {
            var m = start
            _ = m.update(key: .char("8"))
            // The first frame after the board opens builds the rows; the keys below are what follows.
            blackHole(Dashboard.render(m, width: 200, height: 60))
            let cycle: [Key] = Array(repeating: .down, count: 12) + Array(repeating: .right, count: 6) + [.pageDown]
                + Array(repeating: .left, count: 4) + [.char("s"), .down, .down, .char("s"), .up]
            var keys: [Key] = []
            while keys.count < n { keys += cycle }
            for key in keys.prefix(n) {
                let begin = monotonicNanos()
                blackHole(m.update(key: key))
                blackHole(Dashboard.render(m, width: 200, height: 60))
                samples.add(monotonicNanos() - begin)
            }
        }
        report.addLatencies("key_to_frame.capability", samples, unit: "µs")
    }

    private func capableHospitals(_ board: Board, now: Date) {
        let codes = board.conditions.conditions.map(\.code)
        guard !codes.isEmpty else { return }
        let regions: [String?] = [nil] + Array(Set(board.hospitals.values.map(\.region))).sorted().prefix(4).map { $0 }
        let runs = max(codes.count * regions.count, min(sizes.renders, 500))
        var found = 0
        var samples = Samples(reservingCapacity: runs)
        Progress.step("where: Board.capableHospitals over \(board.hospitals.count) hospitals (\(runs) queries)") {
            for i in 0..<runs {
                let code = codes[i % codes.count]
                let region = regions[(i / codes.count) % regions.count]
                let begin = monotonicNanos()
                let list = board.capableHospitals(condition: code, region: region, now: now)
                samples.add(monotonicNanos() - begin)
                found += list.count
            }
        }
        report.add("where.capable_per_query", Double(found) / Double(runs), "hospitals")
        report.addLatencies("where.capable_hospitals", samples, unit: "ms")
    }
}
