import Foundation
import SitRoomCore

/// A value with a hand-written wire coding: fields written and read in the same fixed order.
/// Adding a field means a new payload tag (journal) or snapshot magic, as 0x01 → 0x02 did.
protocol WireCodable {
    func write(to w: inout WireWriter)
    init(wire r: inout WireReader) throws
}

extension WireWriter {
    @inline(__always)
    mutating func value<T: WireCodable>(_ value: T) { value.write(to: &self) }

    mutating func optional<T: WireCodable>(_ value: T?) { optional(value) { $0.value($1) } }
    mutating func array<T: WireCodable>(_ values: [T]) { array(values) { $0.value($1) } }
}

extension WireReader {
    @inline(__always)
    mutating func value<T: WireCodable>(_: T.Type = T.self) throws -> T { try T(wire: &self) }

    mutating func optional<T: WireCodable>(_: T.Type = T.self) throws -> T? { try optional { try T(wire: &$0) } }
    mutating func array<T: WireCodable>(_: T.Type = T.self) throws -> [T] { try array { try T(wire: &$0) } }
}

extension Int: WireCodable {
    func write(to w: inout WireWriter) { w.int(self) }
    init(wire r: inout WireReader) throws { self = try r.int() }
}

extension Bool: WireCodable {
    func write(to w: inout WireWriter) { w.bool(self) }
    init(wire r: inout WireReader) throws { self = try r.bool() }
}

extension String: WireCodable {
    func write(to w: inout WireWriter) { w.string(self) }
    init(wire r: inout WireReader) throws { self = try r.string() }
}

extension ActionStatus: WireCodable {
    func write(to w: inout WireWriter) { w.code(self) }
    init(wire r: inout WireReader) throws { self = try r.code(ActionStatus.self) }
}
