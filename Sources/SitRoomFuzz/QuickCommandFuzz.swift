import SitRoomCore

/// The quick-command line (`:` in the console, `sitroom apply --command`): parsing against the
/// demo board, completion (run on every Tab), and applying the parsed change as the console's
/// commit would.
enum QuickCommandFuzz {
    /// The demo board with 12 of its 53 hospitals (서울대학교병원 among them) and everything else:
    /// each hospital lookup normalises every hospital's names, about 2 ms a command on the whole
    /// board, which would make a million inputs take an hour.
    static let board: Board = {
        var board = FuzzFixture.board
        let kept = Set(board.hospitals.keys.sorted().prefix(11) + ["A1100017"])
        board.hospitals = board.hospitals.filter { kept.contains($0.key) }
        return board
    }()

    static let context = QuickCommandContext(
        board: board, now: FuzzFixture.now, timeZone: FuzzFixture.seoul, newId: { "\($0)-fuzz" })

    static func run(_ input: [UInt8]) -> FuzzOutcome {
        // The console's line editor and `apply --command`'s stdin both hand over text.
        let line = String(decoding: input, as: UTF8.self)
        _ = QuickCommandCompletion.complete(line, context)
        do {
            guard case .change(let action, _) = try QuickCommandParser.parse(line, context) else { return .accepted }
            let change = Change(officer: FuzzFixture.officer, at: FuzzFixture.now, action: action)
            let (_, refusal) = FuzzFixture.applyAll([change], to: board)
            return refusal.map { .rejected($0) } ?? .accepted
        } catch {
            return .rejected("\(error)")
        }
    }

    static let tokens: [[UInt8]] = (QuickCommandParser.commandNames
        + QuickCommandParser.erKeys.map { $0 + "=" } + QuickCommandParser.strikeKeys.map { $0 + "=" }
        + QuickCommandParser.logKeys.map { $0 + "=" } + QuickCommandParser.actKeys.map { $0 + "=" }
        + [" ", "\"", "/", "=", "snuh", "서울대", "A1100017", "mohw", "o", "l", "d", "div", "c", "open", "limited",
           "diverting", "closed", "reached", "na", "lm", "now", "-15m", "+2h", "14:30", "23:59", "24:00", "tomorrow",
           "9999999999999999999", "-1", "0/0", "3/20", "critical", "warning", "\t", "\u{301}"])
        .map { Array($0.utf8) }
}
