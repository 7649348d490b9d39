import SitRoomCore

/// Incident, operational period, clock, the other consoles open on this data directory, officer and save state.
enum TopBar {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, row y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), role: .topBar)
        let incident = model.board.incident
        let zone = model.timeZone
        let save: (String, Role) = switch model.save {
        case _ where model.server.isDisconnected: (" ✖ DISCONNECTED ", .notSaved)
        case _ where model.server.isAlarming: (" ✖ WRITING STOPPED ", .notSaved)
        case .saved(let seq): (" ✔ saved #\(seq) ", .saved)
        case .notSaved: (" ✖ NOT SAVED ", .notSaved)
        case .readOnly(let seq) where model.frozenAt != nil: (" AS AT #\(seq) · read-only ", .warning)
        case .readOnly(let seq): (" watching #\(seq) ", .muted)
        }
        let clock = (width >= 100 ? Format.clock(model.now, zone) : Format.shortClock(model.now, zone))
            + " " + Format.zoneName(zone, at: model.now)
        let period = "OP " + Format.time(incident.periodStart, zone) + "–" + Format.time(incident.periodEnd, zone)
        let periodSegment: [(String, Role)] = width >= 100 ? [(" " + period + " ", .topBar)] : []
        var head: [(String, Role)] = periodSegment + [(" " + clock + " ", .topBar)]
        let officer: (String, Role) = (" " + model.officerLabel + " ", .topBar)
        let alerts = alertsSegment(total: model.board.alerts.count, new: model.unacknowledgedAlerts, wide: width >= 100)
        var left: [(String, Role)] = [(" SITROOM ", .title)]
        if incident.isDemo { left.append((" DEMO ", .demo)) }
        left.append((" " + incident.name, .topBar))
        // The other consoles' names only where the incident name still fits whole; otherwise their
        // count. When space is short this officer goes first, then the count.
        var consoles = consolesSegment(model.consoles, names: true)
        var right = alerts + head + consoles + [officer, save]
        if Segments.width(right) + 1 + Segments.width(left) > width {
            consoles = consolesSegment(model.consoles, names: false)
            right = alerts + head + consoles + [officer, save]
        }
        // Narrow: the incident's name keeps about 30 cells; this officer's role goes first, then
        // the officer, then the operational period, then the other consoles; the alerts stay longest.
        if Segments.width(right) > width - 32 { right = alerts + head + consoles + [(" " + model.officer + " ", .topBar), save] }
        if Segments.width(right) > width - 32 { right = alerts + head + consoles + [save] }
        if Segments.width(right) > width - 32, !periodSegment.isEmpty {
            head.removeFirst()
            right = alerts + head + consoles + [save]
        }
        if Segments.width(right) > width - 32 { right = alerts + head + [save] }
        // Narrower still: the clock without its date and seconds before the alerts go (at 60
        // columns the alert count had gone while the date stayed).
        if Segments.width(right) > width - 24 {
            let minute = Format.time(model.now, zone) + " " + Format.zoneName(zone, at: model.now)
            right = alerts + [(" " + minute + " ", .topBar)] + [save]
        }
        if Segments.width(right) > width - 20 { right = head + [save] }
        let rightWidth = Segments.width(right)
        Segments.draw(&buffer, left, x: 0, y: y, maxX: max(0, width - rightWidth - 1))
        Segments.draw(&buffer, right, x: width - rightWidth, y: y, maxX: width)
    }

    /// Active alerts and how many nobody has acknowledged: "▲ 42 alerts · 35 new" (narrow: "▲42·35 new").
    static func alertsSegment(total: Int, new: Int, wide: Bool) -> [(String, Role)] {
        guard total > 0 else { return [] }
        let text = wide
            ? " ▲ \(total) alert\(total == 1 ? "" : "s")" + (new > 0 ? " · \(new) new " : " ")
            : " ▲\(total)" + (new > 0 ? "·\(new) new " : " ")
        return [(text, new > 0 ? .alert : .topBar)]
    }

    /// The other consoles open on this data directory: nothing when there are none; "+2 consoles",
    /// or with `names` "+2 consoles: lee park" (one officer with several consoles: "kim×2").
    static func consolesSegment(_ others: [String], names: Bool) -> [(String, Role)] {
        guard !others.isEmpty else { return [] }
        let count = "+\(others.count) console" + (others.count == 1 ? "" : "s")
        guard names else { return [(" " + count + " ", .topBar)] }
        var order: [String] = []
        var seen: [String: Int] = [:]
        for name in others {
            if seen[name] == nil { order.append(name) }
            seen[name, default: 0] += 1
        }
        let list = order.map { seen[$0]! > 1 ? "\($0)×\(seen[$0]!)" : $0 }.joined(separator: " ")
        return [(" " + count + ": " + list + " ", .topBar)]
    }
}
