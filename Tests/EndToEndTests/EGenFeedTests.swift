import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom import egen`: recorded NEMC open-API responses, from files and over HTTP from a local
/// server (the responses as the API returns them; no network here).
@Suite struct EGenFeedTests {
    let root = NSTemporaryDirectory() + "sitroom-egen-" + UUID().uuidString
    var data: String { root + "/data" }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SitRoomStoreTests/Fixtures").standardizedFileURL.path

    /// A fixture with its input times moved to `minutesAgo` before now (Korea's time), as a live
    /// feed's would be, written into `dir` as `name`.
    func recent(_ fixture: String, as name: String, in dir: String, minutesAgo: Int = 10) throws {
        var text = try String(contentsOfFile: Self.fixtures + "/egen/" + fixture, encoding: .utf8)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date().addingTimeInterval(-60 * Double(minutesAgo)))
        let stamp = String(format: "%04d%02d%02d%02d%02d00", c.year!, c.month!, c.day!, c.hour!, c.minute!)
        text = text.replacingOccurrences(of: #"<hvidate>\d{14}</hvidate>"#, with: "<hvidate>\(stamp)</hvidate>", options: .regularExpression)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }

    func setUp() throws {
        #expect(sitroom(["init", "--data", data]).status == 0)
        let portal = Self.fixtures + "/seoul-er-2022.csv"
        #expect(sitroom(["import", "hospitals", "--data", data, "--officer", "kim", portal]).status == 0)
    }

    func export() throws -> BoardDocument {
        let r = sitroom(["export", "--data", data, "--format", "json"])
        guard r.status == 0 else { throw TmuxError(description: "export failed: \(r.stderr)") }
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    @Test func filesImportItemByItemAndSayWhatTheyRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try setUp()
        let dir = root + "/feed"
        try recent("realtime-beds.xml", as: "beds.xml", in: dir)
        try recent("severe-conditions.xml", as: "severe.xml", in: dir)
        let r = sitroom(["import", "egen", "--data", data, "--officer", "kim", dir + "/beds.xml", dir + "/severe.xml"])
        #expect(r.status == 1, "an item was refused: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "beds.xml: 5 items, page 1 of 1")
        #expect(lines.contains("skipped beds.xml item 3 (A1100009 재단법인아산사회복지재단서울아산병원): hvec \"여섯\" is not a number"))
        #expect(lines.contains("skipped severe.xml item 3 (A1100010 삼성서울병원): MKioskTy3 (SAH) \"maybe\" is not Y, N or 정보미제공"))
        #expect(lines.contains { $0.hasPrefix("added 0, updated 4, unchanged 0, skipped 4") }, "\(lines)")
        #expect(lines.last?.hasPrefix("written: seq 69–72") == true, "\(lines)")

        let doc = try export()
        let snuh = try #require(doc.hospitals.first { $0.id == "A1100017" })
        #expect(snuh.erBeds?.value.available == 4 && snuh.erBeds?.by == "E-Gen")
        let cap = try #require(doc.capabilities.first { $0.hospitalId == "A1100017" })
        #expect(cap.conditions["Y0020"]?.value.availability == .unavailable)
        #expect(cap.equipment["hvctayn"]?.value == 1 && cap.equipment["hvctayn"]?.by == "E-Gen")

        // The same files again: nothing newer, nothing written.
        let again = sitroom(["import", "egen", "--data", data, "--officer", "kim", dir + "/beds.xml", dir + "/severe.xml"])
        #expect(again.stdout.contains("added 0, updated 0, unchanged 4, skipped 4"), "\(again.stdout)")
    }

    @Test func aBadFileIsRefusedWholeWithTheReason() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try setUp()
        for (file, words) in [
            ("result-code-error.xml", "result-code-error.xml: the service answered result code 22 (LIMITED NUMBER OF SERVICE REQUESTS EXCEEDS ERROR.): the key's request limit is exceeded; nothing imported"),
            ("gateway-error.xml", "gateway-error.xml: the service answered result code 30 (SERVICE ERROR: SERVICE_KEY_IS_NOT_REGISTERED_ERROR): the service key is not registered; nothing imported"),
        ] {
            let r = sitroom(["import", "egen", "--data", data, Self.fixtures + "/egen/" + file])
            #expect(r.status == 2)
            #expect(r.stderr == "sitroom: import egen: \(words)\n")
        }
        let notXML = sitroom(["import", "egen", "--data", data, Self.fixtures + "/egen/not-xml.xml"])
        #expect(notXML.status == 2 && notXML.stderr.hasPrefix("sitroom: import egen: not-xml.xml: not XML (line 1)"), "\(notXML.stderr)")
        #expect(try export().seq == 68, "nothing written")
    }

    @Test func theFeedIsFetchedOverHTTPPageByPage() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try setUp()
        let served = root + "/served"
        try recent("realtime-page1.xml", as: "getEmrrmRltmUsefulSckbdInfoInqire-page1.xml", in: served)
        try recent("realtime-page2.xml", as: "getEmrrmRltmUsefulSckbdInfoInqire-page2.xml", in: served)
        try "abc+/def==\n".write(toFile: root + "/key", atomically: true, encoding: .utf8)
        let server = try FeedServer(root: served)

        let r = sitroom(["import", "egen", "--data", data, "--officer", "kim",
                         "--url", server.url("getEmrrmRltmUsefulSckbdInfoInqire"), "--key-file", root + "/key"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("""
            getEmrrmRltmUsefulSckbdInfoInqire page 1: 2 items, page 1 of 2
            getEmrrmRltmUsefulSckbdInfoInqire page 2: 1 item, page 2 of 2
            """), "\(r.stdout)")
        #expect(server.requests == [
            "/getEmrrmRltmUsefulSckbdInfoInqire?serviceKey=abc%2B%2Fdef%3D%3D&pageNo=1&numOfRows=500",
            "/getEmrrmRltmUsefulSckbdInfoInqire?serviceKey=abc%2B%2Fdef%3D%3D&pageNo=2&numOfRows=500",
        ])
        let doc = try export()
        #expect(doc.hospitals.first { $0.id == "A1100010" }?.erBeds?.by == "E-Gen", "the second page's hospital")
    }

    @Test func fetchErrorsAreSaidInWords() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try setUp()
        try FileManager.default.createDirectory(atPath: root + "/served", withIntermediateDirectories: true)
        try "key\n".write(toFile: root + "/key", atomically: true, encoding: .utf8)
        let server = try FeedServer(root: root + "/served")
        func fetch(_ url: String, _ extra: [String] = []) -> (status: Int32, stderr: String) {
            let r = sitroom(["import", "egen", "--data", data, "--url", url, "--key-file", root + "/key"] + extra)
            return (r.status, r.stderr)
        }
        let status = fetch(server.url("status500"))
        #expect(status.status == 2)
        #expect(status.stderr.contains("/status500?serviceKey=…&pageNo=1&numOfRows=500: the server answered HTTP 500 Internal Server Error; nothing imported"), "\(status.stderr)")
        let slow = fetch(server.url("slow"), ["--timeout", "1"])
        #expect(slow.status == 2 && slow.stderr.contains("no answer within 1 s (timed out)"), "\(slow.stderr)")
        let missing = fetch(server.url("nothing"))
        #expect(missing.status == 2 && missing.stderr.contains("HTTP 404"), "\(missing.stderr)")
        // A port nothing listens on: a second server's, once it has gone.
        let port = try { () throws -> Int in try FeedServer(root: root + "/served").port }()
        let refused = fetch("http://127.0.0.1:\(port)/getEmrrmRltmUsefulSckbdInfoInqire")
        #expect(refused.status == 2 && refused.stderr.contains("connection refused"), "\(refused.stderr)")
        #expect(fetch("ftp://example.org/x").stderr.contains("is not an http:// or https:// URL"))
        #expect(try export().seq == 68, "nothing written")
    }
}
