import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply changes read from stdin, one JSON object (or, with --command, one quick command) per line.",
        discussion: """
            For each line prints `ok <seq>` once the change is durable on disk, or \
            `error <line-number>: <message>` and goes on with the next line. Exits 1 if any line failed. \
            Lines that arrive while a write is being synced are saved together (group commit). \
            The change format is described in the README ("Changes"). With --command each line is a \
            quick command as typed on the console's `:` line (README, "Quick commands"), read against \
            the board as it is after the lines before it, e.g. `er snuh limited beds=3/20 "CT down"`.
            """
    )

    @OptionGroup var data: DataOption
    @OptionGroup var officer: OfficerOption
    @OptionGroup var server: StoreOption
    @Flag(help: "Read quick commands (`er snuh limited beds=3/20`) instead of JSON changes.")
    var command = false
    @Option(help: .hidden) var compactEvery: Int?

    func run() throws {
        let log: any ChangeStore
        var rules = AlertRules.defaults
        do {
            if let address = try server.address() {
                log = StoreOption.openServer(address, readOnly: false, officer: officer.name)
            } else {
                let local = try ChangeLog.open(data.directory)
                if let n = compactEvery { local.policy.maxRecords = max(1, n) }
                rules = try AlertRulesFile.load(from: data.directory)
                log = local
            }
        } catch {
            fail("\(error)")
        }
        for note in log.notes { FileHandle.standardError.write(Data("sitroom: \(note)\n".utf8)) }
        let officerName = officer.claim(log).officer
        var reader = LineReader(fd: 0)
        var lineNumber = 0
        var anyFailed = false

        // Every line already waiting on stdin goes into one batch: one fsync for all of them.
        while let lines = reader.nextLines() {
            log.tend()  // a lost server is tried again (with backoff) before each batch
            var messages: [Int: String] = [:]
            var batch: [(line: Int, change: Change)] = []
            func commitBatch() {
                guard !batch.isEmpty else { return }
                // The alert rules look at what these lines touched, in the same fsync.
                for (entry, result) in zip(batch, log.commit(batch.map(\.change), applying: rules, officer: officerName)) {
                    switch result {
                    case .saved(let seq): messages[entry.line] = "ok \(seq)"
                    case .rejected(let error): messages[entry.line] = "error \(entry.line): \(SafeText.line("\(error)", limit: 300))"
                    case .notSaved(let why): messages[entry.line] = "error \(entry.line): NOT SAVED: \(why)"
                    }
                }
                batch.removeAll()
            }
            for text in lines {
                lineNumber += 1
                if text.allSatisfy(\.isWhitespace) { continue }
                do {
                    if command {
                        // A quick command names records as the board has them now, after the lines
                        // before it (and other writers' changes): commit each before reading the next.
                        batch.append((lineNumber, try quickCommand(text, log: log, officer: officerName)))
                        commitBatch()
                    } else {
                        batch.append((lineNumber, try ChangeLine.parse(text, officer: officerName, now: Date())))
                    }
                } catch {
                    messages[lineNumber] = "error \(lineNumber): \(SafeText.line("\(error)", limit: 300))"
                }
            }
            commitBatch()
            anyFailed = anyFailed || messages.values.contains { $0.hasPrefix("error") }
            let out = messages.keys.sorted().map { messages[$0]! + "\n" }.joined()
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        log.close()
        if anyFailed { throw ExitCode(1) }
    }

    /// One quick command line as a change, read against the log's board as it is now.
    private func quickCommand(_ text: String, log: any ChangeStore, officer: String) throws -> Change {
        _ = try? log.refresh(waiting: true)
        let now = Date()
        let context = QuickCommandContext(board: log.board, now: now, timeZone: .current)
        let parsed = try QuickCommandParser.parse(text, context)
        guard case .change(let action, _) = parsed else {
            throw QuickCommandError("\"\(parsed.name)\" is for the console")
        }
        return Change(officer: officer, at: now, action: action)
    }
}
