import ArgumentParser
import Foundation
import SitRoomDrills

/// `sitroom-drill compaction-kill`: SIGKILL at the n-th file operation of a compaction.
struct CompactionKillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compaction-kill", abstract: "not yet")
    func run() throws {}
}
