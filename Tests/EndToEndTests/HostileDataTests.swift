import Foundation
import Testing
@testable import SitRoomCore

/// Poisoned data and careless permissions, through the real binary: a CSV whose names carry
/// terminal escapes, a data directory others can write, a damaged journal holding contact details.
@Suite struct HostileDataTests: DemoSuite {
    let demo: DemoData
    init() throws { demo = try DemoData("hostile") }

    /// Nothing a terminal would act on: C0 controls other than the line break, DEL, C1 controls,
    /// direction overrides.
    static func rawBytes(_ text: String) -> [String] {
        text.unicodeScalars.filter {
            let v = $0.value
            return (v < 0x20 && $0 != "\n") || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
        }.map { String($0.value, radix: 16) }
    }

    static let names = [
        "X0000001": "\u{1B}]0;PWNED\u{07} Hostile title",
        "X0000002": "\u{1B}[2J\u{1B}[H Cleared",
        "X0000003": "\u{202E}RLO latipsoH",
        "X0000004": "zero\u{200B}width\u{FEFF}bom",
        "X0000005": "긴" + String(repeating: "가나다라마바사", count: 285),  // 1,996 characters: just fits
        "X0000006": "\u{9B}31m C1 CSI",
    ]

    static func csvField(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    func csvField(_ s: String) -> String { Self.csvField(s) }

    func writeHostileCSV() throws -> String { try Self.writeHostileCSV(root: demo.root) }

    /// Six hostile names, a bad class row and a name one character too long, in a CSV under `root`.
    static func writeHostileCSV(root: String) throws -> String {
        var lines = ["id,name,class,address"]
        for (id, name) in Self.names.sorted(by: { $0.key < $1.key }) {
            lines.append([id, csvField(name), "G006", csvField("addr\u{1B}[5m blink\r\nsecond line")].joined(separator: ","))
        }
        lines.append("X\u{1B}[31mBAD,bad class row,\u{1B}[31mZZZ,addr")
        lines.append("X0000007,\(String(repeating: "긴", count: Limits.textCharacters + 1)),G006,addr")
        let path = root + "/hostile.csv"
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aPoisonedCSVImportsHarmlesslyAndExportsIntact() throws {
        defer { demo.remove() }
        let imported = sitroom(["import", "hospitals", "--data", data, "--officer", "kim", try writeHostileCSV()])
        #expect(imported.status == 1, "a skipped row makes the exit status 1: \(imported.stderr)")
        #expect(imported.stdout.contains("added 6, updated 0, unchanged 0, skipped 2"))
        #expect(imported.stdout.contains("skipped line 14: X␛[31mBAD: unknown class \"␛[31mZZZ\""))
        // A name longer than the model holds is refused in the words apply and the console use.
        #expect(imported.stdout.contains("skipped line 15: X0000007: hospital name: at most 2000 characters (got 2001)"))
        #expect(Self.rawBytes(imported.stdout + imported.stderr).isEmpty)

        // The CSV export gives back every character of every name and address.
        let csv = sitroom(["export", "--data", data, "--format", "csv", "--table", "hospitals"])
        #expect(csv.status == 0)
        for (id, name) in Self.names {
            #expect(csv.stdout.contains("\(id),\(name),"), "\(id) exported as it was imported")
        }
        #expect(csv.stdout.contains(csvField("addr\u{1B}[5m blink\r\nsecond line")))

        // The console shows them as placeholders; the pane's title and screen stay the console's.
        let tmux = try TmuxSession.console(data: data, officer: "e2e", width: 140, height: 30, remainOnExit: true)
        let title = tmux.tmux(["display-message", "-p", "#{pane_title}"]).stdout
        _ = try tmux.waitFor("✔ saved")
        tmux.sendKeys("2", "/")
        tmux.sendText("X00000")
        tmux.sendKeys("Enter")
        let screen = try tmux.waitUntil("the six hostile rows") { $0.contains("Hostile title") && $0.contains("latipsoH") }
        #expect(screen.contains("│␛[2J␛[H Cleared"))
        #expect(screen.contains("│␛]0;PWNED␇ Hostile title"))
        #expect(screen.contains("│zero�width�bom"))
        #expect(screen.contains("│�31m C1 CSI"))
        #expect(screen.contains("│�RLO latipsoH"))
        #expect(screen.contains("…"), "the 2,000-character name is cut")
        #expect(screen.hasPrefix(" SITROOM"), "the screen was not cleared under the console")
        #expect(tmux.tmux(["display-message", "-p", "#{pane_title}"]).stdout == title, "the title was not set")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(29)
        for line in lines where line.hasPrefix("│") {
            #expect(DisplayWidth.of(line) == 140, "a row keeps the screen's width: \(line.prefix(40))")
        }
    }

    @Test func filesAreOwnerOnlyAndADirectoryOthersCanWriteIsRefused() throws {
        defer { demo.remove() }
        // Created under umask 000, written, compacted, imported into: still owner-only.
        let dir = demo.root + "/open"
        let made = TmuxSession.run(["/bin/sh", "-c", "umask 000 && exec \"$0\" init --data \"$1\"", TmuxSession.sitroomBinary, dir],
                                   stdin: nil)
        #expect(made.status == 0, "\(made.stderr)")
        let lines = (1...12).map { #"{"type":"log.add","record":{"text":"entry \#($0)"}}"# }.joined(separator: "\n") + "\n"
        let applied = TmuxSession.run(["/bin/sh", "-c", "umask 000 && exec \"$0\" apply --data \"$1\" --officer kim --compact-every 5",
                                       TmuxSession.sitroomBinary, dir], stdin: lines)
        #expect(applied.status == 0, "\(applied.stderr)")
        var seen = 0
        let walker = FileManager.default.enumerator(atPath: dir)!
        for case let name as String in walker {
            let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/" + name)
            let mode = (attrs[.posixPermissions] as! NSNumber).intValue & 0o777
            let isDir = attrs[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isDir ? 0o700 : 0o600), "\(name): \(String(mode, radix: 8))")
            seen += 1
        }
        #expect(seen >= 5)
        let top = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as! NSNumber
        #expect(top.intValue & 0o777 == 0o700)

        for mode: mode_t in [0o777, 0o770, 0o702] {
            chmod(dir, mode)
            let octal = String(mode, radix: 8)
            let apply = sitroom(["apply", "--data", dir, "--officer", "kim"], stdin: lines)
            #expect(apply.status != 0)
            #expect(apply.stderr.contains("is writable by other users (mode \(octal)); run `chmod 700 \(dir)`"), "\(apply.stderr)")
            let console = sitroom(["--data", dir, "--officer", "kim"])
            #expect(console.status != 0)
            #expect(console.stderr.contains("is writable by other users"), "\(console.stderr)")
            #expect(sitroom(["export", "--data", dir]).stderr.contains("is writable by other users"))
        }
        chmod(dir, 0o700)
        #expect(sitroom(["apply", "--data", dir, "--officer", "kim"], stdin: lines).status == 0)
    }

    @Test func diagnosticsNeverQuoteContactDetailsOrChangeContents() throws {
        defer { demo.remove() }
        let phone = "010-7351-9024"
        let person = "비밀연락처담당"
        let secret = "SECRET-NOTE-4471"
        let dir = demo.root + "/fresh"
        #expect(sitroom(["init", "--data", dir]).status == 0)
        let lines = [
            #"{"type":"agency.add","record":{"id":"knpa","name":"Police"}}"#,
            #"{"type":"contact.add","record":{"id":"c-secret","agencyId":"knpa","person":"\#(person)","phone":"\#(phone)"}}"#,
            #"{"type":"log.add","record":{"text":"\#(secret)"}}"#,
            #"{"type":"log.add","record":{"text":"after"}}"#,
        ].joined(separator: "\n") + "\n"
        // Killed once they are durable: they are in the journal either way (a clean exit compacts only
        // by size or age), and a kill is the harsher case.
        let writer = try ChildProcess([TmuxSession.sitroomBinary, "apply", "--data", dir, "--officer", "kim"])
        #expect(writer.write(lines))
        var acks: [String] = []
        for _ in 0..<20 where acks.count < 4 { acks += writer.readLines(timeout: 1) }
        #expect(acks == ["ok 1", "ok 2", "ok 3", "ok 4"])
        writer.kill9()
        _ = writer.waitExit()

        // Damage the journal inside the contact's record: good records follow the bad one.
        let path = dir + "/journal-1.log"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array(phone.utf8)) })
        bytes[at + 4] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        var said = ""
        for args in [["check"], ["apply", "--officer", "kim"], ["export"], ["report"], ["--officer", "kim"]] {
            let r = sitroom(args + ["--data", dir], stdin: "{\"type\":\"log.add\",\"record\":{\"text\":\"x\"}}\n")
            said += r.stderr + (args == ["export"] || args == ["report"] ? "" : r.stdout)
            #expect(args == ["check"] || r.status != 0 || args == ["export"] || args == ["report"], "\(args) on a damaged journal")
        }
        #expect(said.contains("damaged"), "\(said)")
        for detail in [phone, person, secret, "7351"] {
            #expect(!said.contains(detail), "a diagnostic quoted \(detail): \(said)")
        }
    }
}
