import SitRoomCore

extension SummaryStrip {
    /// `Security 2 open ⧗1` (one waiting for the police; `Sec 2⧗1` when not `long`), only while
    /// incidents are open. It takes the sparklines' room before anything else (on the first line
    /// of a narrow strip).
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
