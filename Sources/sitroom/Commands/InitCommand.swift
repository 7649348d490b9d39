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
        do {
            try dir.create()
        } catch {
            fail("\(error)")
        }
        guard demo else {
            print("created \(dir.path) (empty)")
            return
        }
        let log = try ChangeLog.open(dir)
        let results = log.commit(DemoSituation.changes(now: Date()))
        if let bad = results.first(where: { $0.seq == nil }) { fail("demo data did not apply: \(bad)") }
        log.close()
        print("created \(dir.path) with the demo situation (\(results.count) changes, up to #\(log.seq))")
    }
}
