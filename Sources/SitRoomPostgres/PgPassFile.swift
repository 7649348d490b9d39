import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libpq's password file (~/.pgpass, or the file $PGPASSFILE names): lines of
/// `host:port:database:user:password`, `*` matching anything in the first four fields, `\:` and
/// `\\` for a colon or backslash, `#` starting a comment; the first line that matches wins.
public struct PgPassFile: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var host, port, database, user, password: String
    }

    public let entries: [Entry]

    public init(text: String) {
        entries = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).compactMap(Self.entry)
    }

    /// The password of the first line for this connection, as libpq chooses it.
    public func password(host: String, port: Int, database: String, user: String) -> String? {
        func matches(_ field: String, _ value: String) -> Bool { field == "*" || field == value }
        return entries.first {
            matches($0.host, host) && matches($0.port, String(port)) && matches($0.database, database) && matches($0.user, user)
        }?.password
    }

    /// Four fields split at unescaped colons, then the password: the rest of the line, unescaped.
    static func entry(_ line: Substring) -> Entry? {
        if line.hasPrefix("#") { return nil }
        var fields: [String] = []
        var current = ""
        var chars = line.makeIterator()
        while let c = chars.next() {
            if c == "\\" {
                current.append(chars.next() ?? "\\")
            } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        guard fields.count == 4 else { return nil }
        return Entry(host: fields[0], port: fields[1], database: fields[2], user: fields[3], password: current)
    }

    /// Reads the file at `path`: nil without a word if there is none; nil and a warning if it
    /// is not a plain file or others may read it (libpq ignores it then too: the passwords are not secret).
    public static func read(_ path: String) -> (file: PgPassFile?, warning: String?) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (nil, nil) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return (nil, "password file \(path) is not a plain file: ignored")
        }
        guard info.st_mode & (S_IRWXG | S_IRWXO) == 0 else {
            return (nil, "password file \(path) has group or world access: ignored; chmod 0600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (nil, "password file \(path) cannot be read: ignored")
        }
        return (PgPassFile(text: text), nil)
    }
}

/// Where a server's password comes from, in libpq's order: the address itself, $PGPASSWORD,
/// then the password file ($PGPASSFILE, else ~/.pgpass). A terminal prompt is the caller's.
public enum PostgresPassword {
    public struct Found: Equatable, Sendable {
        public var password: String?
        /// Said once on stderr by the caller: a password in the address, an ignored password file.
        public var warnings: [String]
    }

    public static func find(for address: PostgresAddress, environment: [String: String], home: String) -> Found {
        if let password = address.password {
            return Found(password: password, warnings: [
                "the password is in the server address, which other users can see in the process list: "
                    + "use PGPASSWORD or ~/.pgpass instead"])
        }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return Found(password: password, warnings: []) }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.pgpass"
        let (file, warning) = PgPassFile.read(path)
        let password = file?.password(host: address.host, port: address.port, database: address.database, user: address.user)
        return Found(password: password, warnings: warning.map { [$0] } ?? [])
    }
}
