/// A bordered panel with a title in its top edge; returns the inner rectangle.
public enum Box {
    @discardableResult
    public static func draw(_ buffer: inout ScreenBuffer, _ rect: Rect, title: String, focused: Bool, badge: String = "") -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border: Role = focused ? .title : .border
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x...right {
            buffer.put("─", x: x, y: rect.y, role: border)
            buffer.put("─", x: x, y: bottom, role: border)
        }
        for y in rect.y...bottom {
            buffer.put("│", x: rect.x, y: y, role: border)
            buffer.put("│", x: right, y: y, role: border)
        }
        buffer.put(focused ? "┏" : "┌", x: rect.x, y: rect.y, role: border)
        buffer.put(focused ? "┓" : "┐", x: right, y: rect.y, role: border)
        buffer.put("└", x: rect.x, y: bottom, role: border)
        buffer.put("┘", x: right, y: bottom, role: border)
        if focused {
            for x in (rect.x + 1)..<right { buffer.put("━", x: x, y: rect.y, role: border) }
        }
        let used = buffer.put(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, role: focused ? .title : .header)
        if !badge.isEmpty, rect.width - 4 - used > TextWidth.of(badge) + 3 {
            buffer.put(" \(badge) ", x: right - 1 - TextWidth.of(badge) - 2, y: rect.y, role: .muted)
        }
        return rect.inset(by: 1)
    }
}
