import SitRoomCore

/// National figures in two lines; shorter words on narrow screens.
enum SummaryStrip {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, rows y: Int) {
        let s = model.board.summary(at: model.now)
        let alerts = model.board.alerts.count
        let wide = buffer.width >= 110
        let sep: (String, Role) = (wide ? "  │ " : " │ ", .border)
        let stateWords: [ERState: String] = wide
            ? [.open: "open", .limited: "limited", .diverting: "diverting", .closed: "closed"]
            : [.open: "open", .limited: "ltd", .diverting: "div", .closed: "closed"]
        var line1: [(String, Role)] = [("ERs ", .header)]
        for state in ERState.allCases {
            line1.append(("\(stateWords[state]!) ", .muted))
            line1.append(("\(s.count(state))", s.count(state) > 0 ? state.role : .muted))
            line1.append((" ", .normal))
        }
        line1 += [sep, (wide ? "ER beds " : "ER ", .header), (Format.of(s.erBeds), .normal),
                  sep, ("ICU ", .header), (Format.of(s.icuBeds), s.icuBeds.available == 0 ? .alert : .normal)]
        if wide {
            line1 += [("  NICU ", .muted), (Format.of(s.nicuBeds), .normal), ("  PICU ", .muted), (Format.of(s.picuBeds), .normal)]
        }
        let share = s.absentShare ?? 0
        let line2: [(String, Role)] = [
            (wide ? "Trainees absent " : "Absent ", .header),
            ("\(Format.grouped(s.traineesAbsent))/\(Format.grouped(s.traineesOnRoll)) \(Format.percent(s.absentShare))",
             share >= 0.5 ? .alert : .normal),
            (wide ? "  returned " : " ret ", .muted), (Format.grouped(s.traineesReturned), s.traineesReturned > 0 ? .good : .normal),
            sep, ("Orders ", .header),
            (wide ? "\(Format.grouped(s.ordersIssued)) issued · \(Format.grouped(s.ordersComplied)) complied"
                  : "\(Format.grouped(s.ordersComplied))/\(Format.grouped(s.ordersIssued)) ok", .normal),
            sep, ("Alerts ", .header), ("\(alerts)", alerts > 0 ? .alert : .good),
            (" stale ", .muted), ("\(s.stale)", s.stale > 0 ? .stale : .muted),
        ]
        Segments.draw(&buffer, line1, x: 1, y: y, maxX: buffer.width)
        Segments.draw(&buffer, line2, x: 1, y: y + 1, maxX: buffer.width)
    }
}
