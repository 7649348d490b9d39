import SitRoomCore

extension DetailView {
    /// An officer's whole record: the full key fingerprints and the public keys with their comments.
    static func officer(_ o: Officer, _ model: AppModel) -> (String, [Line]) {
        let zone = model.timeZone
        var lines: [Line] = [
            field("Id", o.id), field("Name", o.name), field("Desk", o.desk), field("Role", o.role.rawValue + "  (" + o.role.mayDo + ")"),
            field("Retired", o.retired.map { Format.dateTime($0.at, zone) + " by " + $0.by } ?? "no"),
            field("OS users", o.osUsers.joined(separator: " ")),
            [], [("SSH key fingerprints (\(o.keys.count))", .header)],
        ]
        lines += o.keys.isEmpty ? [[("none", .muted)]] : o.keys.map { [($0, .normal)] }
        lines += [[], [("Public keys, as authorized-keys prints them (\(o.publicKeys.count))", .header)]]
        for key in o.publicKeys {
            let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
            let body = parts.count > 1 ? String(parts[1].prefix(12)) + "…" + String(parts[1].suffix(8)) : ""
            lines.append([(parts[0] + " ", .muted), (body, .muted), (parts.count > 2 ? "  " + parts[2] : "  (no comment)", .normal)])
        }
        if o.publicKeys.isEmpty { lines.append([("none", .muted)]) }
        lines += [[], [("Keys are added on the command line: sitroom officers edit \(o.id) --key KEY.pub", .muted)],
                  [("An admin changes the rest here: :officer role|desk|name|retire \(o.id) …", .muted)]]
        return ("Officer " + o.id + " — " + o.name, lines)
    }
}

extension OfficerRole {
    /// What the role may do, in a few words.
    var mayDo: String {
        switch self {
        case .watch: "reads only"
        case .officer: "enters reports, the log, calls, actions"
        case .supervisor: "also acknowledges alerts, marks briefings, imports, deletes"
        case .admin: "also keeps the roster and the alert rules"
        }
    }
}
