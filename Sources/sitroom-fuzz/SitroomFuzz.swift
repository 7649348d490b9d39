#if !SITROOM_LIBFUZZER
import ArgumentParser
import Foundation
import SitRoomFuzz

/// The fuzz targets without libFuzzer: replay inputs (a corpus, a crash file libFuzzer left) or
/// run the deterministic mutator. `make fuzz` builds the same targets with libFuzzer instead.
@main
struct SitroomFuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom-fuzz",
        abstract: "Feed the fuzz targets (journal, snapshot, csv, quick-command, theme) without libFuzzer.",
        subcommands: [Replay.self, Generate.self, Seeds.self])
}

extension FuzzTarget: ExpressibleByArgument {}

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Feed each file (or each file of each directory) to a target.")

    @Argument(help: "journal, snapshot, csv, quick-command or theme") var target: FuzzTarget
    @Argument(help: "Files or corpus directories.") var paths: [String]
    @Flag(help: "Print each input's outcome.") var verbose = false

    func run() throws {
        var inputs: [[UInt8]] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                inputs += try FuzzCorpus.load(path).map(\.bytes)
            } else {
                inputs.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            }
        }
        guard !inputs.isEmpty else { throw ValidationError("no inputs") }
        if verbose { for input in inputs { print(target.run(input)) } }
        print(summary(FuzzCampaign(target: target, corpus: inputs).replay()))
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the deterministic mutator over a corpus directory.")

    @Argument(help: "journal, snapshot, csv, quick-command or theme") var target: FuzzTarget
    @Argument(help: "The corpus directory to mutate.") var corpus: String
    @Option(help: "How many inputs.") var runs = 100_000
    @Option(help: "The generator's seed.") var seed: UInt64 = 1
    @Option(help: "Write each input here before running it: after a crash, the file holds the input that crashed.")
    var keepLast: String?

    func run() throws {
        let campaign = FuzzCampaign(target: target, corpus: try FuzzCorpus.load(corpus).map(\.bytes))
        let start = ContinuousClock.now
        let tally = campaign.run(count: runs, seed: seed) { index, input in
            if let keepLast { _ = FileManager.default.createFile(atPath: keepLast, contents: Data(input)) }
            if index > 0, index % 100_000 == 0 { print("  \(index) inputs") }
        }
        print(summary(tally) + " in \(ContinuousClock.now - start)")
    }
}

struct Seeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the seed inputs made from the demo situation into DIR/<target>/.")

    @Argument(help: "The corpus root (Tests/Fuzz/Corpus).") var directory: String

    func run() throws {
        for target in FuzzTarget.allCases {
            let seeds = try SeedCorpus.seeds(for: target)
            guard !seeds.isEmpty else { continue }
            let folder = directory + "/" + target.rawValue
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for seed in seeds { try Data(seed.bytes).write(to: URL(fileURLWithPath: folder + "/" + seed.name)) }
            print("\(target.rawValue): \(seeds.count) seeds")
        }
    }
}

func summary(_ tally: FuzzTally) -> String {
    "\(tally.executions) inputs: \(tally.accepted) accepted, \(tally.rejected) rejected, 0 crashes; slowest \(tally.slowest)"
}
#endif
