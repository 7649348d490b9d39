import Foundation
import SitRoomCore

/// A row that was not imported, and why.
public struct ImportSkip: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    /// Where the row is when a line number says little (an XML response's item); `line N` otherwise.
    public var place: String?

    public init(line: Int, reason: String, place: String? = nil) {
        self.line = line
        self.reason = reason
        self.place = place
    }

    public var description: String { "skipped \(place ?? "line \(line)"): \(SafeText.line(reason, limit: 300))" }
}

/// What an import did (or, in a dry run, would do): the officer's summary.
public struct ImportReport: Sendable, Equatable {
    /// "hospitals" or "contacts".
    public var what: String
    /// Lines said before the details: the file, its encoding, the columns used.
    public var preamble: [String] = []
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped: [ImportSkip] = []
    /// One line per updated record (which fields) and per agency added along the way.
    public var details: [String] = []
    /// Agencies added for contacts whose agency was not on the board.
    public var agenciesAdded = 0
    public var dryRun = false
    /// How the report tells to undo the import: the command line as it can be pasted, with the
    /// data directory or store it wrote to (the tool sets it; without one, the default directory).
    public var revertCommand = "sitroom revert"
    /// The sequence numbers written, lowest and highest.
    public var firstSeq: UInt64?
    public var lastSeq: UInt64?
    /// How many changes this import saved (fewer than the range spans when other consoles wrote in between).
    public var saved = 0
    /// Set when a write failed: the changes from there on are not saved.
    public var notSaved: String?

    public init(what: String) { self.what = what }

    /// True when every row was taken (added, updated or already so) and everything was saved.
    public var isClean: Bool { skipped.isEmpty && notSaved == nil }

    /// "added 68, updated 0, unchanged 0, skipped 0"
    public var counts: String {
        var text = "added \(added), updated \(updated), unchanged \(unchanged), skipped \(skipped.count)"
        if agenciesAdded > 0 { text += " (and \(agenciesAdded) new agenc\(agenciesAdded == 1 ? "y" : "ies"))" }
        return text
    }

    /// The whole report, one line each, ending in a newline.
    public var text: String {
        var lines = preamble + details
        lines += skipped.sorted { $0.line < $1.line }.map(\.description)
        lines.append(counts)
        if let notSaved { lines.append("NOT SAVED: \(notSaved)") }
        if dryRun {
            lines.append("dry run: nothing written")
        } else if let first = firstSeq, let last = lastSeq {
            let range = first == last ? "seq \(first)" : "seq \(first)–\(last)"
            let arg = first == last ? "\(first)" : "\(first)-\(last)"
            lines.append("written: \(range); undo the whole import with: \(revertCommand) \(arg)")
            let span = Int(last - first) + 1
            if span > saved {
                lines.append("note: \(span - saved) change\(span - saved == 1 ? "" : "s") by other consoles "
                    + "were saved inside this range; a revert of the range undoes them too")
            }
        } else {
            lines.append("nothing written")
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
