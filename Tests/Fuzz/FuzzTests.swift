import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomWire
import Testing
@testable import SitRoomFuzz

/// The bounded part of the fuzz drill, run by `swift test`: every corpus input (the seeds and each
/// input that once crashed a target) replayed, then a fixed-seed run of mutated inputs per target.
/// A crash takes the test process down; everything else must come back accepted or rejected.
/// The long run is `make fuzz` (libFuzzer, a million inputs a target).
@Suite struct FuzzTests {
    static let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Corpus"

    /// Inputs per target in the mutated run: about five seconds each in a debug build.
    static let mutatedRuns: [FuzzTarget: Int] = [
        .journal: 20_000, .snapshot: 10_000, .csv: 4_000, .quickCommand: 4_000, .theme: 10_000,
    ]

    static func corpus(_ target: FuzzTarget) throws -> [(name: String, bytes: [UInt8])] {
        try FuzzCorpus.load(corpusRoot + "/" + target.rawValue)
    }

    @Test func everyInputThatOnceCrashedIsNowRejected() throws {
        var count = 0
        for target in FuzzTarget.allCases {
            for input in try Self.corpus(target) where input.name.hasPrefix("crash-") {
                count += 1
                guard case .rejected = target.run(input.bytes) else {
                    Issue.record("\(target.rawValue)/\(input.name) was accepted; it is not a valid input")
                    continue
                }
            }
        }
        #expect(count >= 7, "the regression inputs are missing from Tests/Fuzz/Corpus")
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsMadeBySitroomAreRead(_ target: FuzzTarget) throws {
        let seeds = try Self.corpus(target).filter { !$0.name.hasPrefix("crash-") }
        #expect(seeds.count >= 4)
        for seed in seeds {
            let outcome = target.run(seed.bytes)
            switch (target, outcome) {
            case (_, .accepted):
                break
            case (.journal, .rejected(let why)):
                // Demo changes replayed onto the demo board: decoded, then refused as already there.
                #expect(why.contains("already") || why.contains("exists"), "\(seed.name): \(why)")
            case (.quickCommand, .rejected(let why)):
                #expect(seed.name == "line-08", "\(seed.name): \(why)")  // `done act-1`: no such action
            default:
                Issue.record("\(target.rawValue)/\(seed.name) was rejected: \(outcome)")
            }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func mutatedInputsAreAcceptedOrRejected(_ target: FuzzTarget) throws {
        let runs = try #require(Self.mutatedRuns[target])
        let campaign = FuzzCampaign(target: target, corpus: try Self.corpus(target).map(\.bytes))
        let tally = campaign.run(count: runs, seed: 20_251_123)
        #expect(tally.executions == runs)
        // Both sides reached: mutations that keep an input valid still read, the others are refused.
        #expect(tally.accepted > 0, "\(tally.rejections)")
        #expect(tally.rejected > runs / 4, "\(tally.rejections)")
        #expect(tally.slowest < .seconds(2), "slowest input took \(tally.slowest)")
    }

    @Test func theSameSeedGivesTheSameInputs() {
        var a = Mutator(seed: 7, tokens: [[1, 2]], maxLength: 64)
        var b = Mutator(seed: 7, tokens: [[1, 2]], maxLength: 64)
        let input: [UInt8] = Array("er snuh l 3/20".utf8)
        for _ in 0..<100 { #expect(a.mutate(input, splicingFrom: [9, 9]) == b.mutate(input, splicingFrom: [9, 9])) }
    }

    /// The targets frame fuzzed payloads and snapshot bodies with their own CRC-32C: it must be the
    /// store's, or every framed input would stop at the checksum.
    @Test func framingMatchesWhatTheStoreWrites() throws {
        let payload: [UInt8] = [1, 2, 3, 0xFF, 0x80]
        var record: [UInt8] = []
        JournalRecord.encode(seq: 9, payload: payload, into: &record)
        let crc = record[4..<8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(Castagnoli.checksum([9, 0, 0, 0, 0, 0, 0, 0] + payload) == crc)

        let snapshot = try Snapshot.encode(DemoSituation.board(now: FuzzFixture.now), seq: 42)
        #expect(SnapshotFuzz.framed(Array(snapshot.dropFirst(24))) == snapshot)
    }
}
