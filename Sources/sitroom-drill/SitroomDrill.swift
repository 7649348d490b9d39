import ArgumentParser

/// Fault drills against the real `sitroom` binary (issue 8): long runs, one subcommand each.
@main
struct SitroomDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom-drill",
        abstract: "Fault drills against the real sitroom binary.",
        subcommands: [CrashDrill.self]
    )
}
