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
