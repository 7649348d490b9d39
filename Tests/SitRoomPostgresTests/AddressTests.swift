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
