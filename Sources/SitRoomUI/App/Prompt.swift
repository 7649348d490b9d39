import SitRoomCore

/// A line being typed at the bottom of the screen: a quick command (`:`), a filter (`/`), or a
/// yes/no question.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case command
        case filter(PanelID)
        /// Asks before committing `action`; `question` names the record.
        case confirm(question: String, action: ChangeAction)
        /// Asks for a line of text that completes a change (an acknowledgement's note, a briefing's title).
        case text(label: String, purpose: TextPurpose)
    }

    public enum TextPurpose: Equatable, Sendable {
        case acknowledge(alertId: String)
        case briefing
        /// Removing a hospital from a shared board takes its id typed out, not one key.
        case confirmRemoval(id: String, action: ChangeAction, summary: String)
    }

    public var kind: Kind
    public var editor = LineEditor()
    /// The model's own message when the line did not work; the line stays for correction.
    public var error: String?
    /// Completion or ambiguity candidates to show above the line.
    public var candidates: [String] = []

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        editor = LineEditor(text)
    }

    /// A line of text is typed (not a yes/no question).
    public var takesText: Bool {
        if case .confirm = kind { return false }
        return true
    }

    public var symbol: String {
        switch kind {
        case .command: ":"
        case .filter: "/"
        case .confirm(let question, _): question + " (y/n) "
        case .text(let label, _): label + ": "
        }
    }
}
