import Foundation
import SitRoomCore

extension AppModel {
    /// `A` in the alerts view: asks for an optional note, then acknowledges the selected alert.
    mutating func startAcknowledging(in panel: PanelID) {
        guard case .alert(let id)? = selectedRecord(panel) else {
            say("select an alert to acknowledge (6 shows them)", role: .muted)
            return
        }
        guard let alert = board.alerts[id] else {
            say("this alert has cleared; nothing to acknowledge", role: .muted)
            return
        }
        if let ack = alert.acknowledged {
            say("already acknowledged by \(ack.by) at \(Format.time(ack.at, timeZone))", role: .muted)
            return
        }
        prompt = Prompt(kind: .text(label: "Acknowledge \"\(alert.text)\" — note (Enter for none)", purpose: .acknowledge(alertId: id)))
    }

    /// `B`: asks for the briefing's title, offering "HH:MM briefing".
    mutating func startBriefing() {
        let title = Format.time(now, timeZone) + " briefing"
        prompt = Prompt(kind: .text(label: "Mark a briefing — title", purpose: .briefing), text: title)
    }

    mutating func submitText(_ text: String, for purpose: Prompt.TextPurpose) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .acknowledge(let id):
            let what = board.alerts[id]?.text ?? id
            return commit(.acknowledgeAlert(id: id, note: trimmed), origin: .command, summary: "acknowledged " + what)
        case .briefing:
            guard !trimmed.isEmpty else {
                prompt?.error = "a briefing needs a title, e.g. \"09:00 briefing\""
                return []
            }
            let id = "briefing-\(Int(now.timeIntervalSince1970))"
            return commit(.markBriefing(Briefing(id: id, title: trimmed)), origin: .command, summary: "briefing marked: " + trimmed)
        case .confirmRemoval(let id, let action, let summary):
            guard trimmed.caseInsensitiveCompare(id) == .orderedSame else {
                prompt?.error = trimmed.isEmpty ? "type \(id) to delete it, Esc keeps it" : "\"\(trimmed)\" is not \(id); Esc keeps it"
                return []
            }
            return commit(action, origin: .confirm, summary: summary)
        }
    }

    /// Active alerts nobody has acknowledged yet.
    public var unacknowledgedAlerts: Int { board.alerts.values.count { !$0.isAcknowledged } }
}
