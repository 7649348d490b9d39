import ArgumentParser
import Foundation
import SitRoomDrills

/// `sitroom-drill compaction-kill`: SIGKILL at each file operation of a compaction, reopen, check.
struct CompactionKillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compaction-kill",
        abstract: "Kill a child process at the n-th file operation of a compaction (n = 1, 2, ... until it completes); reopen and check each time."
    )

    @OptionGroup var scratch: ScratchDirectory

    @Option(help: "How many times to run the whole drill (each mode, every operation).")
    var rounds = 1

    @Flag(help: .hidden) var child = false
    @Option(help: .hidden) var mode: String = CompactionKill.Mode.foreground.rawValue
    @Option(help: .hidden) var killAt = 0

    func run() throws {
        if child {
            guard let mode = CompactionKill.Mode(rawValue: mode), let dir = scratch.dir else { throw ValidationError("--child needs --dir and a --mode") }
            try CompactionKill.child(directory: dir, mode: mode, killAt: killAt)
            return
        }
        try scratch.use("sitroom-drill-kill") { path in
            let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            var kills = 0
            let start = Date()
            for round in 1...max(1, rounds) {
                for mode in CompactionKill.Mode.allCases {
                    let row = try CompactionKill.drill(mode, executable: me, scratch: path)
                    print(rounds > 1 ? "round \(round): \(row)" : "\(row)")
                    kills += row.kills
                }
            }
            print(String(format: "compaction-kill: %d kills, every one reopened with exactly the acknowledged board, in %.1f s", kills, Date().timeIntervalSince(start)))
        }
    }
}
