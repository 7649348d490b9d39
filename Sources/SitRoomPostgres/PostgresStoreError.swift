/// What can go wrong with a change log on a server; each says what to do.
public enum PostgresStoreError: Error, Equatable, CustomStringConvertible {
    case badAddress(String, String)
    case unreachable(String)
    case timedOut(String)
    case disconnected(since: String)
    /// The server holds something sitroom cannot read (a damaged or foreign row).
    case damaged(String)
    case notEmpty(UInt64)
    case noSituation(String)
    /// The address's certificate files cannot be used (missing, unreadable, not PEM).
    case tlsSetUp(String)
    /// The link could not be made as secure as the sslmode asks: the server's certificate, or no TLS.
    case tlsRefused(address: String, why: String)
    /// The server asks for a password and none was found (URL, PGPASSWORD, pgpass file, terminal).
    case needsPassword(String)

    public var description: String {
        switch self {
        case .badAddress(let text, let why): "bad server address \"\(text)\": \(why)"
        case .unreachable(let why): "cannot reach the server: \(why)"
        case .timedOut(let what): "the server did not answer within the time limit (\(what))"
        case .disconnected(let since): "DISCONNECTED from the server since \(since)"
        case .damaged(let why): "the server's change log cannot be read: \(why)"
        case .noSituation(let address):
            "no situation on \(address) yet: a writing console creates one, or copy one there with "
                + "`sitroom migrate --from DIR --to \(address)`"
        case .tlsSetUp(let why): "cannot set up TLS: \(why)"
        case .tlsRefused(let address, let why): "not connecting to \(address): \(why)"
        case .needsPassword(let address):
            "\(address) asks for a password: set PGPASSWORD, or add a line host:port:database:user:password "
                + "to ~/.pgpass (mode 0600, or the file $PGPASSFILE names), or start sitroom on a terminal to be asked"
        case .notEmpty(let seq): "the server already holds a situation (up to change #\(seq)); migrate needs an empty database"
        }
    }
}
