import SitRoomCore

/// A snapshot's body in the wire coding: the board's tables as `BoardDocument` orders them (by id;
/// the log, calls, alert history and briefings in entry order). The header carries the sequence
/// number, and the magic the format, so neither is repeated here.
enum BoardWire {
    static func write(_ board: Board, seq: UInt64, to w: inout WireWriter) {
        let document = BoardDocument(board, seq: seq)
        w.value(document.incident)
        w.array(document.hospitals)
        w.array(document.strikes)
        w.array(document.agencies)
        w.array(document.contacts)
        w.array(document.calls)
        w.array(document.log)
        w.array(document.actions)
        w.array(document.alerts)
        w.array(document.alertHistory)
        w.array(document.briefings)
        CapabilityWire.write(document, to: &w)
        SecurityWire.write(board, to: &w)
        RosterWire.write(board, to: &w)
        AlertRulesWire.write(board, to: &w)
    }

    /// The log only grows after a snapshot, first while the journal is replayed. Without room to
    /// spare, the first entry appended doubles the array, and for a moment both copies are alive:
    /// for 100,000 entries of 120 bytes, 12 MB became 24 MB plus the 12 MB being copied, the
    /// largest part of the peak of opening the large scenario.
    static func logHeadroom(_ count: Int) -> Int { count / 4 + 256 }

    /// `version` 2 ("SRSNAP02") ends after the briefings; 3 goes on with the capability tables, then
    /// the security tables; 4 with the roster; 5 with the alert rules and the figures' origins.
    static func read(_ r: inout WireReader, seq: UInt64, version: Int = Snapshot.version) throws -> Board {
        var document = BoardDocument(Board(), seq: seq)
        document.incident = try r.value()
        document.hospitals = try r.array()
        document.strikes = try r.array()
        document.agencies = try r.array()
        document.contacts = try r.array()
        document.calls = try r.array()
        document.log = try r.array(headroom: logHeadroom) { try LogEntry(wire: &$0) }
        document.actions = try r.array()
        document.alerts = try r.array()
        document.alertHistory = try r.array()
        document.briefings = try r.array()
        if version >= 3 { try CapabilityWire.read(&r, into: &document) }
        var board = document.board
        if version >= 3 { try SecurityWire.read(&r, into: &board) }
        if version >= 4 { try RosterWire.read(&r, into: &board) }
        if version >= 5 { try AlertRulesWire.read(&r, into: &board) }
        try r.finish()
        return board
    }

    /// The incident and the hospitals, the first two tables; the reader is left after them.
    static func readHospitals(_ r: inout WireReader) throws -> Board {
        var board = Board(incident: try r.value())
        let hospitals: [Hospital] = try r.array()
        board.hospitals = Dictionary(hospitals.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        return board
    }

    static func hospitalsOf(_ whole: Board) -> Board {
        var board = Board(incident: whole.incident)
        board.hospitals = whole.hospitals
        return board
    }
}
