import Foundation
import SitRoomDrills
import SitRoomPostgres
import Testing

@Suite struct AddressTests {
    @Test func aFullAddressIsRead() throws {
        let a = try PostgresAddress(parsing: "postgres://duty:s%40cret@db.mohw.example:6543/sitroom")
        #expect(a == PostgresAddress(user: "duty", password: "s@cret", host: "db.mohw.example", port: 6543, database: "sitroom"))
        #expect(a.description == "postgres://duty@db.mohw.example:6543/sitroom")  // never the password
    }

    @Test func theDefaultPortIsPostgres() throws {
        let a = try PostgresAddress(parsing: "postgresql://duty@127.0.0.1/hq")
        #expect(a.port == 5432)
        #expect(a.password == nil)
    }

    @Test(arguments: ["mysql://a@b/c", "postgres://b/c", "postgres://a@/c", "postgres://a@b", "postgres://a@b/", "postgres://a@b:0/c"])
    func aBadAddressSaysWhy(_ text: String) {
        #expect(throws: PostgresStoreError.self) { try PostgresAddress(parsing: text) }
    }
}

@Suite struct OpeningTests {
    @Test func aWatcherOnAnEmptyDatabaseSaysHowToFillIt() throws {
        let address = try SharedServer.freshDatabase()
        #expect(throws: PostgresStoreError.noSituation(address.description)) {
            try PostgresChangeStore.open(address, readOnly: true)
        }
    }

    @Test func aServerNobodyListensOnIsUnreachableAndSaysWhy() throws {
        let address = PostgresAddress(user: "postgres", host: "127.0.0.1", port: 1, database: "none")
        do {
            _ = try PostgresChangeStore.open(address)
            Issue.record("opened a server on port 1")
        } catch let error as PostgresStoreError {
            #expect("\(error)".contains("connection refused"), "\(error)")
            #expect("\(error)".contains("postgres://postgres@127.0.0.1:1/none"), "\(error)")
        }
    }
}

@Suite struct AddressTLSTests {
    @Test func loopbackDefaultsToNoTLSAndAnyOtherHostToVerifyFull() throws {
        for host in ["127.0.0.1", "localhost", "[::1]", "127.0.0.2"] {
            #expect(try PostgresAddress(parsing: "postgres://duty@\(host)/hq").sslMode == .disable, "\(host)")
        }
        for host in ["db.mohw.example", "10.1.2.3", "128.0.0.1", "localhost.example"] {
            #expect(try PostgresAddress(parsing: "postgres://duty@\(host)/hq").sslMode == .verifyFull, "\(host)")
        }
    }

    @Test func libpqsParametersAreRead() throws {
        let a = try PostgresAddress(parsing: "postgres://duty@db.mohw.example/hq?sslmode=verify-ca&sslrootcert=/etc/sitroom/ca.crt"
            + "&sslcert=/etc/sitroom/duty.crt&sslkey=/etc/sitroom/duty.key")
        #expect(a.sslMode == .verifyCA)
        #expect(a.sslRootCert == "/etc/sitroom/ca.crt")
        #expect(a.sslCert == "/etc/sitroom/duty.crt")
        #expect(a.sslKey == "/etc/sitroom/duty.key")
        #expect(a.description == "postgres://duty@db.mohw.example/hq?sslmode=verify-ca")
        #expect(try PostgresAddress(parsing: "postgres://duty@db.mohw.example/hq?sslmode=verify-full").description
            == "postgres://duty@db.mohw.example/hq")  // the default is not shown
        #expect(try PostgresAddress(parsing: "postgres://u:pw@127.0.0.1:6000/hq?sslmode=require").description
            == "postgres://u@127.0.0.1:6000/hq?sslmode=require")
    }

    @Test(arguments: [
        ("postgres://u@h/db?sslmode=prefer", "unknown sslmode \"prefer\" (one of disable, require, verify-ca, verify-full)"),
        ("postgres://u@h/db?sslmode=VERIFY-FULL", "unknown sslmode \"VERIFY-FULL\" (one of disable, require, verify-ca, verify-full)"),
        ("postgres://u@h/db?connect_timeout=5", "unknown parameter \"connect_timeout\" (sitroom takes sslmode, sslrootcert, sslcert, sslkey)"),
        ("postgres://u@h/db?sslrootcert=", "sslrootcert has no value"),
        ("postgres://u@h/db?sslcert=/a.crt", "sslcert and sslkey go together (a client certificate and its key)"),
    ])
    func aBadParameterIsNamed(_ text: String, _ why: String) {
        #expect(throws: PostgresStoreError.badAddress(text, why)) { try PostgresAddress(parsing: text) }
    }

    @Test func aMissingCertificateFileIsNamedBeforeConnecting() throws {
        let address = try PostgresAddress(parsing: "postgres://u@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt")
        #expect(throws: PostgresStoreError.tlsSetUp("sslrootcert /nonexistent/ca.crt: no readable file there")) {
            try PostgresChangeStore.open(address)
        }
    }
}
