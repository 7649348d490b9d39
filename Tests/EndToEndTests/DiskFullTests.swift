import Foundation
import Testing
@testable import SitRoomCore
#if canImport(Glibc)
import Glibc
#endif

/// A full disk for real: the console on a 1 MB tmpfs, filled with a filler file while a form is
/// open, and while compactions are running. NOT SAVED shows within a second, the form keeps its
/// text, the snapshot on disk is untouched; once the filler is gone, Enter saves.
///
/// Mounting needs root (or CAP_SYS_ADMIN): elsewhere these tests are skipped, and the store-level
/// equivalents in SitRoomStoreTests (`FaultDrillTests.diskFull*`) still run.
@Suite(.serialized, .enabled(if: SmallDisk.canMount, "mounting a tmpfs is not permitted here (needs root): the real-disk-full tests are skipped, FaultDrillTests covers disk full through the FileSystem seam"))
struct DiskFullTests {
    @Test func diskFullDuringAnEditKeepsTheFormAndSavesOnceSpaceReturns() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let data = try disk.demoData()
        let console = try TmuxSession.console(data: data, officer: "desk", width: 100, height: 30)
        defer { console.kill() }
        var seq = try savedSeq(console)
        let before = try DiskState(data)
        let filler = disk.fill()
        #expect(filler > 0)
        try useUpTheJournalsLastPage(data, console, seq: &seq)

        let (elapsed, value) = try editUntilNotSaved(console, seq: &seq)
        #expect(elapsed < 1.0, "NOT SAVED took \(elapsed) s")
        let screen = console.capture()
        #expect(screen.contains("ER/ICU status — 서울대학교병원"), "the form stays open:\n\(screen)")
        #expect(screen.contains("\(value)/58"), "the form keeps its text:\n\(screen)")
        #expect(try DiskState(data) == before, "the snapshot and CURRENT are untouched")

