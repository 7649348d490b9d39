import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
import SitRoomDrills
#if canImport(Glibc)
import Glibc
#endif

/// The store touches a data directory only through its `FileSystem`: a fault armed there reaches
/// every operation, including the ones that once went straight to the disk (the parent folders
/// `create` makes, and the consoles' presence files).
@Suite struct FileSystemSeamTests {
    @Test func creatingADataDirectoryMakesItsParentFoldersThroughTheSeam() throws {
        let tmp = TempDir()
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(tmp.sub("a/b/data"), fs: fs)
        fs.arm(.init(.makeDirectory, at: 1))
        #expect(throws: StoreIOError.self) { try dir.create() }
        #expect(fs.injected == 1)
        fs.disarm()
        try dir.create()
        #expect(fs.count(.makeDirectory) == 4, "a (failed), then a, a/b and data")
        for folder in ["a", "a/b", "a/b/data"] {
            #expect((try fs.status(tmp.sub(folder))).map { $0.mode & 0o777 } == 0o700, "\(folder)")
        }
        #expect(try ChangeLog.open(DataDirectory(dir.path)).seq == 0)
    }

    @Test func presenceFilesGoThroughTheSeam() throws {
        let tmp = TempDir()
        let plain = try Sample.newDirectory(tmp)
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(plain.path, fs: fs)
        fs.arm(.init(.rename, at: 1))
        #expect(throws: StoreIOError.self) { try Presence.register(directory: dir, officer: "kim") }
        fs.disarm()
        #expect(Presence.list(directory: plain).isEmpty)
        #expect(try fs.listDirectory(Presence.folder(dir)).isEmpty, "the temporary file is removed too")

        var touched: [String] = []
        fs.willPerform = { operation, path in touched.append("\(operation.rawValue) \(path)") }
        let kim = try Presence.register(directory: dir, officer: "kim")
        #expect(Presence.list(directory: dir).map(\.officer) == ["kim"])
        kim.unregister()
        fs.willPerform = nil
        #expect(touched.contains("rename \(kim.path).tmp"))
        #expect(touched.contains("open \(kim.path)"), "list reads the file through the seam")
        #expect(touched.contains("unlink \(kim.path)"))
        #expect(Presence.list(directory: plain).isEmpty)
    }
}
