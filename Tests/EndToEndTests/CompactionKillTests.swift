import Foundation
import Testing

/// Kill during compaction at each step: `sitroom-drill compaction-kill` kills a child at every file
/// operation of a foreground and of a background compaction (and of the commits made during it),
/// and after each kill reopens, compares with the acknowledged board and runs the next compaction.
@Suite struct CompactionKillTests {
    static var drillBinary: String {
        (TmuxSession.sitroomBinary as NSString).deletingLastPathComponent + "/sitroom-drill"
    }

    @Test func killedAtEveryStepOfACompactionLosesNothing() throws {
        // tmpfs when there is one (fsync is free there); a kill does not lose the page cache anyway.
        let parent = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let scratch = parent + "sitroom-kill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let run = Spawn.run([Self.drillBinary, "compaction-kill", "--dir", scratch], stdin: nil)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        for mode in ["foreground", "background"] {
            let prefix = "\(mode) compaction: killed at each of its "
            let line = run.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }
            let kills = line.flatMap { Int($0.dropFirst(prefix.count).prefix { $0.isNumber }) } ?? 0
            #expect(kills >= 10, "\(mode): a compaction has many steps to be killed at: \(run.stdout)")
        }
    }
}
