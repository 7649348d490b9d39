/// The most the model holds. They are checked in the records' validation, which every change
/// passes through (a console's form, `sitroom apply`, an import, the server), so every door refuses
/// the same input with the same words; a console's line editor stops at the same length.
public enum Limits {
    /// Characters (grapheme clusters, so a Korean syllable is one) in any one text field: an id, a
    /// name, a phone, a note, a log entry. A long log entry is a few hundred.
    public static let textCharacters = 2_000

    /// The largest figure: beds, doctors, trainees, orders, incidents, participants (national strike
    /// figures are tens of thousands). Far below where adding up 100,000 hospitals could overflow.
    public static let figure = 1_000_000

    /// What too long a text is told, after its label: `log text: at most 2000 characters`.
    public static let textTooLong = "at most \(textCharacters) characters"

    /// What too large a figure is told, after its label.
    public static let figureTooLarge = "at most \(figure)"
}

/// Refuses text longer than `Limits.textCharacters`, naming the field and the length given.
func requireLength(_ text: String, _ label: String, field: String) throws {
    // Each character is at least one UTF-8 byte, so a text of no more bytes than the limit fits
    // without counting.
    guard text.utf8.count > Limits.textCharacters else { return }
    let count = text.count
    try require(count <= Limits.textCharacters, "\(label): \(Limits.textTooLong) (got \(count))", field: field)
}

/// Refuses a figure above `Limits.figure`; nil (not given) passes. Below zero is the records' own
/// rule (`requireCount`).
func requireAtMostLimit(_ value: Int?, _ label: String, field: String) throws {
    guard let value else { return }
    try require(value <= Limits.figure, "\(label): \(Limits.figureTooLarge) (got \(value))", field: field)
}
