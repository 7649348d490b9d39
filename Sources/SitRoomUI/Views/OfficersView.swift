import SitRoomCore

/// What the roster view adds to its table: with no roster, how to start one; below the table, how
/// an admin changes it (keys on the command line: they are too long for the `:` line).
enum OfficersView {
    static let changeNote = " admin: :officer role|desk|name|retire ID … · keys: sitroom officers edit ID --key KEY.pub "

    static let emptyLines: [(String, Role)] = [
        ("No roster yet: everyone who can open this situation may change everything.", .normal),
        ("Start one on the command line, yourself first as admin:", .muted),
        ("  sitroom officers add ID --name NAME --role admin --os-user $USER", .normal),
        ("Then :officer add ID NAME role=officer user=OS-USER here, or sitroom officers add … --key KEY.pub.", .muted),
    ]

    static func decorate(_ buffer: inout ScreenBuffer, _ model: AppModel, _ content: PanelContent, _ inner: Rect) {
        guard inner.height > 0 else { return }
        if model.board.roster.isEmpty {
            for (i, line) in emptyLines.enumerated() where i + 1 < inner.height {
                buffer.put(line.0, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 1, role: line.1)
            }
            return
        }
        // On the bottom border, left of the row counter.
        guard inner.maxY < buffer.height else { return }
        let room = inner.width - (content.rows.count > inner.height - 1 ? 14 : 2)
        if TextWidth.of(changeNote) <= room {
            buffer.put(changeNote, x: inner.x + 1, y: inner.maxY, maxWidth: room, role: .muted)
        } else if TextWidth.of(shortNote) <= room {
            buffer.put(shortNote, x: inner.x + 1, y: inner.maxY, maxWidth: room, role: .muted)
        }
    }

    static let shortNote = " admin: :officer role|desk|retire ID … "
}
