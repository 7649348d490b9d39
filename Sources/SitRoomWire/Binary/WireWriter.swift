import Foundation

/// The writing half of the wire coding: hand-written, one call per field, no `Codable` machinery
/// (the generic `BinaryEncoder` spent most of a burst commit in witness tables and dynamic casts).
///
/// Integers are zigzag varints, strings a varint length and UTF-8, doubles and dates 8 bytes
/// little-endian (a `Date` as its seconds since 1970, so any date reads back exactly), optionals a
/// presence byte, arrays a varint count, enums one byte (their tables are in Wire+Enums.swift).
public struct WireWriter {
    public var bytes: [UInt8]

    public init(bytes: [UInt8] = []) { self.bytes = bytes }

    @inline(__always)
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func date(_ value: Date) { double(value.timeIntervalSince1970) }

    mutating func count(_ value: Int) { varint(UInt64(value)) }

    /// A presence byte, then the value if there is one.
    @inline(__always)
    mutating func optional<T>(_ value: T?, _ write: (inout WireWriter, T) -> Void) {
        if let value {
            bytes.append(1)
            write(&self, value)
        } else {
            bytes.append(0)
        }
    }

    mutating func array<T>(_ values: [T], _ write: (inout WireWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }
}
