import SitRoomCore

/// National figures in two lines; shorter words on narrow screens. Beside the main figures, a
/// sparkline of their last 24 hours, all on one time scale, as wide as the lines have room for
/// (see `sparkWidths`).
enum SummaryStrip {
    /// A piece of a strip line: text, or the sparkline of a national figure.
    enum Piece {
        case text(String, Role)
        case spark(BoardTrends.National)
    }

    /// A sparkline is drawn at most this wide (an hour a cell).
    static let maxSpark = 24

    /// The narrowest a sparkline is worth drawing: six hours a cell for the figures beside it; "ERs
    /// not open" is an extra, only drawn with three hours a cell or better (and never at the cost
    /// of the others' width below that).
    static func minSpark(_ figure: BoardTrends.National) -> Int {
        figure == .ersNotOpen ? 8 : 4
    }

    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, rows y: Int) {
        let s = model.summary
        let alerts = model.board.alerts.count
        let wide = buffer.width >= 110
        let sep: Piece = .text(wide ? "  │ " : " │ ", .border)
        let stateWords: [ERState: String] = wide
            ? [.open: "open", .limited: "limited", .diverting: "diverting", .closed: "closed"]
            : [.open: "open", .limited: "ltd", .diverting: "div", .closed: "closed"]
        var line1: [Piece] = [.text("ERs ", .header)]
        for state in ERState.allCases {
            line1.append(.text("\(stateWords[state]!) ", .muted))
            line1.append(.text("\(s.count(state))", s.count(state) > 0 ? state.role : .muted))
            line1.append(.text(" ", .normal))
        }
        line1 += [.spark(.ersNotOpen),
                  sep, .text(wide ? "ER beds " : "ER ", .header), .text(Format.compact(s.erBeds), .normal), .spark(.erBedsAvailable),
                  sep, .text("ICU ", .header), .text(Format.compact(s.icuBeds), s.icuBeds.available == 0 ? .alert : .normal),
                  .spark(.icuAvailable)]
        if wide {
            line1 += [.text("  NICU ", .muted), .text(Format.compact(s.nicuBeds), .normal),
                      .text("  PICU ", .muted), .text(Format.compact(s.picuBeds), .normal)]
        }
        let share = s.absentShare ?? 0
        // Narrow, the ER doctors against normal (where there is a baseline) take the place of the returned.
        let returned: [Piece] = !wide && model.nowAgainstNormal.doctorsNormal != nil ? [] : [
            .text(wide ? "  returned " : " ret ", .muted), .text(Format.grouped(s.traineesReturned), s.traineesReturned > 0 ? .good : .normal),
        ]
        var line2: [Piece] = [
            .text(wide ? "Trainees absent " : "Absent ", .header),
            .text("\(Format.grouped(s.traineesAbsent))/\(Format.grouped(s.traineesOnRoll)) \(Format.percent(s.absentShare))",
                  share >= 0.5 ? .alert : .normal),
            .spark(.traineesAbsent),
        ] + returned + [
            sep, .text("Orders ", .header),
            .text(wide ? "\(Format.grouped(s.ordersIssued)) issued · \(Format.grouped(s.ordersComplied)) complied"
                       : "\(Format.grouped(s.ordersComplied))/\(Format.grouped(s.ordersIssued)) ok", .normal),
            sep, .text("Alerts ", .header), .text("\(alerts)", alerts > 0 ? .alert : .good),
            .text(" stale ", .muted), .text("\(s.stale)", s.stale > 0 ? .stale : .muted),
        ]
        let room = buffer.width - 1
        // Open security incidents first: they ask for action, the figures against normal do not.
        placeSecurity(&line1, &line2, model, room: room, sep: sep)
        (line1, line2) = againstNormal(model.nowAgainstNormal, wide: wide, line1: line1, line2: line2, room: room)
        var widths = sparkWidths(line1, room: room, priority: [.erBedsAvailable, .icuAvailable, .ersNotOpen])
            .merging(sparkWidths(line2, room: room, priority: [.traineesAbsent])) { a, _ in a }
        // One time scale for the whole strip: every spark as wide as the narrowest.
        if let narrowest = widths.values.min() {
            widths = widths.filter { minSpark($0.key) <= narrowest }.mapValues { _ in narrowest }
        }
        Segments.draw(&buffer, segments(line1, widths, model), x: 1, y: y, maxX: buffer.width)
        Segments.draw(&buffer, segments(line2, widths, model), x: 1, y: y + 1, maxX: buffer.width)
    }

    /// How wide the sparklines of a line are: the room the text leaves, shared equally, rounded
    /// down to 4, 6, 8, 12 or 24 cells (so that a cell is a whole number of hours). The sparks are
    /// taken in order of priority while each still gets the `minSpark` of every one taken; those
    /// left out are not drawn. Depends only on the text, so nothing moves when the history arrives.
    static func sparkWidths(_ line: [Piece], room: Int, priority: [BoardTrends.National]) -> [BoardTrends.National: Int] {
        let text = textWidth(line)
        var chosen: [BoardTrends.National: Int] = [:]
        for k in priority.indices {
            let figures = priority.prefix(k + 1)
            let fixed = figures.reduce(0) { $0 + TextWidth.of(prefix($1)) }
            let each = (room - text - fixed) / figures.count
            guard let width = [24, 12, 8, 6, 4].first(where: { $0 <= min(each, maxSpark) }),
                  figures.allSatisfy({ width >= minSpark($0) }) else { break }
            chosen = Dictionary(uniqueKeysWithValues: figures.map { ($0, width) })
        }
        return chosen
    }

    /// The cells a line's text takes (its sparklines not counted).
    static func textWidth(_ line: [Piece]) -> Int {
        line.reduce(0) { total, piece in
            if case .text(let t, _) = piece { return total + TextWidth.of(t) }
            return total
        }
    }

    /// What goes before a sparkline: a blank, and words where its place alone would not say what
    /// it is ("ERs not open" follows the count of each state, which already ends in a blank).
    static func prefix(_ figure: BoardTrends.National) -> String {
        figure == .ersNotOpen ? "· not open " : " "
    }

    static func segments(_ line: [Piece], _ widths: [BoardTrends.National: Int], _ model: AppModel) -> [(String, Role)] {
        line.flatMap { piece -> [(String, Role)] in
            switch piece {
            case .text(let t, let role):
                return [(t, role)]
            case .spark(let figure):
                guard let width = widths[figure] else { return [] }
                let values = model.trends.series(figure).buckets(width, endingAt: model.now)
                let spark = Sparkline.render(values, width: width, style: model.asciiSparklines ? .ascii : .blocks)
                return [(prefix(figure), .muted), (spark, .muted)]
            }
        }
    }
}
