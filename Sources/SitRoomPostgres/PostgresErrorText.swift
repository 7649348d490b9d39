import PostgresNIO

/// postgres-nio's errors print as "PSQLError(code: server, ...)" with the server's words hidden
/// (they may quote data in a log); the officer needs the words, e.g. "password authentication failed".
enum PostgresErrorText {
    /// NIO's connection errors are long ("Connection errors: SingleConnectionFailure(target: …,
    /// error: connection reset (error set): Connection refused (errno: 111))"): the few that say
    /// what to check, in words.
    static func plain(_ text: String) -> String? {
        let known = [
            ("Connection refused", "connection refused: is the server running and listening there?"),
            ("connectTimeout", "no answer within the connect timeout: is the network up?"),
            ("No route to host", "no route to the server's host: is the network up?"),
            ("Network is unreachable", "the network is unreachable"),
            ("Name or service not known", "unknown host name"),
            ("Connection reset", "the connection was reset"),
        ]
        return known.first { text.contains($0.0) }?.1
    }

    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func describe(_ error: any Error) -> String {
        if let tls = PostgresTLSDiagnosis.TLSFailure(error) { return tls.words }
        guard let psql = error as? PSQLError else { return "\(error)" }
        if psql.code == .authMechanismRequiresPassword { return "the server asks for a password and none was given" }
        if let info = psql.serverInfo, let message = info[.message] {
            return message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = psql.underlying { return plain("\(underlying)") ?? "\(psql.code): \(underlying)" }
        return psql.code == .serverClosedConnection ? "the server closed the connection" : "\(psql.code)"
    }
}
