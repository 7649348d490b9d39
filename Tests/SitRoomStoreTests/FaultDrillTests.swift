import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
import SitRoomDrills

/// The I/O error loop, bounded: every kind of file operation failing once and from then on, the
/// disk full on writes and syncs, and short writes. Each run crashes (only what was fsync'd
/// survives), reopens and checks that exactly the acknowledged changes are there (see `Ledger`).
/// `sitroom-drill io-loop` runs the same with ENOSPC everywhere and more short-write sizes.
@Suite struct FaultDrillTests {
    /// tmpfs when there is one: fsync costs nothing there, so hundreds of runs take seconds.
    static func scratch() -> TempDir {
        TempDir(under: FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory())
    }

    @Test(arguments: [FaultInjectingFileSystem.Operation?.none] + FaultInjectingFileSystem.Operation.allCases.map { $0 })
    func ioErrorLoop(operation: FaultInjectingFileSystem.Operation?) throws {
        let tmp = Self.scratch()
        for permanent in [false, true] {
            let row = try IOErrorLoop.loop(operation, permanent: permanent, effect: .fail(errno: EIO), in: tmp.path)
            #expect(row.runs == row.injected + 1, "\(row)")
            if operation != .truncate { #expect(row.injected > 0, "the workload does this operation: \(row)") }
        }
    }

    @Test(arguments: [FaultInjectingFileSystem.Operation.write, .sync, .open])
    func diskFullLoop(operation: FaultInjectingFileSystem.Operation) throws {
        let tmp = Self.scratch()
        for permanent in [false, true] {
            let row = try IOErrorLoop.loop(operation, permanent: permanent, effect: .fail(errno: ENOSPC), in: tmp.path)
            #expect(row.injected > 0)
        }
    }

    @Test func shortWritesAreCutOffBeforeTheNextRecord() throws {
        let tmp = Self.scratch()
        for row in try IOErrorLoop.shortWriteRows(sizes: [1, 16, 17], in: tmp.path) {
            #expect(row.injected > 0)
            #expect(row.unharmed < row.injected, "a short journal write is never acknowledged: \(row)")
        }
    }

    /// Found by the loop: the directory sync after CURRENT was replaced failed, the log went on
    /// writing into the new generation's journal, and a crash that kept the old CURRENT lost
    /// those acknowledged changes.
    @Test(arguments: [false, true])
    func aFailedDirectorySyncBehindANewCurrentStopsWriting(background: Bool) throws {
        let tmp = Self.scratch()
        func compact(_ log: ChangeLog) {
            if background { log.startCompaction(); log.finishCompaction(waiting: true) } else { _ = try? log.compact() }
        }
        func setUp(_ name: String) throws -> (FaultInjectingFileSystem, ChangeLog, Ledger) {
            let fs = FaultInjectingFileSystem()
            let dir = DataDirectory(tmp.sub(name), fs: fs)
            try dir.create()
            let log = try ChangeLog.open(dir)
            var ledger = Ledger()
            try ledger.commit((1...3).map(DrillChanges.entry), to: log)
            return (fs, log, ledger)
        }
        // A compaction's last directory sync is the one after CURRENT's rename: count them once.
        let (dryFS, dryLog, _) = try setUp("dry")
        let before = dryFS.count(.syncDirectory)
        compact(dryLog)
        #expect(dryLog.generation == 2)
        let syncs = dryFS.count(.syncDirectory) - before

        var (fs, log, ledger) = try setUp("data")
        fs.arm(.init(.syncDirectory, at: syncs, effect: .fail(errno: EIO)))
        compact(log)
        #expect(fs.injected == 1)
        #expect(log.failure != nil, "the log must stop writing")
        try ledger.commit([DrillChanges.entry(4)], to: log)
        #expect(ledger.saved.count == 3)
        fs.crash()
        try ledger.verify(try ChangeLog.open(DataDirectory(tmp.sub("data"))), "after the crash")
    }

    /// The crash model has teeth: a write whose sync failed is gone after the crash even though a
    /// later sync of the same file succeeded (Linux marks such pages clean), unless written again.
    @Test func theCrashModelDropsWhatAFailedSyncLost() throws {
        let tmp = Self.scratch()
        let fs = FaultInjectingFileSystem()
        let path = tmp.sub("f")
        let fd = try fs.open(path, O_RDWR | O_CREAT, 0o600)
        try fs.write(fd, Array("durable.".utf8), at: 0)
        try fs.sync(fd)
        try fs.write(fd, Array("lost....".utf8), at: 8)
        fs.arm(.init(.sync, at: 1))
        #expect(throws: StoreIOError.self) { try fs.sync(fd) }
        fs.disarm()
        try fs.write(fd, Array("synced..".utf8), at: 16)
        try fs.sync(fd)  // a retried sync "succeeds"
        fs.close(fd)
        fs.crash()
        #expect(String(decoding: Sample.fileBytes(path), as: UTF8.self) == "durable.")

        let renamed = FaultInjectingFileSystem()
        Sample.write(Array("old".utf8), to: tmp.sub("CURRENT"))
        Sample.write(Array("new".utf8), to: tmp.sub("CURRENT.tmp"))
        try renamed.rename(tmp.sub("CURRENT.tmp"), tmp.sub("CURRENT"))
        renamed.crash()  // the directory was never synced
        #expect(String(decoding: Sample.fileBytes(tmp.sub("CURRENT")), as: UTF8.self) == "old")
        #expect(String(decoding: Sample.fileBytes(tmp.sub("CURRENT.tmp")), as: UTF8.self) == "new")
    }

    /// The append failed and so did cutting it off: the log stops (and says so); the next commit
    /// first cuts it off, then writes. Nothing it refused is ever on disk after that.
    @Test func aLogThatCouldNotCutOffAFailedAppendCutsItFirstNextTime() throws {
        let tmp = Self.scratch()
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(tmp.sub("data"), fs: fs)
        try dir.create()
        let log = try ChangeLog.open(dir)
        var ledger = Ledger()
        try ledger.commit((1...3).map(DrillChanges.entry), to: log)
        fs.arm(.init(.sync, at: 1, permanent: true))
        try ledger.commit([DrillChanges.entry(4)], to: log)
        #expect(log.failure != nil)
        #expect(ledger.uncertain.count == 1)
        fs.disarm()
        try ledger.commit([DrillChanges.entry(5)], to: log)
        #expect(log.failure == nil)
        #expect(ledger.saved.count == 4 && ledger.uncertain.isEmpty)
        #expect(log.board.log.map(\.id) == ["drill-1", "drill-2", "drill-3", "drill-5"])
        fs.crash()
        try ledger.verify(try ChangeLog.open(DataDirectory(dir.path)), "after the crash")
    }

    /// The seam's disk full during a background compaction (the same as the tmpfs end-to-end test,
    /// where mounting is not permitted): the snapshot cannot be written, a commit meanwhile is not
    /// saved, the generation on disk stays whole; with space back, both go through.
    @Test func diskFullDuringABackgroundCompactionKeepsTheOldSnapshotAndResumes() throws {
        let tmp = Self.scratch()
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(tmp.sub("data"), fs: fs)
        try dir.create()
        let log = try ChangeLog.open(dir)
        log.policy = CompactionPolicy(maxRecords: .max, maxInterval: .infinity, background: true)
        var ledger = Ledger()
        try ledger.commit((1...5).map(DrillChanges.entry), to: log)
        let snapshot = Sample.fileBytes(dir.path + "/snapshot-1.bin")
        fs.arm(.init(.write, at: 1, permanent: true, effect: .shortWrite(bytes: 10, errno: ENOSPC)))
        log.startCompaction()
        while log.isCompacting { log.finishCompaction(waiting: true) }
        #expect(log.generation == 1)
        try ledger.commit([DrillChanges.entry(6)], to: log)
        #expect(ledger.saved.count == 5, "not saved on a full disk")
        #expect(log.failure == nil, "a full disk is not a reason to stop: space may come back")
        #expect(Sample.fileBytes(dir.path + "/snapshot-1.bin") == snapshot)
        #expect(Sample.fileBytes(dir.path + "/CURRENT") == Array("1\n".utf8))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.contains(".partial-") })
        fs.disarm()
        try ledger.commit([DrillChanges.entry(6)], to: log)
        #expect(ledger.saved.count == 6)
        log.startCompaction()
        log.finishCompaction(waiting: true)
        #expect(log.generation == 2)
        fs.crash()
        try ledger.verify(try ChangeLog.open(DataDirectory(dir.path)), "after the crash")
    }
}
