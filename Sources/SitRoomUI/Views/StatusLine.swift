/// The bottom line: the active keys, or a message.
enum StatusLine {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .statusBar)
        var x = 1
        if let flash = model.flash, flash.until > model.now {
            buffer.put(flash.text, x: x, y: y, role: flash.role)
            return
        }
        // The keys that fit the moment (a form, the alerts view, a detail …), as many as the line holds.
        for hint in KeyMap.hints(HintContext(model), readOnly: model.isReadOnly) {
            let w = TextWidth.of(hint.key) + TextWidth.of(hint.word) + 3
            if x + w > buffer.width { break }
            x += buffer.put(hint.key, x: x, y: y, role: .key)
            x += buffer.put(" " + hint.word + "  ", x: x, y: y, role: .statusBar)
        }
    }
}
