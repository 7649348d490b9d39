import Foundation
import Testing

/// The bounded run of `sitroom-drill crash` (the full one is `make drills-crash`, 1,000 cycles):
/// apply and the live console killed with SIGKILL at random moments, then the whole history checked.
@Suite(.serialized) struct CrashDrillTests {
    static var drillBinary: String {
        (TmuxSession.sitroomBinary as NSString).deletingLastPathComponent + "/sitroom-drill"
    }

    static func drill(_ args: [String]) -> (status: Int32, output: String) {
        let r = TmuxSession.run([drillBinary, "crash", "--sitroom", TmuxSession.sitroomBinary] + args, stdin: nil)
        return (r.status, r.stdout + r.stderr)
    }

    /// The number after `label` in the drill's report, e.g. "apply 1739" → 1739.
    static func figure(_ label: String, in output: String) -> Int? {
        guard let range = output.range(of: label) else { return nil }
        return Int(output[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func twentyKillCyclesLoseAndDuplicateNothing() throws {
        try #require(FileManager.default.fileExists(atPath: Self.drillBinary))
        let (status, output) = Self.drill(["--cycles", "20", "--seed", "8"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("lost: 0  duplicated: 0  at another seq: 0  never sent: 0"), "\(output)")
        #expect((Self.figure("(apply ", in: output) ?? 0) > 0, "\(output)")
        #expect((Self.figure(", console ", in: output) ?? 0) > 0, "\(output)")
        print(output)
    }

    /// The verification is not a rubber stamp: a planted loss or duplicate fails the drill.
    @Test(arguments: ["lost", "duplicated"]) func aPlantedFaultFailsTheDrill(_ fault: String) throws {
        try #require(FileManager.default.fileExists(atPath: Self.drillBinary))
        let (status, output) = Self.drill(["--cycles", "2", "--seed", "2", "--console-every", "0", "--inject", fault])
        #expect(status == 1, "\(output)")
        #expect(output.contains("\(fault): 1"), "\(output)")
        #expect(output.contains("FAIL \(fault): [a0n"), "\(output)")
    }
}
