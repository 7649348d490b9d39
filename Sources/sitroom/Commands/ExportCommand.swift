import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole board (JSON), one table of it (CSV), or the hospitals' status (EDXL-HAVE).",
        discussion: """
            json: a BoardDocument, format "sitroom-board", version 3 ("Export format" in the README).
            csv: one table (--table, default hospitals) to stdout, or all of them into --out DIR as \
            hospitals.csv contacts.csv log.csv actions.csv conditions.csv capabilities.csv equipment.csv \
            hours_visits.csv restrictions.csv baselines.csv security.csv; UTF-8, --bom for Excel.
            have: OASIS EDXL-HAVE 1.0 XML (HospitalStatus) of every hospital with an ER, bed, doctor or \
            capability report (capability as ServiceCoverageStatus; the mapping is in the README).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, have }

    enum TableName: String, ExpressibleByArgument, CaseIterable {
        case hospitals, contacts, log, actions
        case conditions, capabilities, equipment, hoursVisits = "hours_visits", restrictions, baselines
        case security

        var table: CSVExport.Table { CSVExport.Table(rawValue: rawValue)! }
    }

    @OptionGroup var data: DataOption
    @Option(help: "Output format: json, csv or have.")
    var format: Format = .json
    @Option(help: "CSV: the table to print: hospitals (default), contacts, log, actions, conditions, capabilities, equipment, hours_visits, restrictions, baselines or security.")
    var table: TableName?
    @Option(help: ArgumentHelp("CSV: write every table into DIR (created if missing) instead of printing one.", valueName: "DIR"))
    var out: String?
    @Flag(help: "CSV: start with a UTF-8 byte order mark, for Excel.")
    var bom = false
    @Option(help: ArgumentHelp("The board as it was at this moment: \(HistoryPointArgument.help).", valueName: "MOMENT"))
    var at: String?
    @OptionGroup var time: TimeZoneOption

    func validate() throws {
        if format != .csv, table != nil || out != nil || bom {
            throw ValidationError("--table, --out and --bom go with --format csv.")
        }
        if table != nil, out != nil {
            throw ValidationError("--out writes every table; leave out --table.")
        }
    }

    func run() throws {
        let log: ChangeLog
        do {
            log = try ChangeLog.open(data.directory, mode: .readOnly)
        } catch {
            fail("\(error)")
        }

        var board = log.board
        var seq = log.seq
        if let at {
            do {
                let point = try HistoryPointArgument.parse(at, timeZone: try time.zone)
                (board, seq) = try History.open(data.directory).board(at: point)
            } catch let error as ValidationError {
                fail(error.message, code: 64)
            } catch {
                fail("\(error)")
            }
        }
        // ──────────────────────────────────────────────────────────────────────────────────────

        switch format {
        case .json:
            let json = try SitRoomJSON.encoder(pretty: true).encode(BoardDocument(board, seq: seq))
            FileHandle.standardOutput.write(json)
            print()
        case .csv:
            if let out {
                try writeTables(board, into: out)
            } else {
                let sheet = CSVExport.sheet((table ?? .hospitals).table, of: board)
                FileHandle.standardOutput.write(try CSVExport.data(sheet, bom: bom))
            }
        case .have:
            let leftOut = HAVEExport.leftOut(of: board)
            if !leftOut.isEmpty {
                let ids = leftOut.prefix(10).map(\.id).joined(separator: " ") + (leftOut.count > 10 ? " …" : "")
                FileHandle.standardError.write(Data(
                    "sitroom: \(leftOut.count) hospital(s) with no ER, bed, doctor or capability report left out: \(ids)\n".utf8))
            }
            FileHandle.standardOutput.write(Data(HAVEExport.document(board).utf8))
        }
    }

    /// Each table to `DIR/<table>.csv`, written to a temporary file and renamed, so that a reader
    /// never sees half a table.
    private func writeTables(_ board: Board, into path: String) throws {
        let dir = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for table in CSVExport.Table.allCases {
                let file = dir.appendingPathComponent("\(table.rawValue).csv")
                try CSVExport.data(CSVExport.sheet(table, of: board), bom: bom).write(to: file, options: .atomic)
                print(file.path)
            }
        } catch {
            fail("cannot write the tables into \(path): \(error.localizedDescription)")
        }
    }
}
