import Foundation
import SitRoomUI

/// With SITROOM_SCREEN_DUMP=FILE the console writes each frame it hands to the terminal to FILE as
/// text: a first line `WIDTHxHEIGHT`, then the buffer's rows (a wide character once, trailing blanks
/// kept). The screen audit compares it cell by cell with what tmux shows. Written to a temporary file
/// and renamed, so a reader never sees half a frame; only when the text changed.
struct ScreenDump {
    private let path: String
    private var lastText = ""

    init?(environment: [String: String]) {
        guard let path = environment["SITROOM_SCREEN_DUMP"], !path.isEmpty else { return nil }
        self.path = path
    }

    mutating func write(_ buffer: ScreenBuffer) {
        let text = "\(buffer.width)x\(buffer.height)\n" + buffer.lines.joined(separator: "\n") + "\n"
        guard text != lastText else { return }
        lastText = text
        let scratch = path + ".tmp"
        guard FileManager.default.createFile(atPath: scratch, contents: Data(text.utf8)) else { return }
        _ = rename(scratch, path)
    }
}
