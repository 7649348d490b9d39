/// The bottom line: the active keys, or a message.
enum StatusLine {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .statusBar)
        var x = 1
        if let flash = model.flash, flash.until > model.now {
            buffer.put(flash.text, x: x, y: y, role: flash.role)
            return
        }
        for b in KeyMap.bindings {
            guard let hint = b.hint else { continue }
            let (key, word) = split(hint)
            let w = TextWidth.of(key) + TextWidth.of(word) + 3
            if x + w > buffer.width { break }
            x += buffer.put(key, x: x, y: y, role: .key)
            x += buffer.put(" " + word + "  ", x: x, y: y, role: .statusBar)
        }
    }

    static func split(_ hint: String) -> (String, String) {
        guard let space = hint.firstIndex(of: " ") else { return (hint, "") }
        return (String(hint[..<space]), String(hint[hint.index(after: space)...]))
    }
}
