import ArgumentParser

/// Issue 8's fault drills at full size, one subcommand each; the tests run them bounded.
@main
struct SitroomDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom-drill",
        abstract: "Fault drills: the store's I/O error loop and kills during compaction, kill -9 loops against the real binary.",
        subcommands: [IOLoopCommand.self, CompactionKillCommand.self, CrashDrill.self, ServerCommand.self]
    )
}
