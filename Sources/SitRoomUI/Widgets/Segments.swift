/// Draws pieces of differently styled text one after another on a line; returns the next column.
public enum Segments {
    @discardableResult
    public static func draw(_ buffer: inout ScreenBuffer, _ parts: [(String, Role)], x: Int, y: Int, maxX: Int) -> Int {
        var col = x
        for (text, role) in parts where col < maxX {
            col += buffer.put(text, x: col, y: y, maxWidth: maxX - col, role: role)
        }
        return col
    }

    public static func width(_ parts: [(String, Role)]) -> Int { parts.reduce(0) { $0 + TextWidth.of($1.0) } }
}
