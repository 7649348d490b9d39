/// The line being typed, on the bottom row; its error just above, in the error colour; completion
/// or ambiguity candidates above that.
enum PromptLine {
    static func draw(_ buffer: inout ScreenBuffer, _ prompt: Prompt, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .input)
        // A long question is cut (its start says what to type) so that the typing stays in sight.
        let symbolWidth = buffer.put(prompt.symbol, x: 0, y: y, maxWidth: max(1, buffer.width - 20), role: .key)
        let room = buffer.width - symbolWidth - 1
        let (text, cursorColumn) = prompt.editor.visible(width: room)
        buffer.put(text, x: symbolWidth, y: y, maxWidth: room, role: .input)
        let cx = symbolWidth + cursorColumn
        if cx < buffer.width {
            buffer.paint(Rect(x: cx, y: y, width: TextWidth.of(buffer[cx, y].text).clamped(1, 2), height: 1), role: .selected)
        }
        var above = y - 1
        if let error = prompt.error, above >= 0 {
            buffer.fill(Rect(x: 0, y: above, width: buffer.width, height: 1), role: .error)
            buffer.put(" ✖ " + error, x: 0, y: above, role: .error)
            above -= 1
        }
        let shown = prompt.candidates.prefix(min(6, max(0, above)))
        for (i, candidate) in shown.reversed().enumerated() where above - i >= 0 {
            buffer.fill(Rect(x: 0, y: above - i, width: buffer.width, height: 1), role: .statusBar)
            buffer.put("   " + candidate, x: 0, y: above - i, role: .statusBar)
        }
        if prompt.candidates.count > shown.count, above - shown.count >= 0 {
            buffer.fill(Rect(x: 0, y: above - shown.count, width: buffer.width, height: 1), role: .statusBar)
            buffer.put("   … \(prompt.candidates.count - shown.count) more", x: 0, y: above - shown.count, role: .statusBar)
        }
    }
}

extension Int {
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(self, lo), hi) }
}
