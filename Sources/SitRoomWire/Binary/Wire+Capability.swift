import Foundation
import SitRoomCore

// The capability records (issue 15) in the wire coding. A dictionary is written as its entries
// sorted by key, so the same board always gives the same bytes.

extension Availability: WireEnum {
    static let wireCases: [Availability] = [.available, .unavailable, .unknown]
}

extension WireWriter {
    mutating func dictionary<V>(_ d: [String: V], _ write: (inout WireWriter, V) -> Void) {
        count(d.count)
        for key in d.keys.sorted() {
            string(key)
            write(&self, d[key]!)
        }
    }

    mutating func dictionary<V: WireCodable>(_ d: [String: V]) { dictionary(d) { $0.value($1) } }
}

extension WireReader {
    /// A key read twice is damage: the writer never writes one twice.
    mutating func dictionary<V>(_ read: (inout WireReader) throws -> V) throws -> [String: V] {
        let n = try count(minimumSize: 2)
        var d: [String: V] = [:]
        d.reserveCapacity(n)
        for _ in 0..<n {
            let key = try string()
            guard d.updateValue(try read(&self), forKey: key) == nil else { throw Self.damage("key \(key) twice") }
        }
        return d
    }

    mutating func dictionary<V: WireCodable>(_: V.Type = V.self) throws -> [String: V] { try dictionary { try V(wire: &$0) } }
}

extension Condition: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(code)
        w.string(korean)
        w.string(english)
        w.string(short)
        w.string(feedField)
    }

    init(wire r: inout WireReader) throws {
        self.init(code: try r.string(), korean: try r.string(), english: try r.string(), short: try r.string(), feedField: try r.string())
    }
}

extension ConditionTable: WireCodable {
    func write(to w: inout WireWriter) { w.array(conditions) }
    init(wire r: inout WireReader) throws { self.init(try r.array()) }
}

extension ConditionStatus: WireCodable {
    func write(to w: inout WireWriter) {
        w.code(availability)
        w.string(reason)
    }

    init(wire r: inout WireReader) throws {
        self.init(try r.code(Availability.self), reason: try r.string())
    }
}

extension ERVisits: WireCodable {
    func write(to w: inout WireWriter) {
        w.int(total)
        w.int(severe)
        w.int(mild)
    }

    init(wire r: inout WireReader) throws {
        self.init(total: try r.int(), severe: try r.int(), mild: try r.int())
    }
}

/// Its text: `24h` is all day (as in JSON).
extension ERHours: WireCodable {
    func write(to w: inout WireWriter) {
        switch self {
        case .allDay: w.byte(0)
        case .restricted(let hours): w.byte(1); w.string(hours)
        }
    }

    init(wire r: inout WireReader) throws {
        switch try r.byte() {
        case 0: self = .allDay
        case 1: self = .restricted(try r.string())
        case let b: throw WireReader.damage("bad ER hours byte \(b)")
        }
    }
}

extension HospitalCapability: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(hospitalId)
        w.dictionary(conditions)
        w.dictionary(equipment)
        w.optional(hours)
        w.optional(visits)
    }

    init(wire r: inout WireReader) throws {
        self.init(hospitalId: try r.string(), conditions: try r.dictionary(), equipment: try r.dictionary(),
                  hours: try r.optional(), visits: try r.optional())
    }
}

extension Restriction: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(hospitalId)
        w.string(text)
        w.string(category)
        w.date(from)
        w.optional(until) { $0.date($1) }
        w.value(entered)
        w.optional(ended)
    }

    init(wire r: inout WireReader) throws {
        self.init(id: try r.string(), hospitalId: try r.string(), text: try r.string(), category: try r.string(),
                  from: try r.date(), until: try r.optional { try $0.date() }, entered: try r.value(), ended: try r.optional())
    }
}

extension CapabilityReport: WireCodable {
    func write(to w: inout WireWriter) {
        w.dictionary(conditions)
        w.dictionary(equipment)
        w.optional(hours)
        w.optional(visits)
    }

    init(wire r: inout WireReader) throws {
        self.init(conditions: try r.dictionary(), equipment: try r.dictionary(), hours: try r.optional(), visits: try r.optional())
    }
}

extension CapabilityKeys: WireCodable {
    func write(to w: inout WireWriter) {
        w.array(conditions)
        w.array(equipment)
        w.bool(hours)
        w.bool(visits)
    }

    init(wire r: inout WireReader) throws {
        self.init(conditions: try r.array(), equipment: try r.array(), hours: try r.bool(), visits: try r.bool())
    }
}

extension Baselines: WireCodable {
    func write(to w: inout WireWriter) {
        w.dictionary(national)
        w.dictionary(hospitals) { $0.dictionary($1) }
    }

    init(wire r: inout WireReader) throws {
        self.init(national: try r.dictionary(), hospitals: try r.dictionary { try $0.dictionary(Reported<Int>.self) })
    }
}

extension BaselineValues: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(moment) { $0.date($1) }
        w.dictionary(national)
        w.dictionary(hospitals) { $0.dictionary($1) }
    }

    init(wire r: inout WireReader) throws {
        self.init(moment: try r.optional { try $0.date() }, national: try r.dictionary(),
                  hospitals: try r.dictionary { try $0.dictionary(Int.self) })
    }
}

/// The capability tables of a snapshot ("SRSNAP03"), after the briefings: the condition table, the
/// capabilities and restrictions in id order, the baselines.
enum CapabilityWire {
    static func write(_ document: BoardDocument, to w: inout WireWriter) {
        w.value(document.conditions)
        w.array(document.capabilities)
        w.array(document.restrictions)
        w.value(document.baselines)
        w.dictionary(document.feedConflicts) { $0.array($1) }
    }

    static func read(_ r: inout WireReader, into document: inout BoardDocument) throws {
        document.conditions = try r.value()
        document.capabilities = try r.array()
        document.restrictions = try r.array()
        document.baselines = try r.value()
        document.feedConflicts = try r.dictionary { try $0.array() }
    }
}
