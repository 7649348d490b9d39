import Foundation
import SitRoomCore

/// The capability part of a hospital's detail: every condition of the table, the equipment, the
/// ER's hours and visits, each with its as-of time, age (stale like the other figures) and
/// reporter; then the restrictions in force or to come, in full.
enum CapabilityDetail {
    typealias Line = DetailView.Line

    static func lines(_ h: Hospital, _ model: AppModel) -> [Line] {
        let board = model.board
        let capability = board.capabilities[h.id]
        let table = board.conditions
        var lines: [Line] = [[]]
        let conflicts = board.feedConflicts(of: h.id, at: model.now)
        if !conflicts.isEmpty {
            lines.append([("E-Gen and a hand entry differ", .header), ("   ~ on the coverage row; the newer one stands", .muted)])
            for c in conflicts {
                lines.append([("  " + c.described(timeZone: model.timeZone), .warning)])
            }
            lines.append([])
        }
        var heading: Line = [("Severe conditions", .header)]
        if let capability {
            heading.append(("   \(capability.availableCount(of: table)) of \(table.conditions.count) can be treated", .muted))
        } else {
            heading.append(("   nothing reported", .muted))
        }
        lines.append(heading)
        // The Korean names' column, as wide as the longest of the table's (once, not per line).
        let nameWidth = min(32, (table.conditions.map { TextWidth.of($0.korean) }.max() ?? 20) + 1)
        let conditionLines = table.conditions.map { c in
            condition(c, capability?.conditions[c.code], h, model, nameWidth: nameWidth)
        }
        lines += paired(conditionLines, model.width)

        lines += [[], [("Equipment", .header)]]
        lines += equipment(capability, h, model)

        lines += [[], [("ER hours and visits", .header)]]
        lines.append(figure("ER hours", capability?.hours, h, model) { hours in
            switch hours {
            case .allDay: ("24 hours", .good)
            case .restricted(let text): ("restricted " + text, .warning)
            }
        })
        lines.append(figure("ER visits (day)", capability?.visits, h, model) { v in
            ("\(Format.grouped(v.total)) · severe \(Format.grouped(v.severe)) · mild \(Format.grouped(v.mild))", .normal)
        })

        lines += [[], [("Restrictions", .header)]]
        lines += restrictions(h, model)
        return lines
    }

    /// One condition: mark, label, name, what was reported, as of, age and reporter, then the
    /// reason last (free text: it runs to the edge instead of pushing the columns apart).
    static func condition(_ c: Condition, _ r: Reported<ConditionStatus>?, _ h: Hospital, _ model: AppModel, nameWidth: Int) -> Line {
        let ascii = model.asciiSparklines
        let a = r?.value.availability
        var line: Line = [
            (CapabilityMark.glyph(a, ascii: ascii) + " ", a.map { CapabilityMark.role($0) } ?? .muted),
            (pad(c.short, 7), .header),
            (pad(c.korean, nameWidth), .normal),
        ]
        guard let r else { return line + [("not reported", .muted)] }
        let stale = h.isStale(r.stamp, at: model.now)
        line += [
            (pad(CapabilityMark.word(r.value.availability), 10), CapabilityMark.role(r.value.availability)),
            (Format.dateTime(r.at, model.timeZone) + "  ", stale ? .stale : .muted),
            (pad((stale ? "!" : "") + Format.age(of: r.at, now: model.now), 5), stale ? .stale : .muted),
            ("  " + pad(r.by, 14), .muted),
        ]
        if !r.value.reason.isEmpty { line.append(("— " + r.value.reason, CapabilityMark.role(r.value.availability))) }
        return line
    }

    /// A figure line as the detail's own: label, value, as of, age, reporter.
    static func figure<T>(_ label: String, _ r: Reported<T>?, _ h: Hospital, _ model: AppModel, _ text: (T) -> (String, Role)) -> Line {
        guard let r else { return [(pad(label, 20), .normal), ("—", .muted)] }
        let stale = h.isStale(r.stamp, at: model.now)
        let (value, role) = text(r.value)
        return [
            (pad(label, 20), .normal), (pad(value, 14) + " ", role),
            (Format.dateTime(r.at, model.timeZone) + "  ", stale ? .stale : .muted),
            ((stale ? "!" : "") + Format.age(of: r.at, now: model.now), stale ? .stale : .muted),
            ("  " + r.by, .muted),
        ]
    }

    /// E-Gen's items in its order: yes/no, or how many are free.
    static func equipment(_ capability: HospitalCapability?, _ h: Hospital, _ model: AppModel) -> [Line] {
        guard let capability, !capability.equipment.isEmpty else { return [[("nothing reported", .muted)]] }
        let known = Set(Equipment.egen.map(\.code))
        let items = Equipment.egen + capability.equipment.keys.filter { !known.contains($0) }.sorted()
            .map { Equipment(code: $0, korean: $0, english: $0, isCount: true) }
        return items.compactMap { item in
            guard let r = capability.equipment[item.code] else { return nil }
            return figure(item.english, r, h, model) { n in
                item.isCount ? (Format.grouped(n) + " free", n > 0 ? .normal : .warning) : (n > 0 ? "yes" : "no", n > 0 ? .good : .warning)
            }
        }
    }

    /// In force first, then those to come, each in full: category, text, from and until, who
    /// entered it and when.
    static func restrictions(_ h: Hospital, _ model: AppModel) -> [Line] {
        let now = model.now
        let zone = model.timeZone
        let all = model.board.restrictions.values.filter { r in
            r.hospitalId == h.id && r.ended == nil && (r.until.map { $0 > now } ?? true)
        }.sorted { ($0.from, $0.id) < ($1.from, $1.id) }
        guard !all.isEmpty else { return [[("none in force", .muted)]] }
        return all.map { r in
            let inForce = r.inForce(at: now)
            let when = (inForce ? "since " : "from ") + Format.dateTime(r.from, zone)
                + (r.until.map { " until " + Format.dateTime($0, zone) } ?? ", until ended")
            return [
                (inForce ? CapabilityMark.restriction + " " : "  ", .warning),
                (pad(r.category.isEmpty ? "—" : r.category, 10), .header),
                (r.text + "  ", inForce ? .warning : .normal),
                (when, .muted),
                ("  entered " + Format.dateTime(r.entered.at, zone) + " by " + r.entered.by, .muted),
            ]
        }
    }

    /// On screens wide enough, the conditions two to a line, so that the whole table shows at once.
    static func paired(_ lines: [Line], _ width: Int) -> [Line] {
        let column = 84
        guard width - 4 >= 2 * column else { return lines }
        let half = (lines.count + 1) / 2
        return (0..<half).map { i in
            var line = lines[i]
            guard i + half < lines.count else { return line }
            // The left line's free text (its last piece) is cut to leave the right column its place.
            let over = Segments.width(line) - (column - 2)
            if over > 0, let last = line.last {
                line[line.count - 1] = (TextWidth.cut(last.0, max(1, TextWidth.of(last.0) - over)), last.1)
            }
            line.append((String(repeating: " ", count: max(2, column - Segments.width(line))), .normal))
            return line + lines[i + half]
        }
    }

    /// `text` as a column of `cells` terminal cells (Korean letters count two), cut with "…" to
    /// leave a blank before the next column.
    static func pad(_ text: String, _ cells: Int) -> String { TextWidth.column(text, cells) }
}
