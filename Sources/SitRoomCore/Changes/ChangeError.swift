/// Why a change was refused: the field (when one is to blame) and the reason, in words an officer reads.
public struct ChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(_ message: String, field: String? = nil) {
        self.field = field
        self.message = message
    }

    public var description: String { message }

    static func unknown(_ kind: String, _ id: String) -> ChangeError {
        ChangeError("unknown \(kind) \(id)", field: "id")
    }

    static func duplicate(_ kind: String, _ id: String) -> ChangeError {
        ChangeError("\(kind) \(id) already exists", field: "id")
    }
}
