import SitRoomCore

extension SummaryStrip {
    /// The security count goes at the end of the second line (in words when there is room), or of
    /// the first when only that one has room for it (80 columns). It takes the sparklines' room
    /// before anything else.
    static func placeSecurity(_ line1: inout [Piece], _ line2: inout [Piece], _ model: AppModel, room: Int, sep: Piece) {
        let long = securityPieces(model, long: true, sep: sep)
        guard !long.isEmpty else { return }
        let short = securityPieces(model, long: false, sep: sep)
        if textWidth(line2 + long) <= room {
            line2 += long
        } else if textWidth(line2 + short) > room, textWidth(line1 + short) <= room {
            line1 += short
        } else {
            line2 += short
        }
    }

    /// `Security 2 open ⧗1` (one waiting for the police; `Sec 2⧗1` when not `long`), only while
    /// incidents are open.
    static func securityPieces(_ model: AppModel, long: Bool, sep: Piece) -> [Piece] {
        let open = model.board.securityIncidents.values.filter(\.isOpen)
        guard !open.isEmpty else { return [] }
        let waiting = open.count(where: \.isWaitingForPolice)
        let late = open.contains { $0.urgency(at: model.now, rules: model.alertRules) == .late }
        return [sep, .text(long ? "Security " : "Sec ", .header), .text("\(open.count)", late ? .alert : .warning),
                .text(long ? " open ⧗" : "⧗", .muted), .text("\(waiting)", waiting > 0 ? .warning : .muted)]
    }
}

extension CoveragePanel {
    /// Before a hospital's name (so that a long name never cuts it off): `⚑` and the number of its
    /// open security incidents when more than one, `!` when its level is high or lockdown (`⚑2! `);
    /// by hospital id, only those marked.
    static func securityMarks(_ board: Board) -> [String: String] {
        var open: [String: Int] = [:]
        for i in board.securityIncidents.values where i.isOpen { open[i.hospitalId, default: 0] += 1 }
        var marks: [String: String] = [:]
        for id in Set(open.keys).union(board.hospitalSecurity.keys) {
            let count = open[id] ?? 0
            let level = board.securityLevel(of: id)
            guard count > 0 || level >= .high else { continue }
            marks[id] = "⚑" + (count > 1 ? "\(count)" : "") + (level >= .high ? "!" : "") + " "
        }
        return marks
    }
}
