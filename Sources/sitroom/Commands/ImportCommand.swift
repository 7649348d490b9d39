import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update hospitals or contacts from a CSV file, or figures from the E-Gen feed.",
        discussion: """
            Upserts by id: a new id is added, an existing one is updated in the fields that differ. \
            The encoding is detected (UTF-8, UTF-8 with BOM, else CP949 as Korea's public data portal \
            serves it). Prints what was added, updated, unchanged and skipped (with each skipped \
            line and why), and the sequence range written: `sitroom revert FROM-TO` undoes it.
            """,
        subcommands: [Hospitals.self, Contacts.self, EGen.self]
    )

    struct Options: ParsableArguments {
        @OptionGroup var data: DataOption
        @OptionGroup var officer: OfficerOption
        @Option(help: ArgumentHelp(
            "The file's encoding: auto (detect), utf-8, cp949 (= euc-kr), or any name iconv knows.",
            valueName: "NAME"))
        var encoding = "auto"
        @Option(help: ArgumentHelp(
            "Which column holds which field, for headers sitroom does not know: field=Column,field=Column.",
            valueName: "MAP"))
        var map: [String] = []
        @Flag(help: "Print the report without writing anything.")
        var dryRun = false
        @Option(help: .hidden) var batchSize = 500
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE"))
        var file: String
    }

    struct Hospitals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import hospitals (e.g. the public data portal's list of emergency rooms).",
            discussion: """
                Columns: id (기관ID), name (기관명), romanized_name, region, class (응급의료기관코드: \
                G001 G006 G007 G009 G099), address (주소), switchboard (대표전화1), er_phone (응급실전화), \
                update_interval_minutes. Others are ignored. Without a region column the region is \
                the address's first word (서울특별시 → 서울).
                """,
            aliases: ["hospital"]
        )
        @OptionGroup var options: Options

        func run() throws {
            try runImport(options, what: "hospitals") { table, board, map, officer in
                try HospitalImport.plan(table, into: board, overrides: map, officer: officer)
            }
        }
    }

    struct Contacts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import inter-agency contacts; agencies not on the board are added.",
            discussion: """
                Columns: id, agency (기관, 소속: an agency id or name), person (성명, 이름), \
                role (직위, 직책), phone (전화, 전화번호), mobile (휴대전화, 휴대폰), email (이메일), \
                shift (근무, 근무조), escalation. Without an id the contact's id is made from its \
                agency and person.
                """,
            aliases: ["contact"]
        )
        @OptionGroup var options: Options

        func run() throws {
            try runImport(options, what: "contacts") { table, board, map, officer in
                try ContactImport.plan(table, into: board, overrides: map, officer: officer)
            }
        }
    }
}

/// Reads the file, plans against the board, commits (unless a dry run) and prints the report.
/// Exits 1 when a row was skipped or a change not saved.
private func runImport(
    _ options: ImportCommand.Options, what: String,
    plan makePlan: (CSVTable, Board, [String: String], String) throws -> ImportPlan
) throws {
    let log: ChangeLog
    let plan: ImportPlan
    do {
        let encoding = TextEncoding.named(options.encoding)  // nil: detect
        let overrides = try ColumnMapping.parseOverrides(options.map)
        let (table, used) = try CSVTable.read(path: options.file, encoding: encoding)
        log = try ChangeLog.open(options.data.directory, mode: options.dryRun ? .readOnly : .write)
        for note in log.notes { FileHandle.standardError.write(Data("sitroom: \(note)\n".utf8)) }
        let who = options.dryRun ? options.officer.name
            : options.officer.claim(log, needs: (.supervisor, "importing \(what)")).officer
        var made = try makePlan(table, log.board, overrides, who)
        let name = URL(fileURLWithPath: options.file).lastPathComponent
        made.preamble.insert("\(what) from \(name): \(used), \(table.rows.count) row\(table.rows.count == 1 ? "" : "s")", at: 0)
        plan = made
    } catch {
        fail("import \(what): \(error)")
    }

    var report: ImportReport
    if options.dryRun {
        report = plan.report
        report.dryRun = true
    } else {
        let showProgress = isatty(2) != 0 && plan.changes.count > options.batchSize
        report = plan.commit(to: log, batchSize: options.batchSize) { done, total in
            guard showProgress else { return }
            let end = done == total ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data("\rimporting \(done)/\(total)\(end)".utf8))
        }
        log.close()
    }
    report.revertCommand = "sitroom revert \(options.data.shellArgument)"
    FileHandle.standardOutput.write(Data(report.text.utf8))
    if !report.isClean { throw ExitCode(1) }
}
