import SitRoomCore

/// Incident, operational period, clock, officer and save state.
enum TopBar {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, row y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), role: .topBar)
        let incident = model.board.incident
        let zone = model.timeZone
        let save: (String, Role) = switch model.save {
        case .saved(let seq): (" ✔ saved #\(seq) ", .saved)
        case .notSaved: (" ✖ NOT SAVED ", .notSaved)
        case .readOnly(let seq): (" watching #\(seq) ", .muted)
        }
        let clock = (width >= 100 ? Format.clock(model.now, zone) : Format.shortClock(model.now, zone))
            + " " + Format.zoneName(zone, at: model.now)
        let period = "OP " + Format.time(incident.periodStart, zone) + "–" + Format.time(incident.periodEnd, zone)
        var right: [(String, Role)] = [(" " + clock + " ", .topBar), (" " + model.officer + " ", .topBar), save]
        if width >= 100 { right.insert((" " + period + " ", .topBar), at: 0) }
        var rightWidth = Segments.width(right)
        if rightWidth > width - 20 {
            right.remove(at: right.count - 2)  // the officer goes first when space is short
            rightWidth = Segments.width(right)
        }
        var left: [(String, Role)] = [(" SITROOM ", .title)]
        if incident.isDemo { left.append((" DEMO ", .demo)) }
        left.append((" " + incident.name, .topBar))
        Segments.draw(&buffer, left, x: 0, y: y, maxX: max(0, width - rightWidth - 1))
        Segments.draw(&buffer, right, x: width - rightWidth, y: y, maxX: width)
    }
}
