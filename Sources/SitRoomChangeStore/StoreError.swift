/// Why the store could not open or write, in words an officer (or the officer's admin) can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notADataDirectory(String)
    case alreadyExists(String)
    case unsafePermissions(String, mode: UInt32)
    case badSnapshot(String)
    /// The live generation's snapshot is missing or damaged; `sitroom check --repair` rebuilds it
    /// from an older snapshot and the journals. Every door that refuses to open says that command.
    case snapshotNeedsRepair(file: String, why: String, directory: String)
    case badPointer(String)
    /// A bad record followed by good ones: refuse to write, leave every file as it is.
    case corruptJournal(file: String, afterSeq: UInt64, badOffset: Int, resumesAtSeq: UInt64, resumesAtOffset: Int)
    case divergent(seq: UInt64, reason: String)
    case readOnly
    case busy
    case failed(String)
    /// The journals needed to rebuild an earlier board are no longer there.
    case historyUnavailable(String)

    public var description: String {
        switch self {
        case .notADataDirectory(let p):
            "\(p) is not a sitroom data directory (no CURRENT file); create one with `sitroom init --data \(p)`"
        case .alreadyExists(let p): "\(p) already exists and is not empty"
        case .unsafePermissions(let p, let mode):
            "\(p) is writable by other users (mode \(String(mode & 0o777, radix: 8))); run `chmod 700 \(p)`"
        case .badSnapshot(let why): "snapshot unreadable: \(why)"
        case .snapshotNeedsRepair(let file, let why, let directory):
            "snapshot unreadable: \(file): \(why). Nothing was changed; rebuild it from the previous snapshot and "
                + "the journals with `sitroom check --repair --data \(ShellWord.quote(directory))`"
        case .badPointer(let why): "CURRENT pointer unreadable: \(why)"
        case .corruptJournal(let file, let after, let bad, let resumes, let resumesAt):
            "journal \(file) is damaged: a bad record at byte \(bad) after sequence \(after), "
                + "good records resume at sequence \(resumes) (byte \(resumesAt)); "
                + "sequences \(after + 1)-\(resumes &- 1) are affected. Nothing was changed; run `sitroom check`."
        case .divergent(let seq, let reason): "journal record \(seq) does not apply to the board: \(reason)"
        case .readOnly: "read-only: this console was opened with --watch"
        case .busy: "another console is using the data directory right now; try again"
        case .failed(let why): "the store stopped writing after an I/O error (\(why)); restart to recover"
        case .historyUnavailable(let why): "that moment is not in the history: \(why)"
        }
    }
}
