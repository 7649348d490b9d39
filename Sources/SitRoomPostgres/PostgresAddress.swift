import Foundation

/// `postgres://user[:password]@host[:port]/database`: where a shared situation is kept.
public struct PostgresAddress: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    public init(parsing text: String) throws {
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw PostgresStoreError.badAddress(text, "expected postgres://user@host[:port]/database")
        }
        guard let host = url.host, !host.isEmpty else { throw PostgresStoreError.badAddress(text, "no host") }
        guard let user = url.user, !user.isEmpty else { throw PostgresStoreError.badAddress(text, "no user (postgres://USER@host/db)") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresStoreError.badAddress(text, "no database (postgres://user@host/DATABASE)")
        }
        if let port = url.port, !(1...65535).contains(port) { throw PostgresStoreError.badAddress(text, "bad port") }
        self.init(user: user.removingPercentEncoding ?? user, password: url.password?.removingPercentEncoding,
                  host: host, port: url.port ?? 5432, database: database.removingPercentEncoding ?? database)
    }

    /// Never shows the password.
    public var description: String {
        "postgres://\(user)@\(host)\(port == 5432 ? "" : ":\(port)")/\(database)"
    }
}
