/// The outcome of committing one change.
public enum CommitResult: Sendable, Equatable {
    /// Durable on disk under this sequence number.
    case saved(UInt64)
    /// The change does not apply to the board (nothing was written for it).
    case rejected(ChangeError)
    /// An I/O error: the change is NOT saved and the board is as it was.
    case notSaved(String)

    public var seq: UInt64? { if case .saved(let s) = self { s } else { nil } }
}
