import Foundation
import SitRoomCore

/// One field of a form, holding its text as typed.
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text
        /// Digits only.
        case number
        /// Two numbers, "available/staffed" or "on duty/minimum".
        case pair
        /// One of these words; Space cycles, a letter picks.
        case choice([String])
        /// 14:30, 12-05 09:00, +2h, -15m, now, or ISO 8601.
        case time
    }

    /// The record's field this value is (its raw name, e.g. "icuBeds"), so the model's refusals,
    /// which name it, land on the right form field.
    public var key: String
    public var label: String
    public var kind: Kind
    /// The text the field started with; unchanged fields are not part of the change.
    public var original: String
    public var editor: LineEditor
    public var error: String?

    public init(_ key: some RecordField, _ label: String, _ kind: Kind, _ original: String) {
        self.key = key.rawValue
        self.label = label
        self.kind = kind
        self.original = original
        editor = LineEditor(original)
    }

    public var text: String { editor.text.trimmingCharacters(in: .whitespaces) }
    public var isChanged: Bool { editor.text != original }
}

/// What a form edits.
public enum FormKind: Equatable, Sendable {
    case hospitalStatus(String)
    case strikeFigures(String)
    case newLogEntry
    case newAction
    case editAction(String)
    case newContact(agencyId: String?)
    case editContact(String)
    case newStrike
    case editStrike(String)
    case editAgency(String)
    case newSecurityIncident

    /// A form for a record that does not exist yet.
    var isNew: Bool {
        switch self {
        case .newLogEntry, .newAction, .newContact, .newStrike, .newSecurityIncident: true
        default: false
        }
    }
}

/// A value another officer saved while this form was open.
public struct Conflict: Equatable, Sendable {
    public var key: String
    public var label: String
    public var mine: String
    public var theirs: String
}

/// A form over the main area: fields, the focused one, and what to ask before leaving or saving.
public struct Form: Equatable, Sendable {
    public var kind: FormKind
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    /// A message for the whole form (e.g. NOT SAVED, or an error no field owns).
    public var message: String?
    public var askingToDiscard = false
    public var conflicts: [Conflict] = []

    public init(kind: FormKind, title: String, fields: [FormField]) {
        self.kind = kind
        self.title = title
        self.fields = fields
    }

    public var isChanged: Bool { fields.contains(where: \.isChanged) }
    public var isValid: Bool { fields.allSatisfy { $0.error == nil } && message == nil }

    public func field(_ key: some RecordField) -> FormField? { field(key.rawValue) }
    /// The field with the key another form field has (the same form, opened afresh).
    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }
    public func changed(_ key: some RecordField) -> FormField? { fields.first { $0.key == key.rawValue && $0.isChanged } }
}

/// A problem with one field's text, found before the model sees it.
public struct FieldError: Error, Equatable {
    public var key: String
    public var message: String

    public init(_ key: some RecordField, message: String) {
        self.key = key.rawValue
        self.message = message
    }

    init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

extension FormField {
    /// Refuses keys the field cannot take (letters in a number), so a wrong key changes nothing.
    func accepts(_ c: Character) -> Bool {
        switch kind {
        case .number: c.isASCII && c.isNumber
        case .pair: (c.isASCII && c.isNumber) || c == "/"
        case .text, .time, .choice: true
        }
    }

    func number() throws -> Int? {
        guard !text.isEmpty else { return nil }
        guard let n = Int(text) else {
            // Too many digits for an Int is still a number: say what the model would.
            let tooLarge = text.allSatisfy { $0.isASCII && $0.isNumber }
            throw FieldError(key: key, message: "\(label): " + (tooLarge ? Limits.figureTooLarge : "digits only"))
        }
        return n
    }

    func pair() throws -> (Int, Int)? {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
            throw FieldError(key: key, message: "\(label): two numbers, like 3/20")
        }
        return (a, b)
    }

    func time(now: Date, zone: TimeZone, leaning: TimeExpression.Leaning) throws -> Date? {
        guard !text.isEmpty else { return nil }
        guard let date = TimeExpression.parse(text, now: now, timeZone: zone, leaning: leaning) else {
            throw FieldError(key: key, message: "\(label): \"\(text)\" is not a time (\(TimeExpression.examples))")
        }
        return date
    }
}
