import ArgumentParser
import Foundation
import SitRoomDrills
#if canImport(Glibc)
import Glibc
#endif

/// `sitroom-drill io-loop`: the I/O error loop over every kind of file operation, once and from
/// n on, with EIO and ENOSPC; then every write cut short.
struct IOLoopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io-loop",
        abstract: "Fail the n-th file operation of each kind (n = 1, 2, ... until the workload completes), crash, reopen, check."
    )

    @OptionGroup var scratch: ScratchDirectory

    @Option(help: "Short-write sizes in bytes, comma-separated.")
    var shortWrites = "1,7,16,17,40"

    func run() throws {
        try scratch.use("sitroom-drill-io") { path in
            let start = Date()
            var runs = 0
            for code in [EIO, ENOSPC] {
                for row in try IOErrorLoop.allRows(errno: code, in: path) {
                    print(row)
                    runs += row.runs
                }
            }
            let sizes = shortWrites.split(separator: ",").compactMap { Int($0) }
            for row in try IOErrorLoop.shortWriteRows(sizes: sizes, in: path) {
                print(row)
                runs += row.runs
            }
            print(String(format: "io-loop: %d runs, every one reopened with exactly the acknowledged changes, in %.1f s", runs, Date().timeIntervalSince(start)))
        }
    }
}
