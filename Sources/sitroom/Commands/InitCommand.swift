import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory (mode 0700), empty or with the built-in demo situation."
    )

    @OptionGroup var data: DataOption
    @Flag(help: "Fill it with the built-in demo situation (clearly marked DEMO).")
    var demo = false

    func run() throws {
        let dir = data.directory
        let count: Int
        do {
            count = try DemoSetup.create(dir, demo: demo)
        } catch {
            fail("\(error)")
        }
        guard demo else {
            print("created \(dir.path) (empty; alert rules in \(AlertRulesFile.name))")
            return
        }
        print("created \(dir.path) with the demo situation (\(count) changes, up to #\(count))")
    }
}
