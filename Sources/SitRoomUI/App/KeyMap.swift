/// Everything a key can do.
public enum Action: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextPanel, previousPanel
    case strikeView, coverageView, contactsView, logView, actionsView, alertsView, briefingView, dashboard
    case openDetail, back, help, redraw, suspend, quit
    case command, filter, nextMatch, previousMatch, sort, undo, redo
    case edit, add, delete, call, editAgency, acknowledge, markBriefing
    case capabilityView, nextColumn, previousColumn, sortByColumn
    case securityView
    case officersView
}

public struct Binding: Sendable {
    public var keys: [Key]
    public var label: String
    public var action: Action
    public var help: String
    /// Shown in the bottom line of the dashboard.
    public var hint: String?
    /// Only in these panels (nil: everywhere). A key bound here wins over its everywhere binding.
    public var panels: [PanelID]?

    public init(keys: [Key], label: String, action: Action, help: String, hint: String?, panels: [PanelID]? = nil) {
        self.keys = keys
        self.label = label
        self.action = action
        self.help = help
        self.hint = hint
        self.panels = panels
    }
}

/// The one key table: the app dispatches from it and `?` help is generated from it.
public enum KeyMap {
    public static let bindings: [Binding] = [
        Binding(keys: [.up, .char("k")], label: "↑ k", action: .moveUp, help: "move up", hint: nil),
        Binding(keys: [.down, .char("j")], label: "↓ j", action: .moveDown, help: "move down", hint: "↑↓ move"),
        Binding(keys: [.pageUp, .ctrl("b")], label: "PgUp ^B", action: .pageUp, help: "page up", hint: nil),
        Binding(keys: [.pageDown, .ctrl("f")], label: "PgDn ^F", action: .pageDown, help: "page down", hint: nil),
        Binding(keys: [.home, .char("g")], label: "Home g", action: .top, help: "first row", hint: nil),
        Binding(keys: [.end, .char("G")], label: "End G", action: .bottom, help: "last row", hint: nil),
        Binding(keys: [.tab, .right, .char("l")], label: "Tab → l", action: .nextPanel, help: "next panel", hint: "Tab panel"),
        Binding(keys: [.backTab, .left, .char("h")], label: "S-Tab ← h", action: .previousPanel, help: "previous panel", hint: nil),
        Binding(keys: [.char("1")], label: "1", action: .strikeView, help: "strike status, full screen", hint: nil),
        Binding(keys: [.char("2")], label: "2", action: .coverageView, help: "ER/ICU coverage, full screen", hint: nil),
        Binding(keys: [.char("3")], label: "3", action: .contactsView, help: "inter-agency contacts, full screen", hint: nil),
        Binding(keys: [.char("4")], label: "4", action: .logView, help: "situation log, full screen", hint: nil),
        Binding(keys: [.char("5")], label: "5", action: .actionsView, help: "action items, full screen", hint: nil),
        Binding(keys: [.char("6")], label: "6", action: .alertsView, help: "alerts: active ones, then those cleared in the last 24 h", hint: nil),
        Binding(keys: [.char("7")], label: "7", action: .briefingView, help: "what changed since the last briefing (B marks one)", hint: nil),
        Binding(keys: [.char("8")], label: "8", action: .capabilityView, help: "capability: which ER can treat which severe condition (:where lists those that can)", hint: nil),
        Binding(keys: [.right, .char("l")], label: "→ l", action: .nextColumn, help: "in the capability view: the next condition (scrolls sideways)",
                hint: nil, panels: [.capability]),
        Binding(keys: [.left, .char("h")], label: "← h", action: .previousColumn, help: "in the capability view: the previous condition",
                hint: nil, panels: [.capability]),
        Binding(keys: [.char("s")], label: "s", action: .sortByColumn, help: "in the capability view: ERs able to treat the selected condition first (again: back)",
                hint: nil, panels: [.capability]),
        Binding(keys: [.char("9")], label: "9", action: .securityView, help: "hospital security incidents: open ones (most overdue first), then those closed in the last 24 h", hint: nil),
        Binding(keys: [.char("O")], label: "O", action: .officersView,
                help: "the officers' roster: who may do what (every officer may look; an admin changes it with :officer)", hint: nil),
        Binding(keys: [.char("0")], label: "0", action: .dashboard, help: "back to the dashboard", hint: nil),
        Binding(keys: [.enter], label: "Enter", action: .openDetail, help: "open the selected record", hint: nil),
        Binding(keys: [.char(":")], label: ":", action: .command, help: "quick command line (er, strike, log, act, call...)", hint: ": command"),
        Binding(keys: [.char("/")], label: "/", action: .filter, help: "filter this panel as you type", hint: "/ filter"),
        Binding(keys: [.char("n")], label: "n", action: .nextMatch, help: "next row (of the filtered ones)", hint: nil),
        Binding(keys: [.char("N")], label: "N", action: .previousMatch, help: "previous row", hint: nil),
        Binding(keys: [.char("s")], label: "s", action: .sort, help: "sort by the next column (again: back to the panel's order)", hint: nil),
        Binding(keys: [.char("e")], label: "e", action: .edit, help: "edit the selected record in a form (ER status, strike figures or action, action item, contact)", hint: nil),
        Binding(keys: [.char("a")], label: "a", action: .add, help: "add a record to this panel in a form (strike action, log entry, action item, contact)", hint: nil),
        Binding(keys: [.char("d")], label: "d", action: .delete, help: "delete the selected record (asks first; a hospital wants its id typed; u brings it back)", hint: nil),
        Binding(keys: [.char("A")], label: "A", action: .acknowledge, help: "in the alerts view: acknowledge the selected alert, with an optional note",
                hint: nil, panels: [.alerts]),
        Binding(keys: [.char("A")], label: "A", action: .editAgency, help: "edit the selected contact's agency in a form", hint: nil),
        Binding(keys: [.char("B")], label: "B", action: .markBriefing, help: "mark a briefing (\"09:00 briefing\"): what changed is counted from here", hint: nil),
        Binding(keys: [.char("c")], label: "c", action: .call, help: "log a call to the selected contact (on a security incident: its hospital's police contact)", hint: nil),
        Binding(keys: [.char("u")], label: "u", action: .undo, help: "undo this console's last change (a new change in the journal)", hint: "u undo"),
        Binding(keys: [.ctrl("r")], label: "^R", action: .redo, help: "redo", hint: nil),
        Binding(keys: [.escape, .backspace], label: "Esc", action: .back, help: "back", hint: nil),
        Binding(keys: [.char("?"), .function(1)], label: "? F1", action: .help, help: "this help", hint: "? help"),
        Binding(keys: [.ctrl("l")], label: "^L", action: .redraw, help: "redraw the screen", hint: nil),
        Binding(keys: [.ctrl("z")], label: "^Z", action: .suspend, help: "suspend to the shell (fg brings it back; also in a form)", hint: nil),
        Binding(keys: [.char("q"), .ctrl("c")], label: "q ^C", action: .quit, help: "quit", hint: "q quit"),
    ]

    private static let table: [Key: [Binding]] = {
        var t: [Key: [Binding]] = [:]
        for b in bindings { for k in b.keys { t[k, default: []].append(b) } }
        return t
    }()

    /// What `key` does in `panel`: its binding for that panel if it has one, else its everywhere one.
    public static func action(for key: Key, in panel: PanelID? = nil) -> Action? {
        guard let candidates = table[key] else { return nil }
        if let panel, let b = candidates.first(where: { $0.panels?.contains(panel) ?? false }) { return b.action }
        return candidates.first { $0.panels == nil }?.action
    }
}
