/// Every key binding, generated from the key table.
enum HelpView {
    static func draw(_ buffer: inout ScreenBuffer, _ rect: Rect) {
        let inner = Box.draw(&buffer, rect, title: "Help — keys", focused: true, badge: "Esc back")
        var lines: [[(String, Role)]] = KeyMap.bindings.map { b in
            [(b.label.padding(toLength: 12, withPad: " ", startingAt: 0), .key), (b.help, .normal)]
        }
        lines.append([])
        lines.append([("The top bar shows the save state: ✔ saved #N means change N is on disk.", .muted)])
        lines.append([("A report older than its hospital's update interval is stale and marked !", .muted)])
        let columnWidth = 44
        let perColumn = max(1, inner.height)
        for (i, line) in lines.enumerated() {
            let col = i / perColumn
            let x = inner.x + 1 + col * columnWidth
            guard x < inner.maxX else { break }
            Segments.draw(&buffer, line, x: x, y: inner.y + i % perColumn, maxX: inner.maxX - 1)
        }
    }
}
