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
        case .notEmpty(let seq): "the server already holds a situation (up to change #\(seq)); migrate needs an empty database"
        }
    }
}
