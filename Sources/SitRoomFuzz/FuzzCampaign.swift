import Foundation

/// A bounded, deterministic fuzz run: inputs mutated from a corpus with a fixed seed, each fed to
/// the target. A crash ends the process (that is the finding); everything else is tallied.
public struct FuzzCampaign {
    public let target: FuzzTarget
    public let corpus: [[UInt8]]

    public init(target: FuzzTarget, corpus: [[UInt8]]) {
        precondition(!corpus.isEmpty, "a campaign needs a corpus to mutate")
        self.target = target
        self.corpus = corpus
    }

    /// Runs `count` generated inputs; `before` sees each (index, input) first, so a caller can log
    /// the one that brings the process down.
    public func run(count: Int, seed: UInt64, before: ((Int, [UInt8]) -> Void)? = nil) -> FuzzTally {
        var mutator = Mutator(seed: seed, tokens: target.tokens, maxLength: target.maxLength)
        var tally = FuzzTally()
        for index in 0..<count {
            let base = corpus[index % corpus.count]
            let other = corpus[(index / corpus.count + index) % corpus.count]
            let input = mutator.mutate(base, splicingFrom: other)
            before?(index, input)
            tally.record(input, target: target)
        }
        return tally
    }

    /// Feeds every input as it is (the corpus, the regression inputs).
    public func replay() -> FuzzTally {
        var tally = FuzzTally()
        for input in corpus { tally.record(input, target: target) }
        return tally
    }
}

/// How a run went: how many inputs were accepted and rejected, and the slowest one.
public struct FuzzTally: Sendable {
    public var accepted = 0
    public var rejected = 0
    public var slowest: Duration = .zero
    public var slowestInput: [UInt8] = []
    /// Each distinct rejection reason's first word or two, counted: shows which checks the run reached.
    public var rejections: [String: Int] = [:]

    public var executions: Int { accepted + rejected }

    mutating func record(_ input: [UInt8], target: FuzzTarget) {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = target.run(input)
        let took = clock.now - start
        if took > slowest { slowest = took; slowestInput = input }
        switch outcome {
        case .accepted: accepted += 1
        case .rejected(let why):
            rejected += 1
            rejections[String(why.prefix(while: { $0 != ":" && $0 != "(" }).prefix(40)), default: 0] += 1
        }
    }
}

/// The corpus files of a directory, in name order (hidden files skipped).
public enum FuzzCorpus {
    public static func load(_ directory: String) throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted().filter { !$0.hasPrefix(".") }.map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
        }
    }
}