        disk.removeFillers()
        console.sendKeys("Enter")
        try console.waitFor("saved #\(seq + 1)")
        #expect(try icu(data) == Capacity(available: value, staffed: 58))
        #expect(TmuxSession.run([TmuxSession.sitroomBinary, "check", "--data", data], stdin: nil).status == 0)
        console.sendKeys("q")
    }

    @Test func diskFullDuringCompactionsKeepsTheOldSnapshotAndResumes() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let data = try disk.demoData()
        let events = try DirectoryEvents(data)
        // A background compaction after every change.
        let console = try TmuxSession.console(data: data, officer: "desk", width: 100, height: 30, ["--compact-every", "1"])
        defer { console.kill() }
        var seq = try savedSeq(console)
        // Once the form is up the run loop has taken keys, so its first pass, which brings the
        // alerts up to date (a commit, then a compaction), is behind it: wait for that compaction.
        try openICUField(console, typing: "41/58")
        try events.waitUntil(timeout: 10, "the start-up's compaction to finish") { _ in (try? DiskState.compactionPending(data)) == false }
        // Room for a journal record, not for a 45 KB snapshot.
        _ = disk.fill(leaving: 12 * 1024)
        let before = try DiskState(data)
        let mark = events.events.count
        console.sendKeys("Enter")
        seq += 1
        try console.waitFor("saved #\(seq)")
        // Its compaction starts writing the snapshot, cannot, and is dropped: the partial file is
        // removed, never renamed into place. Only then is the generation on disk worth looking at.
        let dropped = try waitForADroppedCompaction(events, since: mark)
        let after = try DiskState(data)
        #expect(after.current == before.current && after.snapshot == before.snapshot, "the old snapshot is intact after \(dropped) was dropped")
        #expect(!after.leftovers, "a failed compaction leaves no partial file")

        // Now not even a record fits, while the compaction is retried at each commit. The dropped
        // compaction gave back its partial snapshot's space: take that too.
        disk.fill()
        try useUpTheJournalsLastPage(data, console, seq: &seq)
        let (elapsed, value) = try editUntilNotSaved(console, seq: &seq) { disk.fill() }
        #expect(elapsed < 1.0, "NOT SAVED took \(elapsed) s")
        let screen = console.capture()
        #expect(screen.contains("ER/ICU status — 서울대학교병원") && screen.contains("\(value)/58"), "the form keeps its text:\n\(screen)")
        let full = try DiskState(data)
        #expect(full.current == before.current && full.snapshot == before.snapshot, "the old snapshot is intact")

        disk.removeFillers()
        console.sendKeys("Enter")
        try console.waitFor("saved #\(seq + 1)")
        // With room again, the next compaction goes through.
        try events.waitUntil(timeout: 5, "a compaction to succeed once space is back") { _ in (try? DiskState(data))?.current != before.current }
        #expect(try icu(data) == Capacity(available: value, staffed: 58))
        console.sendKeys("q")
        _ = try? console.waitUntil(timeout: 3, "the console to quit") { _ in console.paneIsDead() }
        #expect(TmuxSession.run([TmuxSession.sitroomBinary, "check", "--data", data], stdin: nil).status == 0)
    }

    // MARK: Helpers

    func savedSeq(_ console: TmuxSession) throws -> UInt64 {
        let screen = try console.waitFor("✔ saved #")
        let tail = screen.components(separatedBy: "✔ saved #")[1]
        return try #require(UInt64(tail.prefix { $0.isNumber }))
    }

    /// Opens SNUH's ER/ICU form and types `value` into its ICU field.
    func openICUField(_ console: TmuxSession, typing value: String) throws {
        try console.openSNUHForm()
        console.typeICU(value)
    }

    /// A full disk still takes records into the journal's last page (the filesystem allocates
    /// pages): another writer (`sitroom apply`) appends log entries, long ones then short ones, until
    /// nothing more fits; the console follows.
    func useUpTheJournalsLastPage(_ data: String, _ console: TmuxSession, seq: inout UInt64) throws {
        var refused = false
        for length in [1500, 400, 100, 20, 1] {
            let line = #"{"type":"log.add","record":{"text":"\#(String(repeating: "x", count: length))"}}"#
            // One line per process: lines given together share one write, which fails as a whole.
            for _ in 0..<12 {
                let run = TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "filler"], stdin: line + "\n")
                guard run.stdout.hasPrefix("ok "), let saved = UInt64(run.stdout.dropFirst(3).prefix { $0.isNumber }) else {
                    refused = refused || run.stdout.contains("NOT SAVED")
                    break
                }
                seq = saved
            }
        }
        #expect(refused, "the journal's last page fills up")
        try console.waitFor("saved #\(seq)")
    }

    /// Edits SNUH's ICU figure again and again on the full disk: the journal's last page may still
    /// have room for a record or two. Returns how long the console took to show NOT SAVED after
    /// Enter, and the value that could not be saved; `seq` follows the edits that were.
    func editUntilNotSaved(_ console: TmuxSession, seq: inout UInt64, beforeEach: () -> Void = {}) throws -> (seconds: Double, value: Int) {
        for value in 20..<40 {
            beforeEach()
            try openICUField(console, typing: "\(value)/58")
            let start = Date()
            console.sendKeys("Enter")
            let screen = try console.waitUntil(timeout: 5, "NOT SAVED or saved #\(seq + 1)") {
                $0.contains("NOT SAVED") || $0.contains("saved #\(seq + 1)")
            }
            if screen.contains("NOT SAVED") { return (Date().timeIntervalSince(start), value) }
            seq += 1
        }
        throw TmuxError(description: "twenty edits were saved on a full disk")
    }

    /// Waits for a background compaction that starts after event `since` to be dropped: its
    /// partial snapshot (`snapshot-N.bin.partial-PID-K`) created, then deleted rather than renamed
    /// into place. Returns the partial's name.
    func waitForADroppedCompaction(_ events: DirectoryEvents, since: Int, timeout: Double = 5) throws -> String {
        var dropped: String?
        try events.waitUntil(timeout: timeout, "a compaction to start and be dropped") { all in
            let recent = all[since...]
            dropped = recent.first { created in
                created.kind == .created && created.name.hasPrefix("snapshot-") && created.name.contains(".partial-")
                    && recent.contains { $0.kind == .deleted && $0.name == created.name }
            }?.name
            return dropped != nil
        }
        return dropped!
    }

    func icu(_ data: String) throws -> Capacity? {
        let export = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", data, "--format", "json"], stdin: nil)
        let doc = try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(export.stdout.utf8))
        return doc.hospitals.first { $0.id == "A1100017" }?.icuBeds?.value
    }
}

