import Foundation

extension Board {
    /// Undo for the capability changes (see `inverse(of:)`): a report by a revert of exactly the
    /// figures it gave (so a figure reported since by someone else stays), an added restriction by
    /// removing it, an ended or removed one by putting it back as it was, the table and the baselines
    /// by setting back the old ones whole.
    func capabilityInverse(of change: Change) -> Undo? {
        switch change.action {
        case .setConditions:
            return Undo(action: .setConditions(conditions), description: "undo: set condition table")
        case .reportCapability(let id, let report):
            return revertUndo(id, keys: report.keys)
        case .revertCapability(let id, let keys, _):
            return revertUndo(id, keys: keys)
        case .addRestriction(let r):
            return Undo(action: .removeRestrictions(ids: [r.id]), description: "undo: add restriction “\(short(r.text))”")
        case .endRestrictions(let ids):
            let old = ids.compactMap { restrictions[$0] }
            return Undo(action: .restoreRestrictions(old), description: "undo: end \(restrictionsText(old))")
        case .removeRestrictions(let ids):
            let old = ids.compactMap { restrictions[$0] }
            return Undo(action: .restoreRestrictions(old), description: "undo: remove \(restrictionsText(old))")
        case .restoreRestrictions(let records):
            let now = records.compactMap { restrictions[$0.id] }
            if now.count == records.count {
                return Undo(action: .restoreRestrictions(now), description: "undo: restore \(restrictionsText(now))")
            }
            guard now.isEmpty else { return nil }
            return Undo(action: .removeRestrictions(ids: records.map(\.id)), description: "undo: restore \(restrictionsText(records))")
        case .setBaselines:
            return Undo(action: .restoreBaselines(baselines), description: "undo: set baselines")
        case .takeBaselines:
            return Undo(action: .restoreBaselines(baselines), description: "undo: take baselines")
        case .restoreBaselines:
            return Undo(action: .restoreBaselines(baselines), description: "undo: restore baselines")
        default:
            return nil
        }
    }

    private func revertUndo(_ id: String, keys: CapabilityKeys) -> Undo {
        let name = hospitals[id]?.name ?? id
        return Undo(action: .revertCapability(id: id, keys: keys, to: capability(of: id)),
                    description: "undo: \(name) \(keys.described(conditions))")
    }

    private func restrictionsText(_ rs: [Restriction]) -> String {
        rs.count == 1 ? "restriction “\(short(rs[0].text))”" : "\(rs.count) restrictions"
    }

    private func short(_ text: String) -> String { text.count > 30 ? text.prefix(29) + "…" : text }
}
