import ArgumentParser

@main
struct SitroomDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom-drill",
        abstract: "Fault drills against the store, at full size (the tests run them bounded).",
        subcommands: [IOLoopCommand.self, CompactionKillCommand.self]
    )
}
