import Foundation
import SitRoomCore

// The small values every hospital figure is made of.

extension Stamp: WireCodable {
    func write(to w: inout WireWriter) {
        w.date(at)
        w.string(by)
    }

    init(wire r: inout WireReader) throws {
        self.init(at: try r.date(), by: try r.string())
    }
}

extension Reported: WireCodable where Value: WireCodable {
    func write(to w: inout WireWriter) {
        w.value(value)
        w.date(at)
        w.string(by)
    }

    init(wire r: inout WireReader) throws {
        self.init(try r.value(Value.self), at: try r.date(), by: try r.string())
    }
}

extension Capacity: WireCodable {
    func write(to w: inout WireWriter) {
        w.int(available)
        w.int(staffed)
    }

    init(wire r: inout WireReader) throws {
        self.init(available: try r.int(), staffed: try r.int())
    }
}

extension Staffing: WireCodable {
    func write(to w: inout WireWriter) {
        w.int(onDuty)
        w.int(minimum)
    }

    init(wire r: inout WireReader) throws {
        self.init(onDuty: try r.int(), minimum: try r.int())
    }
}

extension ERStatus: WireCodable {
    func write(to w: inout WireWriter) {
        w.code(state)
        w.string(reason)
    }

    init(wire r: inout WireReader) throws {
        self.init(state: try r.code(ERState.self), reason: try r.string())
    }
}
