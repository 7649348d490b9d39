import Foundation
import SitRoomCore

extension AppModel {
    mutating func openForm(_ kind: FormKind) {
        if isReadOnly {
            say(readOnlyMessage, role: .error)
            return
        }
        guard let f = Form.make(kind, self) else {
            say("that record is gone", role: .muted)
            return
        }
        form = f
        revalidateForm()
    }

    mutating func updateForm(key: Key) -> [Effect] {
        guard var f = form, pending == nil else { return [] }
        if f.askingToDiscard {
            switch key {
            case .char("y"), .char("Y"):
                form = nil
                say("changes discarded", role: .muted)
            case .char("n"), .char("N"), .escape:
                form?.askingToDiscard = false
            default: break
            }
            return []
        }
        if !f.conflicts.isEmpty {
            switch key {
            case .char("y"), .char("Y"):  // keep mine: save as typed
                return commitForm(f, checkConflicts: false)
            case .char("n"), .char("N"):  // take theirs
                for c in f.conflicts {
                    if let i = f.fields.firstIndex(where: { $0.key == c.key }) {
                        f.fields[i].original = c.theirs
                        f.fields[i].editor.set(c.theirs)
                    }
                }
                f.conflicts = []
                form = f
                if !f.isChanged {
                    form = nil
                    say("kept the other officer's values; nothing else to save", role: .muted)
                } else {
                    revalidateForm()
                }
            case .escape:
                form?.conflicts = []
            default: break
            }
            return []
        }
        let i = f.focus
        switch key {
        case .tab, .down: f.focus = (i + 1) % f.fields.count
        case .backTab, .up: f.focus = (i + f.fields.count - 1) % f.fields.count
        case .enter:
            form = f
            return saveForm()
        case .escape, .ctrl("c"):
            if f.isChanged { f.askingToDiscard = true } else {
                form = nil
                return []
            }
        case .char(let c):
            if case .choice(let options) = f.fields[i].kind {
                let current = options.firstIndex(of: f.fields[i].text)
                let next: String? = c == " "
                    ? options[((current ?? -1) + 1) % options.count]
                    : options.first { $0.lowercased().hasPrefix(String(c).lowercased()) }
                if let next { f.fields[i].editor.set(next) }
            } else if f.fields[i].editor.isFull {
                // Said once, with one bell: the rest of a long paste is dropped quietly.
                let full = "\(f.fields[i].label): " + LineEditor.fullMessage
                guard f.message != full else { return [] }
                f.message = full
                form = f
                return [.bell]
            } else if f.fields[i].accepts(c) {
                f.fields[i].editor.handle(key)
            } else {
                f.message = "\(f.fields[i].label): digits only" + (f.fields[i].kind == .pair ? ", like 3/20" : "")
                form = f
                return [.bell]
            }
        default:
            if case .choice = f.fields[i].kind { break }
            f.fields[i].editor.handle(key)
        }
        f.message = nil
        form = f
        revalidateForm()
        return []
    }

    /// Marks fields red with the reason, the model's own message where the model refuses the change.
    mutating func revalidateForm() {
        guard var f = form else { return }
        for i in f.fields.indices { f.fields[i].error = nil }
        do {
            if let (action, _) = try f.action(self, newId: { "\($0)-new" }) {
                try board.check(Change(officer: officer, at: now, action: action, origin: origin))
            }
        } catch let e as FieldError {
            if let i = f.fields.firstIndex(where: { $0.key == e.key }) { f.fields[i].error = e.message }
        } catch let e as ChangeError {
            if let i = f.fields.firstIndex(where: { $0.key == e.field }) {
                f.fields[i].error = e.message
            } else {
                f.message = e.message
            }
        } catch {
            f.message = "\(error)"
        }
        form = f
    }

    mutating func saveForm() -> [Effect] {
        revalidateForm()
        guard let f = form else { return [] }
        guard f.fields.allSatisfy({ $0.error == nil }) else {
            form?.message = "fix the field in red first"
            return [.bell]
        }
        guard f.isChanged else {
            // An empty new record is a form not yet filled in, not "nothing changed".
            if f.kind.isNew {
                form?.message = "nothing filled in yet: type the \(f.fields.first?.label ?? "first field"), or Esc to close"
                return [.bell]
            }
            form = nil
            say("nothing changed", role: .muted)
            return []
        }
        return commitForm(f, checkConflicts: true)
    }

    /// A field another officer changed since this form opened, which this officer changed too,
    /// is a conflict: both values are shown and nothing is overwritten without asking.
    private mutating func commitForm(_ f: Form, checkConflicts: Bool) -> [Effect] {
        if checkConflicts, let fresh = Form.make(f.kind, self) {
            let conflicts = f.fields.compactMap { field -> Conflict? in
                guard field.isChanged, let now = fresh.field(field.key), now.original != field.original,
                      now.original != field.text else { return nil }
                return Conflict(key: field.key, label: field.label, mine: field.text, theirs: now.original)
            }
            if !conflicts.isEmpty {
                form?.conflicts = conflicts
                return [.bell]
            }
        }
        do {
            guard let (action, summary) = try f.action(self, newId: { QuickCommandContext.randomId($0) }) else { return [] }
            form?.conflicts = []
            return commit(action, origin: .form, summary: summary)
        } catch {
            form?.message = "\(error)"
            return []
        }
    }
}
