/// Where the officer is, for the bottom line's keys.
public enum HintContext: Hashable, Sendable {
    /// `readOnlyDetail`: a detail `e` does not edit (a log entry, an alert).
    case dashboard, panel(PanelID), detail, readOnlyDetail, help, form, capable

    public init(_ model: AppModel) {
        if model.form != nil {
            self = .form
            return
        }
        switch model.screen {
        case .dashboard: self = .dashboard
        case .full(let panel): self = .panel(panel)
        case .detail(.logEntry), .detail(.alert): self = .readOnlyDetail
        case .detail: self = .detail
        case .help: self = .help
        case .capable: self = .capable
        }
    }
}

/// One key offered on the bottom line: an action of the key table (its key as the officer types
/// it, then what it does here), or a key a form or prompt reads itself.
public struct KeyHint: Sendable, Equatable {
    public var action: Action?
    public var key: String
    public var word: String

    static func on(_ action: Action, _ key: String, _ word: String) -> KeyHint { KeyHint(action: action, key: key, word: word) }
    static func own(_ key: String, _ word: String) -> KeyHint { KeyHint(action: nil, key: key, word: word) }
}

extension KeyMap {
    /// The keys that fit the moment, most useful first; the bottom line shows as many as fit. The
    /// dashboard's come from the bindings' `hint`; every `.on` names an action of the table above
    /// (a test checks that its key is that binding's).
    static let contextHints: [HintContext: [KeyHint]] = {
        let back = KeyHint.on(.back, "Esc", "back"), help = KeyHint.on(.help, "?", "help")
        let move = KeyHint.on(.moveDown, "↑↓", "move"), open = KeyHint.on(.openDetail, "Enter", "open")
        let filter = KeyHint.on(.filter, "/", "filter"), command = KeyHint.on(.command, ":", "command")
        var table: [HintContext: [KeyHint]] = [
            .detail: [.on(.moveDown, "j/k", "scroll"), .on(.edit, "e", "edit"), back, command, help],
            .readOnlyDetail: [.on(.moveDown, "j/k", "scroll"), back, command, help],
            .help: [.on(.moveDown, "j/k", "scroll"), back],
            .form: [.own("Enter", "save"), .own("Esc", "cancel"), .own("Tab", "next field"), .own("Space", "next choice")],
            .capable: [move, open, back, help],
            .panel(.alerts): [move, .on(.acknowledge, "A", "acknowledge"), open, filter, back, help],
            .panel(.actions): [move, .on(.edit, "e", "edit"), .on(.add, "a", "add"), .own(":done", "<id> closes"), back, help],
            .panel(.capability): [.on(.nextColumn, "←→", "condition"), .on(.sortByColumn, "s", "ERs able first"), open,
                                  filter, .own(":where", "<condition>"), back],
            .panel(.security): [move, .on(.edit, "e", "next step"), .on(.call, "c", "call police"), .on(.add, "a", "add"),
                                .on(.delete, "d", "remove"), back, help],
            .panel(.contacts): [move, .on(.call, "c", "log a call"), .on(.edit, "e", "edit"), .on(.add, "a", "add"), filter, back, help],
            .panel(.officers): [move, open, .on(.edit, "e", "role"), .on(.add, "a", "add"), .on(.delete, "d", "retire"), filter, back, help],
            .panel(.log): [move, .on(.add, "a", "add"), filter, command, back, help],
            .panel(.briefing): [move, .on(.markBriefing, "B", "mark a briefing"), back, help],
        ]
        for panel in [PanelID.strike, .coverage] {
            table[.panel(panel)] = [move, open, .on(.edit, "e", "edit"), filter, .on(.sort, "s", "sort"), back, help]
        }
        return table
    }()

    /// What a console opened with --watch (or --at) cannot do: it offers only the keys that look.
    static let writingActions: Set<Action> = [.edit, .add, .delete, .call, .editAgency, .acknowledge, .markBriefing, .undo, .redo]

    /// The bottom line's keys in `context`; `readOnly`: without the keys that would change the board.
    public static func hints(_ context: HintContext, readOnly: Bool) -> [KeyHint] {
        let all = hints(context)
        return readOnly ? all.filter { $0.action.map { !writingActions.contains($0) } ?? !$0.key.hasPrefix(":done") } : all
    }

    /// The bottom line's keys in `context`.
    public static func hints(_ context: HintContext) -> [KeyHint] {
        if let hints = contextHints[context] { return hints }
        return bindings.compactMap { b in
            b.hint.map { hint in
                let parts = hint.split(separator: " ", maxSplits: 1).map(String.init)
                return KeyHint.on(b.action, parts[0], parts.count > 1 ? parts[1] : "")
            }
        }
    }
}
