import Foundation

extension DemoSituation {
    /// Weaves into the demo's timeline what the consoles would have written during that day: the
    /// alert rules' raises and clears after every change (at that change's time), acknowledgements
    /// of the critical ones, and the 09:00 and 17:00 KST briefings of the last day.
    static func withAlertsAndBriefings(_ timeline: [Change], clock: DemoClock) -> [Change] {
        var board = Board()
        var out: [Change] = []
        var briefings = briefingTimes(clock)
        func append(_ change: Change) {
            // Every demo change is built to apply; a refusal here is a bug in the demo itself.
            do { try board.apply(change) } catch { preconditionFailure("demo change \(change.action.type) refused: \(error)") }
            out.append(change)
        }
        var lastFullSync = Date.distantPast
        func syncAlerts(at time: Date, by officer: String, subject: String? = nil, mayBeFull: Bool = true) {
            // All hospitals once an hour (reports going stale), else only the one changed.
            let full = subject == nil || (mayBeFull && time.timeIntervalSince(lastFullSync) >= 3600)
            if full { lastFullSync = time }
            let subjects = full ? nil : subject.map { Set([$0]) } ?? []
            for change in board.alertChanges(.defaults, at: time, officer: officer, subjects: subjects) {
                append(change)
                if case .raiseAlert(let alert) = change.action, alert.severity == .critical, alert.subject.hash % 2 == 0 {
                    append(Change(officer: "kim.mohw", at: time, action: .acknowledgeAlert(
                        id: alert.id, note: "NEMC informed; ambulances redirected")))
                }
            }
        }
        for change in timeline {
            while let next = briefings.first, next.time <= change.at {
                briefings.removeFirst()
                syncAlerts(at: next.time, by: "kim.mohw")
                append(Change(officer: "kim.mohw", at: next.time, action: .markBriefing(Briefing(id: next.id, title: next.title))))
            }
            append(change)
            if change.action.kind != .setIncident {
                // A security change looks at its own alerts only: the hourly full syncs, and so
                // every other alert of the demo, stay where they were before security was added.
                syncAlerts(at: change.at, by: change.officer, subject: change.action.subjectId ?? "",
                           mayBeFull: !change.action.type.hasPrefix("security."))
            }
        }
        syncAlerts(at: clock.date(clock.now), by: "kim.mohw")
        return out
    }

    /// The last two 09:00 / 17:00 KST briefings, at least an hour after the demo's set-up.
    static func briefingTimes(_ clock: DemoClock) -> [(time: Date, id: String, title: String)] {
        var times: [(Int, String)] = []
        for day in -2...0 {
            for hour in [9, 17] {
                let t = clock.kstMidnight + day * 86_400 + hour * 3600
                if t > clock.setupTime + 3600, t <= clock.now - 600 { times.append((t, String(format: "%02d:00", hour))) }
            }
        }
        return times.suffix(2).map { t, hhmm in
            (clock.date(t), "briefing-\(t)", "\(hhmm) briefing")
        }
    }
}
