import SitRoomCore

/// The latest significant log entries (notice and above), newest first.
enum Ticker {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, _ rect: Rect) {
        guard rect.height > 0 else { return }
        buffer.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, role: .border)
        buffer.put(" Latest ", x: rect.x + 2, y: rect.y, role: .header)
        // Lazily: the log may hold 100,000 entries, and only the newest few are shown.
        let entries = model.board.log.reversed().lazy.filter { $0.severity >= .notice }.prefix(rect.height - 1)
        for (i, e) in entries.enumerated() {
            let y = rect.y + 1 + i
            Segments.draw(&buffer, [
                (" " + Format.dateTime(e.eventTime, model.timeZone) + " ", .muted),
                (e.severity.rawValue.uppercased().padding(toLength: 9, withPad: " ", startingAt: 0), LogPanel.role(e.severity)),
                (e.text, .normal),
            ], x: rect.x, y: y, maxX: rect.maxX)
        }
    }
}
