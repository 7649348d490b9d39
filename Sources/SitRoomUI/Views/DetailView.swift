import SitRoomCore

/// A read-only view of one record: every field, and for figures their as-of time and reporter.
enum DetailView {
    typealias Line = [(String, Role)]

    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, _ ref: RecordRef, _ rect: Rect) {
        let (title, lines) = content(model, ref)
        let overflow = lines.count > rect.height - 2
        let inner = Box.draw(&buffer, rect, title: title, focused: true, badge: overflow ? "j/k scroll · Esc back" : "Esc back")
        let top = min(model.detailTop, max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            Segments.draw(&buffer, line, x: inner.x + 1, y: inner.y + i, maxX: inner.maxX - 1)
        }
    }

    static func content(_ model: AppModel, _ ref: RecordRef) -> (String, [Line]) {
        let board = model.board
        switch ref {
        case .hospital(let id):
            guard let h = board.hospitals[id] else { return ("Gone", [[("This hospital was removed.", .muted)]]) }
            return (h.name, hospital(h, model))
        case .contact(let id):
            guard let c = board.contacts[id] else { return ("Gone", [[("This contact was removed.", .muted)]]) }
            let agency = board.agencies[c.agencyId]?.name ?? c.agencyId
            var lines: [Line] = [
                field("Agency", agency), field("Person", c.person), field("Role", c.role), field("Phone", c.phone),
                field("Mobile", c.mobile), field("E-mail", c.email), field("Shift", c.shift),
                field("Escalation", "\(c.escalation)"),
                field("Last verified", c.lastVerified.map { Format.dateTime($0, model.timeZone) } ?? "—"),
                field("Last reached", c.lastReached.map { Format.dateTime($0, model.timeZone) + "  (" + Format.ago($0, now: model.now) + ")" } ?? "—"),
                [], [("Call log of \(agency), newest first", .header)],
            ]
            for call in board.calls.reversed() where call.agencyId == c.agencyId {
                let person = call.contactId.flatMap { board.contacts[$0]?.person } ?? "(agency)"
                lines.append([(Format.dateTime(call.at, model.timeZone) + "  ", .muted), (person + "  ", call.contactId == id ? .title : .normal),
                              (call.outcome.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0), call.outcome == .reached ? .good : .warning),
                              (call.note + "  ", .normal), (call.by, .muted)])
            }
            return (c.person + " — " + agency, lines)
        case .strike(let id):
            guard let s = board.strikes[id] else { return ("Gone", []) }
            return (s.organisation, [
                field("Form", s.form.rawValue), field("Start", Format.dateTime(s.start, model.timeZone)),
                field("End", s.end.map { Format.dateTime($0, model.timeZone) } ?? "—"), field("Scope", s.scope),
                field("Participants", s.participants.map { Format.grouped($0.value) + "  as of " + Format.dateTime($0.at, model.timeZone) + " by " + $0.by } ?? "—"),
                field("Notes", s.notes),
            ])
        case .logEntry(let id):
            guard let e = board.log.last(where: { $0.id == id }) else { return ("Gone", []) }
            return ("Log entry " + e.id, [
                field("Happened", Format.dateTime(e.eventTime, model.timeZone)),
                field("Entered", Format.dateTime(e.entered.at, model.timeZone) + " by " + e.entered.by),
                field("Severity", e.severity.rawValue), field("Category", e.category),
                field("Hospital", e.hospitalId.map { board.hospitals[$0]?.name ?? $0 } ?? "—"),
                field("Agency", e.agencyId.map { board.agencies[$0]?.name ?? $0 } ?? "—"),
                [], [(e.text, .normal)],
            ])
        case .action(let id):
            guard let a = board.actions[id] else { return ("Gone", []) }
            var lines: [Line] = [
                field("Action", a.text), field("Owner", board.agencies[a.ownerAgencyId]?.name ?? a.ownerAgencyId),
                field("Due", a.due.map { Format.dateTime($0, model.timeZone) } ?? "—"),
                field("Status", a.isOverdue(at: model.now) ? "OVERDUE" : a.status.rawValue), [], [("History", .header)],
            ]
            for h in a.history {
                lines.append([(Format.dateTime(h.at, model.timeZone) + "  ", .muted), (h.value.rawValue + "  ", .normal), (h.by, .muted)])
            }
            return ("Action " + a.id, lines)
        case .alert(let id):
            guard let a = AlertsPanel.alert(row: id, in: board) else { return ("Gone", [[("This alert has cleared.", .muted)]]) }
            let zone = model.timeZone
            var lines: [Line] = [
                field("Alert", a.text), field("Rule", a.rule.label), field("Severity", a.severity.rawValue),
                field("Raised", Format.dateTime(a.raised.at, zone) + " by " + a.raised.by),
                field("Acknowledged", a.acknowledged.map { Format.dateTime($0.at, zone) + " by " + $0.by } ?? "not yet: A acknowledges"),
                field("Note", a.note),
                field("Cleared", a.cleared.map { Format.dateTime($0.at, zone) + " by " + $0.by } ?? "still active"),
            ]
            if let h = board.hospitals[a.subject] {
                lines += [[], [(h.name, .header)]] + hospital(h, model)
            } else if let item = board.actions[a.subject] {
                lines += [[], [("Action item", .header)], field("Action", item.text),
                          field("Owner", board.agencies[item.ownerAgencyId]?.name ?? item.ownerAgencyId),
                          field("Due", item.due.map { Format.dateTime($0, zone) } ?? "—")]
            } else if let incident = board.securityIncidents[a.subject] {
                lines += [[], [("Security incident \(incident.id)", .header)]] + securityIncident(incident, model).1
            }
            return ("Alert: " + a.rule.label, lines)
        case .securityIncident(let id):
            guard let i = board.securityIncidents[id] else { return ("Gone", [[("This incident was removed.", .muted)]]) }
            return securityIncident(i, model)
        case .officer(let id):
            guard let o = board.roster[id] else { return ("Gone", [[("No officer \(id) on the roster.", .muted)]]) }
            return officer(o, model)
        }
    }

    static func field(_ label: String, _ value: String) -> Line {
        [(label.padding(toLength: 16, withPad: " ", startingAt: 0), .header), (value.isEmpty ? "—" : value, .normal)]
    }

    static func hospital(_ h: Hospital, _ model: AppModel) -> [Line] {
        let now = model.now
        let inlineTrend = inlineTrendWidth(model)
        var header: Line = [("Figure".padding(toLength: 20, withPad: " ", startingAt: 0), .header),
                            ("Value".padding(toLength: 14, withPad: " ", startingAt: 0), .header), ("As of        Age    By", .header)]
        if let width = inlineTrend { header += pad(header) + [("Last 24 hours", .header), ("  " + cellTime(width), .muted)] }
        var lines: [Line] = [
            [(h.romanizedName, .muted), ("   " + h.id, .muted)],
            field("Class", "\(h.hospitalClass.label) (\(h.hospitalClass.rawValue))"),
            field("Region", h.region), field("Address", h.address),
            field("Switchboard", h.switchboard), field("ER phone", h.erPhone),
            field("Report every", "\(h.updateIntervalMinutes) min"),
        ]
        if let origin = model.board.figureOrigins[h.id] { lines.append(field("Last change", lastChange(origin, model))) }
        lines += [[], header]
        func figure<T>(_ label: String, _ r: Reported<T>?, _ text: (T) -> String, _ role: (T) -> Role = { _ in .normal },
                       trend: BoardTrends.PerHospital? = nil) {
            var line: Line
            if let r {
                let stale = h.isStale(r.stamp, at: now)
                line = [
                    (label.padding(toLength: 20, withPad: " ", startingAt: 0), .normal),
                    (TextWidth.column(text(r.value), 14), role(r.value)),
                    (Format.dateTime(r.at, model.timeZone) + "  ", stale ? .stale : .muted),
                    // Padded so that By lines up under its header whatever the age's length.
                    (TextWidth.column((stale ? "!" : "") + Format.age(of: r.at, now: now), 6), stale ? .stale : .muted),
                    (" " + r.by, .muted),
                ]
            } else {
                line = [(label.padding(toLength: 20, withPad: " ", startingAt: 0), .normal), ("—", .muted)]
            }
            if let trend, let width = inlineTrend { line += pad(line) + trendLine(h.id, trend, width, model) }
            lines.append(line)
        }
        figure("ER status", h.erStatus, { $0.state.label }, { $0.state.role })
        // The reason on its own line: the value column is too narrow for it, and it is the point.
        if let reason = h.erStatus?.value.reason, !reason.isEmpty {
            let role = h.erStatus?.value.state.role ?? .normal
            for (i, part) in HelpView.wrap("— " + reason, max(20, model.width - 4 - 22)).enumerated() {
                lines.append([(String(repeating: " ", count: i == 0 ? 20 : 22) + part, role)])
            }
        }
        figure("ER beds", h.erBeds, { Format.of($0) }, trend: .erBedsAvailable)
        figure("Adult ICU", h.icuBeds, { Format.of($0) }, { $0.available == 0 && $0.staffed > 0 ? .alert : .normal }, trend: .icuAvailable)
        figure("Neonatal ICU", h.nicuBeds, { Format.of($0) })
        figure("Paediatric ICU", h.picuBeds, { Format.of($0) })
        figure("ER doctors", h.erDoctors, { Format.of($0) }, { $0.isShort ? .warning : .normal }, trend: .erDoctorsOnDuty)
        figure("ICU doctors", h.icuDoctors, { Format.of($0) }, { $0.isShort ? .warning : .normal })
        if inlineTrend == nil { lines += trendBlock(h.id, model) }
        figure("Trainees on roll", h.traineesOnRoll, { Format.grouped($0) })
        figure("Trainees absent", h.traineesAbsent, { Format.grouped($0) })
        figure("Resignations", h.resignations, { Format.grouped($0) })
        figure("Returned", h.traineesReturned, { Format.grouped($0) })
        figure("Orders issued", h.ordersIssued, { Format.grouped($0) })
        figure("Orders served", h.ordersServed, { Format.grouped($0) })
        figure("Orders complied", h.ordersComplied, { Format.grouped($0) })
        figure("Police post", h.policePost, { $0 ? "yes" : "no" })
        figure("Open incidents", h.openIncidents, { String($0) }, { $0 > 0 ? .warning : .normal })
        // Security before capability: a hospital's few incidents would be lost below 27 conditions.
        lines += [[], [("Hospital security", .header)]] + hospitalSecurity(h, model)
        return lines + CapabilityDetail.lines(h, model)
    }

    /// Who made the last change to the hospital's figures, from which OS user and SSH key: the
    /// identity the store recorded, beside the officer it claimed. The key is cut on narrow screens.
    static func lastChange(_ o: FigureOrigin, _ model: AppModel) -> String {
        let head = "\(o.stamp.by)  \(Format.dateTime(o.stamp.at, model.timeZone))  from OS user \(o.origin.osUser)"
        guard let key = o.origin.key else { return head }
        let room = model.width - 4 - 16 - TextWidth.of(head) - 6
        return head + ", key " + (key.count <= room ? key : String(key.prefix(max(14, room - 1))) + "…")
    }

    // MARK: The last 24 hours

    /// The column of the figure table where the sparklines of the last 24 hours start, on screens
    /// wide enough for them there (after the reporter's name).
    static let trendColumn = 70
    /// Room for the low and high after a sparkline: "  low 1234  high 1234".
    static let rangeWidth = 22

    /// How wide the sparklines are in the figure table; nil when the screen is too narrow for a
    /// useful one there (they then get lines of their own, see `trendBlock`). The detail's text runs
    /// from 2 cells in from either edge.
    static func inlineTrendWidth(_ model: AppModel) -> Int? {
        let room = model.width - 4 - trendColumn - rangeWidth
        return [48, 24, 12].first { $0 <= room }
    }

    /// Blanks up to the trend column (at least two).
    static func pad(_ line: Line) -> Line {
        [(String(repeating: " ", count: max(2, trendColumn - Segments.width(line))), .normal)]
    }

    static func cellTime(_ width: Int) -> String {
        width == 48 ? "30 min a cell" : "\(24 / width) h a cell"
    }

    /// One figure's sparkline, scaled to its low and high of the last 24 hours, and those.
    static func trendLine(_ id: String, _ figure: BoardTrends.PerHospital, _ width: Int, _ model: AppModel) -> Line {
        let series = model.trends.series(figure, of: id)
        let range = series.range(endingAt: model.now)
        let spark = Sparkline.render(series.buckets(width, endingAt: model.now), width: width,
                                     style: model.asciiSparklines ? .ascii : .blocks, range: range)
        guard let range else { return [(spark, .normal), ("  —", .muted)] }
        return [(spark, .normal), ("  low ", .muted), (Format.grouped(range.lowerBound), .normal), ("  high ", .muted), (Format.grouped(range.upperBound), .normal)]
    }

    /// On narrower screens: the sparklines on lines of their own, after the ER/ICU figures.
    static func trendBlock(_ id: String, _ model: AppModel) -> [Line] {
        let room = model.width - 4 - 20 - rangeWidth
        guard let width = [48, 24, 12, 8, 6].first(where: { $0 <= room }) else { return [] }
        var lines: [Line] = [[], [("Last 24 hours".padding(toLength: 20, withPad: " ", startingAt: 0), .header), (cellTime(width), .muted)]]
        let figures: [(String, BoardTrends.PerHospital)] = [
            ("ER beds available", .erBedsAvailable), ("Adult ICU available", .icuAvailable), ("ER doctors on duty", .erDoctorsOnDuty),
        ]
        for (label, figure) in figures {
            lines.append([(label.padding(toLength: 20, withPad: " ", startingAt: 0), .normal)] + trendLine(id, figure, width, model))
        }
        return lines + [[]]
    }
}
