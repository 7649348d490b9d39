import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomFeed
import SitRoomStore

extension ImportCommand {
    struct EGen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "egen",
            abstract: "Read the NEMC's E-Gen open API: real-time beds and equipment, severe-condition capability.",
            discussion: """
                Reads the XML the open API returns (files saved from it, or fetched with --url), from \
                the real-time bed operation (getEmrrmRltmUsefulSckbdInfoInqire: hvec, hvicc, hvncc, \
                the equipment flags, hvidate) and the severe-condition operation \
                (getSrsillDissAceptncPosblInfoInqire: MKioskTy1…27). Hospitals are matched by hpid. \
                Figures are stamped `E-Gen` at the feed's input time; a figure the board has from after \
                it stays. An item with a bad field is refused whole, with the reason. The README's \
                "E-Gen feed" section maps every field.
                """
        )
        @OptionGroup var data: DataOption
        @OptionGroup var officer: OfficerOption
        @Option(help: ArgumentHelp(
            "Fetch from this operation URL instead of files (repeat for both operations); pages are followed.",
            valueName: "URL"))
        var url: [String] = []
        @Option(help: ArgumentHelp("The file holding the data portal's service key (with --url).", valueName: "FILE"))
        var keyFile: String?
        @Option(help: ArgumentHelp("Seconds to wait for each page (with --url).", valueName: "SECONDS"))
        var timeout: Double = 20
        @Flag(help: "Print the report without writing anything.")
        var dryRun = false
        @Argument(help: ArgumentHelp("Response files saved from the open API.", valueName: "FILE"))
        var files: [String] = []

        func validate() throws {
            if files.isEmpty && url.isEmpty { throw ValidationError("name response files, or --url with --key-file") }
            if !files.isEmpty && !url.isEmpty { throw ValidationError("give files or --url, not both") }
            if !url.isEmpty && keyFile == nil { throw ValidationError("--url needs --key-file FILE (the data portal's service key)") }
            if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        }

        func run() throws {
            let sources = url.isEmpty ? readFiles() : fetch()
            let log: ChangeLog
            do {
                log = try ChangeLog.open(data.directory, mode: dryRun ? .readOnly : .write)
            } catch {
                fail("import egen: \(error)")
            }
            for note in log.notes { FileHandle.standardError.write(Data("sitroom: \(note)\n".utf8)) }
            let who = dryRun ? officer.name : officer.claim(log, needs: (.supervisor, "importing the feed")).officer
            let plan = EGenImport.plan(sources, into: log.board, officer: who, now: Date())
            var report: ImportReport
            if dryRun {
                report = plan.report
                report.dryRun = true
            } else {
                report = plan.commit(to: log, batchSize: 500) { _, _ in }
                log.close()
            }
            report.revertCommand = "sitroom revert \(data.shellArgument)"
            FileHandle.standardOutput.write(Data(report.text.utf8))
            if !report.isClean { throw ExitCode(1) }
        }

        private func readFiles() -> [EGenImport.Source] {
            files.map { path in
                let name = URL(fileURLWithPath: path).lastPathComponent
                let bytes: Data
                do {
                    bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    fail("import egen: cannot read \(path): \((error as NSError).localizedDescription)", code: 2)
                }
                do {
                    return EGenImport.Source(name: name, response: try EGenResponse.parse(bytes))
                } catch {
                    fail("import egen: \(name): \(error); nothing imported", code: 2)
                }
            }
        }

        private func fetch() -> [EGenImport.Source] {
            let key: String
            do {
                key = try String(contentsOfFile: keyFile!, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                fail("import egen: cannot read the key file \(keyFile!): \((error as NSError).localizedDescription)", code: 2)
            }
            guard !key.isEmpty else { fail("import egen: the key file \(keyFile!) is empty", code: 2) }
            var sources: [EGenImport.Source] = []
            let showProgress = isatty(2) != 0
            for address in url {
                let fetcher = EGenFetcher(url: address, serviceKey: key, timeout: timeout)
                let operation = URL(string: address)?.lastPathComponent ?? address
                do {
                    let pages = try fetcher.fetchPages(lastPage: { (try? EGenResponse.parse($0))?.lastPage }) { page, last in
                        guard showProgress else { return }
                        FileHandle.standardError.write(Data("\rfetching \(operation): page \(page) of \(last.map(String.init) ?? "?")\u{1B}[K".utf8))
                    }
                    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    for (index, body) in pages.enumerated() {
                        let name = "\(operation) page \(index + 1)"
                        do {
                            sources.append(EGenImport.Source(name: name, response: try EGenResponse.parse(body)))
                        } catch {
                            fail("import egen: \(name): \(error); nothing imported", code: 2)
                        }
                    }
                } catch {
                    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    fail("import egen: \(error); nothing imported", code: 2)
                }
            }
            return sources
        }
    }
}
