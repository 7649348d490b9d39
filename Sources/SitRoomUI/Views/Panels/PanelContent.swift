import SitRoomCore

/// What a panel shows: lines above its table (e.g. the strike actions) and the table itself.
public struct PanelContent: Sendable {
    public var preface: [[(String, Role)]] = []
    public var columns: [Column]
    public var rows: [TableRow]
    /// What Enter opens for a row id.
    public var record: @Sendable (String) -> RecordRef
}

extension PanelID {
    public func content(_ model: AppModel) -> PanelContent {
        switch self {
        case .strike: StrikePanel.content(model)
        case .coverage: CoveragePanel.content(model)
        case .contacts: ContactsPanel.content(model)
        case .log: LogPanel.content(model)
        case .actions: ActionsPanel.content(model)
        }
    }
}
