import Testing
@testable import SitRoomStore

/// The folder part of a data directory's path, for the one-character names Foundation's
/// `deletingLastPathComponent` dies on (`sitroom init --data d`).
@Suite struct ParentDirectoryTests {
    @Test(arguments: [
        ("d", ""), ("d/", ""), ("data", ""), ("./d", "."), ("a/d", "a"), ("a//d/", "a"), ("x/y/d", "x/y"),
        ("/d", "/"), ("/", "/"), ("//d", "/"), ("/srv/sitroom/data", "/srv/sitroom"), ("", ""),
    ])
    func matchesWhatNSStringGivesForTheOthers(path: String, parent: String) {
        #expect(parentDirectory(of: path) == parent)
    }
}