/// CURRENT and the snapshot it names, byte for byte; and whether a partial or .tmp file is there.
struct DiskState: Equatable {
    let current: [UInt8]
    let snapshot: [UInt8]
    let leftovers: Bool

    init(_ data: String) throws {
        func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
        current = try bytes(data + "/CURRENT")
        let gen = String(decoding: current, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        snapshot = try bytes(data + "/snapshot-\(gen).bin")
        leftovers = try FileManager.default.contentsOfDirectory(atPath: data).contains { $0.contains(".partial-") || $0.hasSuffix(".tmp") }
    }

    /// Whether a console compacting after every change (`--compact-every 1`) has a compaction under
    /// way or due: a record in the journal CURRENT names not yet folded into a snapshot, or a
    /// snapshot being written.
    static func compactionPending(_ data: String) throws -> Bool {
        let state = try DiskState(data)
        let gen = String(decoding: state.current, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var journal = stat()
        guard stat(data + "/journal-\(gen).log", &journal) == 0 else { throw TmuxError(description: "no journal-\(gen).log") }
        return journal.st_size > 0 || state.leftovers
    }
}

/// A 1 MB tmpfs mounted for one test, and filler files to fill it.
final class SmallDisk {
    static let canMount: Bool = {
        guard let probe = try? SmallDisk() else { return false }
        probe.unmount()
        return true
    }()

    let mountPoint: String
    private var fillers: [String] = []
    private var mounted = false

    init() throws {
        mountPoint = NSTemporaryDirectory() + "sitroom-small-disk-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let r = Spawn.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mountPoint], stdin: nil)
        guard r.status == 0 else {
            try? FileManager.default.removeItem(atPath: mountPoint)
            throw TmuxError(description: "mount: \(r.stderr)")
        }
        mounted = true
    }

    deinit { unmount() }

    func unmount() {
        guard mounted else { return }
        mounted = false
        _ = Spawn.run(["umount", "-l", mountPoint], stdin: nil)
        try? FileManager.default.removeItem(atPath: mountPoint)
    }

    /// The demo situation in a data directory on this disk.
    func demoData() throws -> String {
        let data = mountPoint + "/data"
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "init", "--data", data, "--demo"], stdin: nil)
        guard r.status == 0 else { throw TmuxError(description: "init failed: \(r.stdout) \(r.stderr)") }
        return data
    }

    /// Writes a new filler file until the disk is full, then gives back `leaving` bytes. Returns its size.
    @discardableResult
    func fill(leaving: Int = 0) -> Int {
        let path = mountPoint + "/filler-\(fillers.count)"
        fillers.append(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var total = 0
        for size in [65536, 4096, 512, 1] {
            let chunk = [UInt8](repeating: 0, count: size)
            while true {
                let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, size) }
                if n <= 0 { break }
                total += n
            }
        }
        if leaving > 0 { _ = ftruncate(fd, off_t(max(0, total - leaving))) }
        return total
    }

    func removeFillers() {
        for path in fillers { unlink(path) }
        fillers = []
    }
}
