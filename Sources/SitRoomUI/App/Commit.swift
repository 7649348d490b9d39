import Foundation
import SitRoomCore

/// Something this console did: the change that undoes it, and words for it. `action` nil: a change
/// nothing undoes (a briefing mark, an acknowledgement), kept so that `u` says so rather than
/// quietly taking back an older change instead.
public struct UndoEntry: Equatable, Sendable {
    public var action: ChangeAction?
    public var description: String
}

/// A change sent to the change log and not yet answered.
public struct PendingCommit: Equatable, Sendable {
    public enum Origin: Equatable, Sendable { case command, confirm, form, undo, redo }

    public var change: Change
    public var origin: Origin
    /// What undoes this change (computed on the board it was made against).
    public var inverse: Undo?
    public var summary: String
}

extension AppModel {
    /// Sends a change to the log: the run loop commits it and calls `committed`.
    mutating func commit(_ action: ChangeAction, origin: PendingCommit.Origin, summary: String) -> [Effect] {
        if isReadOnly {
            // On the command line the refusal goes where the officer is looking, as any refusal does.
            let refusal = readOnlyMessage
            if prompt != nil { prompt?.error = refusal } else { say(refusal, role: .error) }
            return []
        }
        let change = Change(officer: officer, at: now, action: action, origin: self.origin)
        pending = PendingCommit(change: change, origin: origin, inverse: board.inverse(of: change), summary: summary)
        return [.commit(change)]
    }

    /// The change log's answer to the pending change.
    public mutating func committed(_ result: CommitResult, board: Board, seq: UInt64) {
        guard let p = pending else { return }
        pending = nil
        switch result {
        case .saved(let saved):
            save = .saved(saved)
            boardChanged(board, seq: seq, changedIds: Set([p.change.action.subjectId].compactMap { $0 }))
            let entry = p.inverse.map { UndoEntry(action: $0.action, description: $0.description) }
            switch p.origin {
            case .command, .confirm, .form:
                if p.origin == .form { form = nil }
                undoStack.append(entry ?? UndoEntry(action: nil, description: p.summary))
                redoStack.removeAll()
                say("saved #\(saved): \(p.summary)", role: .saved)
            case .undo:
                // Named after what it brings back (the undone change), not after its own inverse:
                // redoing an undone "add log entry" is "redo: add log entry", not "remove".
                if let entry { redoStack.append(UndoEntry(action: entry.action, description: lastUndone?.description ?? entry.description)) }
                say("saved #\(saved): \(p.summary) (Ctrl-R redoes)", role: .saved)
            case .redo:
                if let entry { undoStack.append(entry) }
                say("saved #\(saved): \(p.summary)", role: .saved)
            }
            switch prompt?.kind {
            case .command?, .confirm?, .text?: prompt = nil
            case .filter?, nil: break
            }
        case .rejected(let error):
            boardChanged(board, seq: seq, changedIds: [])
            if p.origin == .form, form != nil {
                form?.message = error.message
            } else if prompt != nil {
                prompt?.error = error.message
            } else {
                say(error.message, role: .error, seconds: 8)
            }
        case .notSaved(let why):
            save = .notSaved(why)
            let text = "NOT SAVED: \(why). Nothing was lost here: press Enter to try again."
            if p.origin == .form, form != nil {
                form?.message = text
            } else if prompt != nil {
                prompt?.error = text
            } else {
                say(text, role: .notSaved, seconds: 30)
            }
            if p.origin == .undo, let last = lastUndone { undoStack.append(last) }
        }
    }

    static let watchMessage = "read-only: this console was opened with --watch (or --at): it changes nothing"

    /// Why this console changes nothing, in the words the officer sees when they try.
    var readOnlyMessage: String { readOnlyReason ?? Self.watchMessage }

    /// True for a console opened with --watch or --at.
    public var isReadOnly: Bool {
        if case .readOnly = save { return true }
        return false
    }

    mutating func undo() -> [Effect] {
        if isReadOnly {
            say(readOnlyMessage, role: .error)
            return []
        }
        guard let entry = undoStack.popLast() else {
            say("nothing to undo from this console", role: .muted)
            return []
        }
        guard let action = entry.action else {
            let before = undoStack.last.map { "; u again undoes the one before (\($0.description.replacingOccurrences(of: "undo: ", with: "")))" } ?? ""
            say("your last change (\(entry.description)) cannot be undone here\(before)", role: .warning, seconds: 8)
            return []
        }
        lastUndone = entry
        return commit(action, origin: .undo, summary: entry.description)
    }

    mutating func redo() -> [Effect] {
        guard let entry = redoStack.popLast() else {
            say("nothing to redo", role: .muted)
            return []
        }
        guard let action = entry.action else { return [] }
        return commit(action, origin: .redo, summary: entry.description.replacingOccurrences(of: "undo: ", with: "redo: "))
    }
}
