extension AppModel {
    /// Pasted text goes into the field being typed in, as text: a line break or tab becomes a
    /// space (a field is one line). Anywhere else it is refused, so that pasted letters are never
    /// taken as keys (a "q" quits, "dy" deletes).
    mutating func paste(_ text: String) -> [Effect] {
        let typing = form.map { !$0.askingToDiscard && $0.conflicts.isEmpty } ?? (prompt?.takesText ?? false)
        guard typing else {
            say("pasted text ignored: paste into a form field, the command line or a filter", role: .warning)
            return [.bell]
        }
        var effects: [Effect] = []
        for c in text {
            let key: Key = c.isNewline || c == "\t" ? .char(" ") : .char(c)
            if let v = c.unicodeScalars.first?.value, v < 0x20, !c.isNewline, c != "\t" { continue }
            for effect in update(key: key) where !effects.contains(effect) { effects.append(effect) }
        }
        return effects
    }
}
