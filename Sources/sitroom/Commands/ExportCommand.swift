import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole board.",
        discussion: "JSON shape: see \"Export format\" in the README (a BoardDocument, format \"sitroom-board\", version 1)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var data: DataOption
    @Option(help: "Output format: json.")
    var format: Format = .json

    func run() throws {
        let log: ChangeLog
        do {
            log = try ChangeLog.open(data.directory, mode: .readOnly)
        } catch {
            fail("\(error)")
        }
        let json = try SitRoomJSON.encoder(pretty: true).encode(BoardDocument(log.board, seq: log.seq))
        FileHandle.standardOutput.write(json)
        print()
    }
}
