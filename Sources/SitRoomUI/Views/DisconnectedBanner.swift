import Foundation
import SitRoomCore

/// In place of the national figures while the server is out of reach: that the board may be out
/// of date, since when, why, and that entries are refused rather than queued. Or that this console
/// may no longer write to it, and why.
enum DisconnectedBanner {
    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, rows y: Int) {
        let width = buffer.width
        if case .writingStopped(let server, let reason) = model.server {
            buffer.fill(Rect(x: 0, y: y, width: width, height: 2), role: .notSaved)
            buffer.put(" ✖ WRITING STOPPED on \(server): " + SafeText.line(reason, limit: 300), x: 0, y: y, maxWidth: width, role: .notSaved)
            buffer.put(" The board follows the server; nothing entered here is saved until sitroom is restarted.",
                       x: 0, y: y + 1, maxWidth: width, role: .notSaved)
            return
        }
        guard case .disconnected(let server, let since, let reason, let nextTry) = model.server else { return }
        buffer.fill(Rect(x: 0, y: y, width: width, height: 2), role: .notSaved)
        let down = Int(max(0, model.now.timeIntervalSince(since)))
        let downFor = String(format: "%d:%02d", down / 60, down % 60)
        let retry = nextTry.map { "retrying in \(max(1, Int($0.timeIntervalSince(model.now).rounded(.up)))) s" } ?? "retrying now"
        let why = SafeText.line(reason, limit: 200)
        let when = "since \(Format.time(since, model.timeZone)) (\(downFor)), \(retry): "
        var first = " ✖ DISCONNECTED from \(server) " + when + why
        var second = " The board is as of #\(model.seq) and may be out of date. Entries are refused, not queued: "
            + "enter them again once connected."
        // Narrow: the server's address gives way first, then the long wording.
        if DisplayWidth.of(first) - DisplayWidth.of(why) + 12 > width { first = " ✖ DISCONNECTED " + when + why }
        if DisplayWidth.of(second) > width { second = " Board as of #\(model.seq), may be out of date. Entries refused, not queued." }
        buffer.put(first, x: 0, y: y, maxWidth: width, role: .notSaved)
        buffer.put(second, x: 0, y: y + 1, maxWidth: width, role: .notSaved)
    }
}
