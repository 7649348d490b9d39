import Foundation
import SitRoomCore

/// The panels, numbered as their full-screen views are (keys 1-7).
public enum PanelID: Int, CaseIterable, Sendable {
    case strike = 1, coverage, contacts, log, actions, alerts, briefing
    case capability = 8
    case security = 9
    /// The officers' roster (key O): not numbered, 0 is the dashboard.
    case officers = 10

    public static let dashboard: [PanelID] = [.strike, .coverage, .contacts]

    public var title: String {
        switch self {
        case .strike: "Strike status"
        case .coverage: "ER/ICU coverage"
        case .contacts: "Inter-agency contacts"
        case .log: "Situation log"
        case .actions: "Action items"
        case .alerts: "Alerts"
        case .briefing: "Since the last briefing"
        case .capability: "Capability"
        case .security: "Hospital security"
        case .officers: "Officers"
        }
    }

    /// The key that shows the panel full screen, as its title shows it.
    public var key: String { self == .officers ? "O" : "\(rawValue)" }
}

/// What the record under the cursor is, for the detail view.
public enum RecordRef: Equatable, Sendable {
    case hospital(String), strike(String), contact(String), logEntry(String), action(String), alert(String)
    case securityIncident(String)
    case officer(String)
}

public enum Screen: Equatable, Sendable {
    case dashboard
    case full(PanelID)
    case detail(RecordRef)
    case help
    /// `:where <condition> [region]`: the ERs that can take a condition now.
    case capable(CapableList)
}

public enum SaveStatus: Equatable, Sendable {
    case saved(UInt64)
    case notSaved(String)
    case readOnly(UInt64)
}

public struct Cursor: Equatable, Sendable {
    public var selected = 0
    public var top = 0
    /// The record under the cursor, so that it stays selected when rows move.
    public var id: String?
    /// Views wider than the screen (capability): the column under the cursor, and the first shown.
    public var column = 0
    public var left = 0
}

/// Everything the screen shows, as plain values. `update` changes it; `Dashboard.render` draws it.
public struct AppModel: Sendable {
    public var board: Board { didSet { boardVersion = Version.next() } }
    /// A new number on every change to `board` (see `PanelCache`).
    public private(set) var boardVersion = Version.next()
    public var seq: UInt64
    public var now: Date
    public var timeZone: TimeZone
    public var officer: String
    /// Who this console's process is (OS user, SSH key): the roster's check in a form sees it.
    public var origin: Origin?
    /// Set for a console whose officer may not change anything (a watch role): what it says when tried.
    public var readOnlyReason: String?
    public var save: SaveStatus
    /// Officer names of the OTHER consoles writing to this data directory (this console left out;
    /// read-only `--watch` consoles and those of a watch role never register, so they are never counted), oldest first, as the
    /// run loop last listed them (about once a second). Empty, the top bar shows nothing for them.
    public var consoles: [String] = []
    /// A change log on a server: whether it can be reached (the banner and the top bar say so).
    public var server: ServerStatus = .local
    /// Showing the board as it was at this moment (`sitroom --at`): the clock stands still there.
    public var frozenAt: Date?
    /// The board just after the last briefing (from the history), what the briefing view compares
    /// with; nil before the first briefing or when the history no longer has it.
    public var briefingBaseline: Board? { didSet { baselineVersion = Version.next() } }
    public private(set) var baselineVersion = Version.next()
    /// Panel rows as last built, shared by copies of this model (their keys never collide).
    let panelCache = PanelCache()
    let capabilityCache = CapabilityCache()
    public var screens: [Screen] = [.dashboard]
    public var focus: PanelID = .coverage
    public var cursors: [PanelID: Cursor] = [:]
    /// A one-line message for the status line, and until when it shows.
    public var flash: (text: String, role: Role, until: Date)?
    /// Rows that another console changed, highlighted briefly.
    public var changedRows: [String: Date] = [:]
    public var themeName = "default"
    /// Terminal size, set by the run loop; `update` uses it for paging.
    public var width = 80
    public var height = 24
    /// The line being typed at the bottom, if any.
    public var prompt: Prompt?
    /// The form being filled in, if any.
    public var form: Form?
    /// Quick commands entered, oldest first, and where Up/Down is in them.
    public var history: [String] = []
    public var historyIndex: Int?
    public var undoStack: [UndoEntry] = []
    public var redoStack: [UndoEntry] = []
    public var lastUndone: UndoEntry?
    /// The change sent to the log and not yet answered.
    public var pending: PendingCommit?
    /// Per panel: the filter text, and the column it is sorted by (nil: the panel's own order).
    public var filters: [PanelID: String] = [:]
    public var sortColumns: [PanelID: Int] = [:]
    /// The first help line shown, when the help does not fit.
    public var helpTop = 0
    /// The first line of a record's detail shown, when it does not fit.
    public var detailTop = 0
    /// The last 24 hours of the national and per-hospital figures, for the sparklines (the run loop
    /// seeds them from the history and records every change).
    public var trends = BoardTrends()
    /// Sparklines in ASCII (`_.-=^`) instead of block characters, for terminals without them.
    public var asciiSparklines = false
    /// The alert rules ask for the bell when an alert is raised (`bell` in the rules).
    public var ringsOnRaisedAlerts: Bool { alertRules.bell }
    /// The data directory's alert rules (alerts.toml, or the defaults on a server).
    public var localAlertRules = AlertRules.defaults
    /// The rules in force: the board's once an admin set them (`rules.set`), else the local ones. The
    /// security view measures how overdue a step is by them.
    public var alertRules: AlertRules { board.effectiveAlertRules(localAlertRules) }
    /// When the alert rules last looked at every hospital (reports go stale, actions overdue, as
    /// time passes); a commit only looks at what it touched.
    public var alertsSyncedAt = Date.distantPast
    /// When the run loop last asked who else writes.
    public var consolesListedAt = Date.distantPast

    public init(board: Board, seq: UInt64, now: Date, timeZone: TimeZone = .current, officer: String, save: SaveStatus) {
        self.board = board
        self.seq = seq
        self.now = now
        self.timeZone = timeZone
        self.officer = officer
        self.save = save
    }

    public var screen: Screen { screens.last ?? .dashboard }

    public func cursor(_ panel: PanelID) -> Cursor { cursors[panel] ?? Cursor() }

    public mutating func say(_ text: String, role: Role = .normal, seconds: TimeInterval = 4) {
        flash = (text, role, now.addingTimeInterval(seconds))
    }
}
