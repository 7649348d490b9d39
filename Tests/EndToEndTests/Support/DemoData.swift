import Foundation

/// A fresh data directory holding the demo situation, made by the real `sitroom init --demo`.
struct DemoData {
    let root: String
    var path: String { root + "/data" }
    /// The demo's last sequence number: it depends on the time of day (about 330 changes).
    let base: UInt64

    init(_ name: String) throws {
        root = NSTemporaryDirectory() + "sitroom-\(name)-" + UUID().uuidString
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "init", "--data", root + "/data", "--demo"], stdin: nil)
        guard r.status == 0, let n = r.stdout.split(separator: "#").last.flatMap({ UInt64($0.prefix { $0.isNumber }) }) else {
            throw TmuxError(description: "init failed: \(r.stdout) \(r.stderr)")
        }
        base = n
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// A suite whose tests run on their own copy of the demo, `demo`, made in the suite's `init`.
protocol DemoSuite {
    var demo: DemoData { get }
}

extension DemoSuite {
    /// The data directory.
    var data: String { demo.path }
    /// The folder that holds it (remove it when done).
    var root: String { demo.root }
    /// The demo's last sequence number.
    var base: UInt64 { demo.base }
}
