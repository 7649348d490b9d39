import SitRoomCore

/// `:where <condition> [region]` on the screen: the condition (its code) and the region asked for,
/// and the row under the cursor of the list.
public struct CapableList: Equatable, Sendable {
    public var condition: String
    public var region: String?
    public var selected = 0
    public var top = 0

    public init(condition: String, region: String?) {
        self.condition = condition
        self.region = region
    }
}

extension AppModel {
    /// The keys of the screens that are not panels: the `:where` list moves its own cursor and
    /// opens the hospital under it; a record's detail scrolls when it is longer than the screen.
    /// nil: the key does what it does everywhere.
    mutating func performOnCapabilityScreens(_ action: Action) -> [Effect]? {
        switch screen {
        case .capable(var list):
            let count = CapableListView.hospitals(self, list).count
            let visible = CapableListView.visibleRows(self)
            let step: Int
            switch action {
            case .moveUp, .previousMatch: step = -1
            case .moveDown, .nextMatch: step = 1
            case .pageUp: step = -visible
            case .pageDown: step = visible
            case .top: step = -Int.max / 2
            case .bottom: step = Int.max / 2
            case .openDetail:
                let hospitals = CapableListView.hospitals(self, list)
                guard !hospitals.isEmpty else { return [] }
                detailTop = 0
                screens.append(.detail(.hospital(hospitals[min(list.selected, hospitals.count - 1)].hospital.id)))
                return []
            default: return nil
            }
            guard count > 0 else { return [] }
            list.selected = max(0, min(count - 1, list.selected + step))
            list.top = Table.scrolled(top: list.top, selected: list.selected, visible: visible, count: count)
            screens[screens.count - 1] = .capable(list)
            return []
        case .detail(let ref):
            let step: Int
            let page = max(1, Dashboard.mainArea(width: width, height: height).height - 3)
            switch action {
            case .moveUp: step = -1
            case .moveDown: step = 1
            case .pageUp: step = -page
            case .pageDown: step = page
            case .top: step = -Int.max / 2
            case .bottom: step = Int.max / 2
            default: return nil
            }
            let lines = DetailView.content(self, ref).1.count
            detailTop = max(0, min(max(0, lines - page), detailTop + step))
            return []
        default:
            return nil
        }
    }

    /// `:where`: the list of ERs that can take `condition` now, over the screen it was asked from
    /// (Esc goes back there); a second `:where` replaces the first.
    mutating func showCapable(condition: String, region: String?) {
        if case .capable = screen { screens.removeLast() }
        screens.append(.capable(CapableList(condition: condition, region: region)))
    }

    /// ← → in the capability view: the column cursor, the matrix scrolled to keep it on screen.
    mutating func moveColumn(_ panel: PanelID, by delta: Int) {
        guard panel == .capability, screen == .full(.capability) else { return }
        let total = board.conditions.conditions.count
        guard total > 0 else { return }
        var c = cursor(.capability)
        c.column = max(0, min(total - 1, c.column + delta))
        let across = CapabilityView.across(width: width - 2, conditions: total, left: c.left)
        c.left = CapabilityView.scrolled(left: across.first, column: c.column, shown: across.shown, total: total)
        cursors[.capability] = c
    }

    /// `s` in the capability view: the ERs that can treat the selected condition first; again: the
    /// view's own order.
    mutating func sortBySelectedColumn(_ panel: PanelID) {
        guard panel == .capability, screen == .full(.capability) else { return }
        let conditions = board.conditions.conditions
        guard !conditions.isEmpty else { return }
        let index = min(cursor(.capability).column, conditions.count - 1)
        let column = CapabilityPanel.fixedColumns.count + index
        if sortColumns[.capability] == column {
            sortColumns[.capability] = nil
            say("sorted: by region and name", role: .muted)
        } else {
            sortColumns[.capability] = column
            say("sorted: \(conditions[index].short) (\(conditions[index].english)) — those that can treat it first", role: .muted)
        }
    }
}
