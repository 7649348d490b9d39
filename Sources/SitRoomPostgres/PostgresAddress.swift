import Foundation

/// `postgres://user[:password]@host[:port]/database[?sslmode=…&sslrootcert=…&sslcert=…&sslkey=…]`:
/// where a shared situation is kept, and how the link to it is protected (libpq's parameters).
public struct PostgresAddress: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// The CA certificates (PEM) the server's certificate must be signed by; nil: libpq's
    /// ~/.postgresql/root.crt if it exists, else the system's trusted CAs.
    public var sslRootCert: String?
    /// A client certificate and its key (PEM), for servers that ask for one (`cert` in pg_hba.conf).
    public var sslCert: String?
    public var sslKey: String?

    /// libpq's modes, those that never fall back to an unencrypted link silently (no allow, prefer).
    public enum SSLMode: String, CaseIterable, Sendable {
        /// No TLS: only sensible on one machine (the default for a loopback host).
        case disable
        /// Encrypted, but the server's certificate is not checked (a CA given makes it verify-ca, as in libpq).
        case require
        /// Encrypted, the certificate signed by a trusted CA, whatever name it is for.
        case verifyCA = "verify-ca"
        /// Encrypted, signed by a trusted CA and for the host named in the address (the default elsewhere).
        case verifyFull = "verify-full"
    }

    public static let parameters = ["sslmode", "sslrootcert", "sslcert", "sslkey"]

    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String,
                sslMode: SSLMode? = nil, sslRootCert: String? = nil, sslCert: String? = nil, sslKey: String? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode ?? Self.defaultSSLMode(host: host)
        self.sslRootCert = sslRootCert
        self.sslCert = sslCert
        self.sslKey = sslKey
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
        var parameters: [String: String] = [:]
        for item in url.queryItems ?? [] {
            guard Self.parameters.contains(item.name) else {
                throw PostgresStoreError.badAddress(
                    text, "unknown parameter \"\(item.name)\" (sitroom takes \(Self.parameters.joined(separator: ", ")))")
            }
            guard let value = item.value, !value.isEmpty else { throw PostgresStoreError.badAddress(text, "\(item.name) has no value") }
            parameters[item.name] = value
        }
        var mode: SSLMode?
        if let name = parameters["sslmode"] {
            guard let known = SSLMode(rawValue: name) else {
                throw PostgresStoreError.badAddress(
                    text, "unknown sslmode \"\(name)\" (one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            mode = known
        }
        if (parameters["sslcert"] == nil) != (parameters["sslkey"] == nil) {
            throw PostgresStoreError.badAddress(text, "sslcert and sslkey go together (a client certificate and its key)")
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.init(user: user.removingPercentEncoding ?? user, password: url.password?.removingPercentEncoding,
                  host: bareHost, port: url.port ?? 5432, database: database.removingPercentEncoding ?? database,
                  sslMode: mode, sslRootCert: parameters["sslrootcert"], sslCert: parameters["sslcert"], sslKey: parameters["sslkey"])
        if sslMode == .disable, parameters.keys.contains(where: { $0 != "sslmode" }) {
            throw PostgresStoreError.badAddress(text, "sslmode=disable uses no certificates: drop sslrootcert, sslcert and sslkey, or choose another sslmode")
        }
    }

    /// A link on one machine needs no encryption; any other host is verified as libpq's verify-full.
    public static func defaultSSLMode(host: String) -> SSLMode {
        isLoopback(host) ? .disable : .verifyFull
    }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.") && h.split(separator: ".").count == 4
    }

    /// Never shows the password; shows the sslmode when it is not the default for the host.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let mode = sslMode == Self.defaultSSLMode(host: host) ? "" : "?sslmode=\(sslMode.rawValue)"
        return "postgres://\(user)@\(shownHost)\(port == 5432 ? "" : ":\(port)")/\(database)\(mode)"
    }
}
