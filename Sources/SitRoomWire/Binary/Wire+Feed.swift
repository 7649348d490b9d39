import Foundation
import SitRoomCore

// The feed's records (`feed.report`, `feed.revert`, the conflicts kept on the board) in the wire coding.

extension FeedReport: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(source)
        w.date(asOf)
        w.optional(erBeds)
        w.optional(icuBeds)
        w.optional(nicuBeds)
        w.value(capability)
    }

    init(wire r: inout WireReader) throws {
        self.init(source: try r.string(), asOf: try r.date(), erBeds: try r.optional(), icuBeds: try r.optional(),
                  nicuBeds: try r.optional(), capability: try r.value())
    }
}

extension FeedConflict: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(figure)
        w.string(hand)
        w.value(handStamp)
        w.string(feed)
        w.value(feedStamp)
    }

    init(wire r: inout WireReader) throws {
        self.init(figure: try r.string(), hand: try r.string(), handStamp: try r.value(), feed: try r.string(), feedStamp: try r.value())
    }
}

extension FeedUndo: WireCodable {
    func write(to w: inout WireWriter) {
        w.fields(fields)
        w.value(hospital)
        w.value(keys)
        w.value(capability)
        w.array(conflicts)
    }

    init(wire r: inout WireReader) throws {
        self.init(fields: try r.fields(), hospital: try r.value(), keys: try r.value(), capability: try r.value(),
                  conflicts: try r.array())
    }
}
