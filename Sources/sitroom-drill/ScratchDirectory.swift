import ArgumentParser
import Foundation

/// `--dir`, the scratch directory a drill works in, for the drills that take one the same way.
struct ScratchDirectory: ParsableArguments {
    @Option(help: "Scratch directory (a fresh one under the system's temporary directory if left out).")
    var dir: String?

    /// Runs `body` in the scratch directory, made if it is not there: the one given, kept afterwards,
    /// else a fresh `<prefix>-<pid>` under the temporary directory, removed afterwards.
    func use<T>(_ prefix: String, _ body: (String) throws -> T) throws -> T {
        let scratch = dir ?? NSTemporaryDirectory() + "\(prefix)-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: scratch) } }
        return try body(scratch)
    }
}
