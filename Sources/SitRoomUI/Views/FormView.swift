import SitRoomCore

/// A form over the main area: a label and a field per line; a changed field is marked •, a field in
/// error is red with the reason; questions (discard? conflicts?) at the bottom.
enum FormView {
    static func draw(_ buffer: inout ScreenBuffer, _ form: Form, _ rect: Rect) {
        let inner = Box.draw(&buffer, rect, title: form.title, focused: true, badge: "Enter save · Esc cancel")
        guard inner.height > 2 else { return }
        let labelWidth = min(20, max(10, inner.width / 4))
        // Short fields (numbers, choices) stay 40 wide with their options or error beside them; free
        // text takes the width of the form, less room for an error, so a note is read whole.
        let shortWidth = min(40, inner.width - labelWidth - 4)
        let textWidth = max(shortWidth, inner.width - labelWidth - 4 - 36)
        let footer = footerLines(form)
        let room = max(1, inner.height - footer.count - 1)
        let top = max(0, min(form.focus - room + 1, form.fields.count - room))
        for (row, i) in (top..<min(form.fields.count, top + room)).enumerated() {
            let field = form.fields[i]
            let fieldWidth = field.kind == .text ? textWidth : shortWidth
            let y = inner.y + row
            let focused = i == form.focus
            buffer.put((field.isChanged ? "• " : "  ") + field.label, x: inner.x + 1, y: y, maxWidth: labelWidth + 2,
                       role: focused ? .title : .header)
            let x = inner.x + labelWidth + 4
            let role: Role = field.error != nil ? .error : .input
            buffer.fill(Rect(x: x, y: y, width: fieldWidth, height: 1), role: role)
            // Only the field being typed in follows its cursor; the others show how they begin.
            let (text, cursor) = focused ? field.editor.visible(width: fieldWidth)
                : (DisplayWidth.cut(field.editor.text, fieldWidth), 0)
            buffer.put(text, x: x, y: y, maxWidth: fieldWidth, role: role)
            if case .choice(let options) = field.kind, focused {
                buffer.put(" ⇄ " + options.joined(separator: " "), x: x + fieldWidth, y: y, maxWidth: inner.maxX - x - fieldWidth, role: .muted)
            } else if focused, x + cursor < inner.maxX {
                buffer.paint(Rect(x: x + cursor, y: y, width: 1, height: 1), role: .selected)
            }
            if let error = field.error, x + fieldWidth + 1 < inner.maxX, !focused || !isChoice(field) {
                buffer.put(" ✖ " + error, x: x + fieldWidth, y: y, maxWidth: inner.maxX - x - fieldWidth, role: .error)
            }
        }
        for (i, line) in footer.enumerated() {
            Segments.draw(&buffer, line, x: inner.x + 1, y: inner.maxY - footer.count + i, maxX: inner.maxX)
        }
    }

    static func isChoice(_ f: FormField) -> Bool {
        if case .choice = f.kind { return true }
        return false
    }

    static func footerLines(_ form: Form) -> [[(String, Role)]] {
        if form.askingToDiscard { return [[("Discard your changes? (y/n)", .warning)]] }
        if !form.conflicts.isEmpty {
            var lines: [[(String, Role)]] = [[("Changed by another officer while you typed:", .warning)]]
            for c in form.conflicts {
                lines.append([("  " + c.label + ": ", .header), ("yours " + c.mine, .input), ("  theirs " + c.theirs, .changed)])
            }
            lines.append([("y keep yours · n take theirs · Esc back to the form", .key)])
            return lines
        }
        var lines: [[(String, Role)]] = []
        if let message = form.message { lines.append([("✖ " + message, .error)]) }
        let focused = form.fields.indices.contains(form.focus) ? form.fields[form.focus] : nil
        if let bad = focused?.error != nil ? focused : form.fields.first(where: { $0.error != nil }), let error = bad.error {
            lines.append([("✖ " + bad.label + ": " + error, .error)])
        }
        lines.append([("Tab/↑↓ field · Space cycles a choice · Ctrl-U clears · Enter save · Esc cancel", .muted)])
        return lines
    }
}
