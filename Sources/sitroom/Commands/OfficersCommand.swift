import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomStore

/// `sitroom officers`: the roster (who may change what), kept as changes like everything else.
struct OfficersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officers",
        abstract: "The roster: officers, their roles and the identities that are them.",
        discussion: """
            Roles: watch (reads only), officer (reports, log, calls, actions), supervisor (also acknowledges \
            alerts, marks briefings, imports, reverts, deletes others' records), admin (also the roster). \
            A situation without a roster lets everyone do everything; the first officer added must be an \
            admin, and from then on every change is checked against the roster where it is committed.
            """,
        subcommands: [List.self, Add.self, Edit.self, Retire.self, AuthorizedKeys.self]
    )

    struct Target: ParsableArguments {
        @OptionGroup var data: DataOption
        @OptionGroup var officer: OfficerOption
        @OptionGroup var server: StoreOption
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the roster.")
        @OptionGroup var target: Target
        @Flag(help: "Also list retired officers.") var all = false

        func run() throws {
            let (log, _) = target.server.open(target.data, officer: target.officer.name, writing: false)
            defer { log.close() }
            let officers = log.board.roster.values.filter { all || $0.isActive }.sorted { $0.id < $1.id }
            guard !officers.isEmpty else {
                print("no roster: everyone who can open \(log.location) may change everything. "
                      + "Start one with: sitroom officers add ID --name NAME --role admin --os-user \(Identity.osUser())")
                return
            }
            let rows = officers.map { o in
                [o.id, o.name, o.desk, o.role.rawValue + (o.isActive ? "" : " (retired)"),
                 (o.osUsers.map { "user " + $0 } + o.keys.map { "key " + $0 }).joined(separator: ", ")]
            }
            printTable(header: ["ID", "NAME", "DESK", "ROLE", "IDENTITIES"], rows: rows)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put an officer on the roster.")
        @Argument(help: "The officer's id, as changes name them (letters, digits, . _ -).") var id: String
        @Option(help: "The name colleagues know them by.") var name: String
        @Option(help: "watch, officer, supervisor or admin.") var role: OfficerRole
        @Option(help: "The desk or agency.") var desk: String = ""
        @Option(name: .customLong("os-user"), help: "An OS user name that is this officer (repeatable).") var osUsers: [String] = []
        @Option(name: .customLong("key"), help: "An SSH key: a .pub file, a public key line or a SHA256: fingerprint (repeatable).")
        var keys: [String] = []
        @OptionGroup var target: Target

        func run() throws {
            var officer = Officer(id: id, name: name, desk: desk, role: role, osUsers: osUsers)
            try officer.addKeys(keys)
            target.commit("added \(id) (\(role.rawValue))") { _ in .roster(.add(officer)) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an officer's name, desk, role or identities.")
        @Argument var id: String
        @Option var name: String?
        @Option var role: OfficerRole?
        @Option var desk: String?
        @Option(name: .customLong("os-user"), help: "Add an OS user name (repeatable).") var osUsers: [String] = []
        @Option(name: .customLong("key"), help: "Add an SSH key: a .pub file, a line or a fingerprint (repeatable).") var keys: [String] = []
        @Option(name: .customLong("remove-os-user"), help: "Remove an OS user name (repeatable).") var removeOSUsers: [String] = []
        @Option(name: .customLong("remove-key"), help: "Remove a key by its fingerprint (repeatable).") var removeKeys: [String] = []
        @Flag(help: "Put a retired officer back on duty.") var reinstate = false
        @OptionGroup var target: Target

        func run() throws {
            // Edited as the board has it in the store that commits the edit: nothing read twice.
            target.commit("edited \(id)") { board in
                guard var officer = board.roster[id] else { fail("no officer \(id) on the roster; `sitroom officers list` shows who is") }
                if let name { officer.name = name }
                if let role { officer.role = role }
                if let desk { officer.desk = desk }
                officer.osUsers = officer.osUsers.filter { !removeOSUsers.contains($0) } + osUsers.filter { !officer.osUsers.contains($0) }
                officer.removeKeys(removeKeys)
                try officer.addKeys(keys)
                if reinstate { officer.retired = nil }
                return .roster(.edit(officer))
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire an officer: they can change nothing more; their past changes stay theirs.")
        @Argument var id: String
        @OptionGroup var target: Target

        func run() throws {
            target.commit("retired \(id)") { _ in .roster(.retire(id: id)) }
        }
    }

    struct AuthorizedKeys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "authorized-keys",
            abstract: "Print the service account's authorized_keys lines: each key lands in the console as its officer.")
        @Option(help: ArgumentHelp("The sitroom the forced command runs (default: this one).", valueName: "PATH"))
        var sitroom: String?
        @OptionGroup var target: Target

        func run() throws {
            let (log, _) = target.server.open(target.data, officer: target.officer.name, writing: false)
            defer { log.close() }
            let binary = sitroom ?? Self.thisExecutable()
            let place: String
            if let address = try? target.server.address() {
                place = "--store \(address)"
            } else {
                place = "--data " + URL(fileURLWithPath: target.data.data).standardizedFileURL.path
            }
            for officer in log.board.roster.values.filter(\.isActive).sorted(by: { $0.id < $1.id }) {
                var printed = Set<String>()
                for line in officer.publicKeys {
                    guard let key = try? PublicKey(line: line), officer.keys.contains(key.fingerprint) else { continue }
                    printed.insert(key.fingerprint)
                    print("restrict,pty,command=\"\(binary) console \(place) --key-id \(key.fingerprint)\" \(key.line)")
                }
                for fingerprint in officer.keys where !printed.contains(fingerprint) {
                    print("# \(officer.id): key \(fingerprint) has no public key on the roster; "
                          + "add it with: sitroom officers edit \(officer.id) --key FILE.pub")
                }
            }
        }

        static func thisExecutable() -> String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        }
    }
}

extension OfficersCommand.Target {
    /// Commits one roster change, made from the board as the store has it, as the officer at the
    /// keyboard; prints `ok #seq: what` or the refusal.
    func commit(_ what: String, _ change: (Board) throws -> ChangeAction) {
        let (log, _) = server.open(data, officer: officer.name, writing: true)
        defer { log.close() }
        let me = officer.claim(log)
        let action: ChangeAction
        do { action = try change(log.board) } catch { fail("\(error)") }
        switch log.commit(Change(officer: me.officer, at: Date(), action: action)) {
        case .saved(let seq): print("ok #\(seq): \(what)")
        case .rejected(let error): fail("refused: \(error)")
        case .notSaved(let why): fail("NOT SAVED: \(why)")
        }
    }
}

extension Officer {
    mutating func addKeys(_ arguments: [String]) throws {
        for argument in arguments {
            let key: (fingerprint: String, line: String?)
            do { key = try PublicKey.parse(argument) } catch { fail("--key \(argument.prefix(60)): \(error)") }
            if !keys.contains(key.fingerprint) { keys.append(key.fingerprint) }
            if let line = key.line, !publicKeys.contains(line) { publicKeys.append(line) }
        }
    }

    mutating func removeKeys(_ fingerprints: [String]) {
        keys.removeAll { fingerprints.contains($0) }
        publicKeys.removeAll { line in (try? PublicKey(line: line)).map { fingerprints.contains($0.fingerprint) } ?? false }
    }
}

extension OfficerRole: ExpressibleByArgument {}

/// Columns lined up by display width (Korean names take two cells a character); the last one free.
func printTable(header: [String], rows: [[String]]) {
    let safe = ([header] + rows).map { $0.map { SafeText.line($0, limit: 200) } }
    let widths = header.indices.map { i in safe.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
    for row in safe {
        let cells = row.indices.map { i in i == row.count - 1 ? row[i] : DisplayWidth.column(row[i], widths[i] + 2) }
        print(cells.joined())
    }
}
