import Foundation
import SitRoomDrills
import SitRoomPostgres
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PgPassFileTests {
    @Test func theFirstMatchingLineWins() {
        let file = PgPassFile(text: """
            # host:port:database:user:password
            db.mohw.example:5432:hq:duty:first
            db.mohw.example:5432:hq:duty:second
            *:*:*:duty:anywhere
            """)
        #expect(file.password(host: "db.mohw.example", port: 5432, database: "hq", user: "duty") == "first")
        #expect(file.password(host: "10.0.0.9", port: 6543, database: "other", user: "duty") == "anywhere")
        #expect(file.password(host: "db.mohw.example", port: 5432, database: "hq", user: "kim") == nil)
    }

    @Test func eachOfTheFirstFourFieldsMustMatchOrBeAStar() {
        let file = PgPassFile(text: "h:5432:db:u:exact\nh:*:db:u:anyPort\n*:5432:*:*:anyHostDbUser")
        #expect(file.password(host: "h", port: 5432, database: "db", user: "u") == "exact")
        #expect(file.password(host: "h", port: 6000, database: "db", user: "u") == "anyPort")
        #expect(file.password(host: "x", port: 5432, database: "y", user: "z") == "anyHostDbUser")
        #expect(file.password(host: "x", port: 6000, database: "y", user: "z") == nil)
        #expect(file.password(host: "H", port: 6000, database: "db", user: "u") == nil)  // no case folding
    }

    @Test func backslashEscapesAColonOrABackslash() {
        let file = PgPassFile(text: #"ho\:st:5432:d\\b:u:pa\:ss\\word:with:colons"#)
        let entry = file.entries.first
        #expect(file.entries.count == 1)
        #expect([entry?.host, entry?.port, entry?.database, entry?.user] == ["ho:st", "5432", #"d\b"#, "u"])
        #expect(entry?.password == #"pa:ss\word:with:colons"#)
        #expect(file.password(host: "ho:st", port: 5432, database: #"d\b"#, user: "u") == #"pa:ss\word:with:colons"#)
    }

    @Test func shortLinesAndCommentsAreSkipped() {
        let file = PgPassFile(text: "# *:*:*:*:comment\nh:5432:db:u\n\n*:*:*:*:last")
        #expect(file.entries.map(\.password) == ["last"])
    }

    @Test func aFileOthersCanReadIsIgnoredWithAWarning() throws {
        let path = NSTemporaryDirectory() + "sitroom-pgpass-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "*:*:*:*:secret\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        #expect(PgPassFile.read(path).file?.entries.count == 1)
        #expect(PgPassFile.read(path).warning == nil)
        for mode: mode_t in [0o640, 0o604] {
            chmod(path, mode)
            let (file, warning) = PgPassFile.read(path)
            #expect(file == nil)
            #expect(warning == "password file \(path) has group or world access: ignored; chmod 0600 \(path)")
        }
        #expect(PgPassFile.read(path + "-missing").file == nil)
        #expect(PgPassFile.read(path + "-missing").warning == nil)  // no file is no news
    }

    @Test func passwordsComeFromTheURLThenPGPASSWORDThenTheFile() throws {
        let directory = NSTemporaryDirectory() + "sitroom-pgpass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "db.example:5432:hq:duty:from-home\n".write(toFile: directory + "/.pgpass", atomically: false, encoding: .utf8)
        chmod(directory + "/.pgpass", 0o600)
        try "db.example:5432:hq:duty:from-pgpassfile\n".write(toFile: directory + "/named", atomically: false, encoding: .utf8)
        chmod(directory + "/named", 0o600)
        let bare = try PostgresAddress(parsing: "postgres://duty@db.example/hq")
        let inURL = try PostgresAddress(parsing: "postgres://duty:from-url@db.example/hq")

        let url = PostgresPassword.find(for: inURL, environment: ["PGPASSWORD": "from-env"], home: directory)
        #expect(url.password == "from-url")
        #expect(url.warnings.first?.contains("process list") == true)
        let env = PostgresPassword.find(for: bare, environment: ["PGPASSWORD": "from-env"], home: directory)
        #expect(env.password == "from-env")
        #expect(env.warnings.isEmpty)
        #expect(PostgresPassword.find(for: bare, environment: ["PGPASSFILE": directory + "/named"], home: directory).password
            == "from-pgpassfile")
        #expect(PostgresPassword.find(for: bare, environment: [:], home: directory).password == "from-home")
        #expect(PostgresPassword.find(for: bare, environment: [:], home: directory + "/none").password == nil)
    }
}

@Suite struct PasswordServerTests {
    /// A server that asks `duty` for its SCRAM password: the one in a pgpass file opens it; none
    /// says where to put one; a file others may read is not used.
    @Test func thePasswordIsReadFromAPgpassFile() throws {
        let server = try ScratchPostgres.start()
        defer { server.destroy() }
        let password = #"s3cret:with\colon"#
        try server.addPasswordUser("duty", password: password)
        _ = try server.sql("postgres", "CREATE DATABASE pw OWNER duty")
        let address = try PostgresAddress(parsing: "postgres://duty@127.0.0.1:\(server.port)/pw")

        #expect(throws: PostgresStoreError.needsPassword(address.description)) { try PostgresChangeStore.open(address) }

        let directory = NSTemporaryDirectory() + "sitroom-pgpass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pgpass = directory + "/pgpass"
        try "127.0.0.1:\(server.port):*:duty:s3cret\\:with\\\\colon\n".write(toFile: pgpass, atomically: false, encoding: .utf8)
        chmod(pgpass, 0o600)
        let found = PostgresPassword.find(for: address, environment: ["PGPASSFILE": pgpass], home: directory)
        #expect(found.password == password)
        var withPassword = address
        withPassword.password = found.password
        let store = try PostgresChangeStore.open(withPassword, officer: "duty")
        #expect(store.commit(Sample.log(1)).seq == 1)
        store.close()
        #expect(try server.sql("pw", "SELECT count(*) FROM sitroom_changes") == "1")

        var wrong = address
        wrong.password = "guess"
        do {
            _ = try PostgresChangeStore.open(wrong)
            Issue.record("opened with a wrong password")
        } catch {
            #expect("\(error)".contains("password authentication failed for user \"duty\""), "\(error)")
        }

        chmod(pgpass, 0o644)
        let ignored = PostgresPassword.find(for: address, environment: ["PGPASSFILE": pgpass], home: directory)
        #expect(ignored.password == nil)
        #expect(ignored.warnings == ["password file \(pgpass) has group or world access: ignored; chmod 0600 \(pgpass)"])
    }
}
