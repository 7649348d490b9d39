import CSV
import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Exports are the record: whatever the data holds (escapes, controls, direction overrides,
/// invisible characters, very long text) comes out exactly, or, where XML 1.0 cannot carry a
/// character at all, as U+FFFD and nothing else changed.
@Suite struct HostileExportTests {
    static let samples: [String] = [
        "\u{1B}[2J\u{1B}]0;PWNED\u{07}", "\u{9B}31m C1", "\u{202E}lanigiro\u{202C}", "zero\u{200B}width\u{200D}\u{FEFF}",
        "tab\there\r\nline, \"quoted\"", "\u{7F}del\u{08}back", "e" + String(repeating: "\u{0301}", count: 300),
        String(repeating: "가나다라마바사A", count: 1_250),
    ]

    static func board() throws -> Board {
        var board = Board()
        let t = Sample.t0
        var actions: [ChangeAction] = [.addAgency(Agency(id: "ag", name: "Agency"))]
        for (i, s) in samples.enumerated() {
            actions += [
                .addHospital(Hospital(id: "H\(i)", name: s, romanizedName: s, region: s, hospitalClass: .registeredER, address: s)),
                .reportHospital(id: "H\(i)", HospitalReport(erState: .diverting, erReason: s)),
                .addContact(Contact(id: "C\(i)", agencyId: "ag", person: s, role: s, phone: s)),
                .addLog(LogEntry(id: "L\(i)", eventTime: t, text: s)),
                .addAction(ActionItem(id: "T\(i)", text: s, ownerAgencyId: "ag")),
            ]
        }
        // Replayed: the 10,000-character sample is over `Limits.textCharacters` today, but a journal
        // written before the limit still opens with it, and exports must carry it exactly.
        for action in actions { try board.replay(Change(officer: "kim", at: t, action: action)) }
        return board
    }

    private func rows(_ table: CSVExport.Table, _ board: Board) throws -> [[String: String]] {
        let data = try CSVExport.data(CSVExport.sheet(table, of: board), bom: false)
        let reader = try CSVReader(stream: InputStream(data: data), hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var out: [[String: String]] = []
        while let row = reader.next() { out.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        if let error = reader.error { throw error }
        return out
    }

    @Test func csvKeepsEveryCharacter() throws {
        let board = try Self.board()
        let hospitals = try rows(.hospitals, board)
        #expect(hospitals.count == Self.samples.count)
        for row in hospitals {
            let i = try #require(Int(row["id"]!.dropFirst()))
            #expect(row["name"] == Self.samples[i] && row["address"] == Self.samples[i], "H\(i)")
        }
        for row in try rows(.contacts, board) {
            let i = try #require(Int(row["id"]!.dropFirst()))
            #expect(row["person"] == Self.samples[i] && row["phone"] == Self.samples[i], "C\(i)")
        }
        for row in try rows(.log, board) {
            #expect(row["text"] == Self.samples[try #require(Int(row["id"]!.dropFirst()))])
        }
        for row in try rows(.actions, board) {
            #expect(row["text"] == Self.samples[try #require(Int(row["id"]!.dropFirst()))])
        }
    }

    @Test func jsonKeepsEveryCharacter() throws {
        let board = try Self.board()
        let json = try SitRoomJSON.encoder(pretty: true).encode(BoardDocument(board, seq: 1))
        let back = try SitRoomJSON.decoder().decode(BoardDocument.self, from: json)
        #expect(back.board == board)
        #expect(!json.contains(0x1B), "JSON escapes control characters instead of writing them raw")
    }

    @Test func haveIsWellFormedAndChangesOnlyWhatXMLCannotCarry() throws {
        let board = try Self.board()
        let xml = HAVEExport.document(board)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        let root = try TreeBuilder.parse(xml)
        let names = root.descendants("xnl:NameElement").map(\.text)
        for s in Self.samples {
            let carried = String(String.UnicodeScalarView(s.unicodeScalars.map {
                ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") ? "\u{FFFD}" : $0
            }))
            #expect(names.contains(carried), "\(s.prefix(20).debugDescription)")
        }
    }
}
