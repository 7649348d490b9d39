/// Semantic colour elements: code names what a cell means, the theme says how it looks.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case normal
    case muted
    case header
    case border
    case title
    case selected
    case topBar = "topbar"
    case statusBar = "statusbar"
    case key
    case erOpen = "er.open"
    case erLimited = "er.limited"
    case erDiverting = "er.diverting"
    case erClosed = "er.closed"
    case stale
    case alert
    case warning
    case good
    case saved
    case notSaved = "not-saved"
    case demo
    case changed
    case input
    case error
}
