import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom init --generate` through the real binary.
@Suite struct GenerateCommandTests {
    @Test func generatesASnapshotAndAJournalThatExportReads() throws {
        let root = NSTemporaryDirectory() + "sitroom-generate-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/data"
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "init", "--data", dir,
                                 "--generate", "hospitals=100,contacts=50,log=500,changes=1000", "--seed", "7"], stdin: nil)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("generating 1000/1000 changes"))
        // created DIR: 100 hospitals, 50 contacts, 500 log entries in the snapshot (#N), 1000 changes in the journal (up to #M)
        let prefix = "created \(dir): 100 hospitals, 50 contacts, 500 log entries in the snapshot (#"
        #expect(r.stdout.hasPrefix(prefix), "\(r.stdout)")
        let numbers = r.stdout.split(separator: "#").dropFirst().map { UInt64($0.prefix { $0.isNumber }) }
        let snapshot = try #require(numbers.first ?? nil)
        let last = try #require(numbers.last ?? nil)
        #expect(r.stdout == prefix + "\(snapshot)), 1000 changes in the journal (up to #\(last))\n")
        #expect(last == snapshot + 1_000)
        #expect(FileManager.default.fileExists(atPath: dir + "/alerts.toml"))

        let json = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", dir, "--format", "json"], stdin: nil)
        #expect(json.status == 0, "\(json.stderr)")
        let doc = try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(json.stdout.utf8))
        #expect(doc.seq == last)
        #expect(doc.hospitals.count == 100)
        #expect(doc.contacts.count == 50)
        #expect(doc.agencies.count == 15)
        #expect(doc.log.count > 500, "the set-up's 500 and the later ones")
        #expect(!doc.calls.isEmpty)
        #expect(doc.incident.isDemo)
        #expect(doc.hospitals.allSatisfy { $0.id.hasPrefix("G") && $0.id.count == 8 && !$0.romanizedName.isEmpty })

        let csv = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", dir, "--format", "csv"], stdin: nil)
        #expect(csv.stdout.split(separator: "\n").count == 101, "a header and a line per hospital")
        #expect(TmuxSession.run([TmuxSession.sitroomBinary, "check", "--data", dir], stdin: nil).status == 0)
    }

    @Test func badSpecsAndDemoWithGenerateAreUsageErrors() {
        let root = NSTemporaryDirectory() + "sitroom-generate-bad-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for args in [["--generate", "beds=10"], ["--generate", "log=many"], ["--generate", "log=1", "--demo"], ["--seed", "3"]] {
            let r = TmuxSession.run([TmuxSession.sitroomBinary, "init", "--data", root + "/data"] + args, stdin: nil)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: root + "/data"), "\(args): nothing created")
        }
    }
}
