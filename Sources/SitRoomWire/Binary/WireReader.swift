import Foundation

/// The reading half of the wire coding (see `WireWriter`), over bytes the caller keeps alive.
///
/// Every length and count comes from the data and may be hostile: each is checked against the
/// bytes left before anything is read or allocated, compared as UInt64 (a length of 2^63 or more
/// would trap in `Int(_:)`), and a count can never ask for more elements than there are bytes left.
public struct WireReader {
    let base: UnsafeRawBufferPointer
    public private(set) var position: Int

    public init(_ base: UnsafeRawBufferPointer, position: Int = 0) {
        self.base = base
        self.position = position
    }

    public var remaining: Int { base.count - position }
    public var isAtEnd: Bool { position == base.count }

    static func damage(_ what: String) -> BinaryDecodingError { BinaryDecodingError(what) }

    @inline(__always)
    mutating func byte() throws -> UInt8 {
        guard position < base.count else { throw Self.damage("unexpected end of data") }
        defer { position += 1 }
        return base[position]
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Self.damage("varint too long") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let v = try varint()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let b: throw Self.damage("bad boolean byte \(b)")
        }
    }

    mutating func string() throws -> String {
        let length = try varint()
        guard length <= UInt64(remaining) else { throw Self.damage("string runs past the end") }
        let start = position
        position += Int(length)
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[start..<position]), as: UTF8.self)
    }

    mutating func double() throws -> Double {
        guard remaining >= 8 else { throw Self.damage("unexpected end of data") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(base[position + i]) << (8 * UInt64(i)) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func date() throws -> Date { Date(timeIntervalSince1970: try double()) }

    /// An element count: every element takes at least `minimumSize` bytes, so a count the bytes
    /// left cannot hold is damage, refused before any array is reserved for it.
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let n = try varint()
        guard n <= UInt64(remaining / max(minimumSize, 1)) else { throw Self.damage("count \(n) runs past the end") }
        return Int(n)
    }

    @inline(__always)
    mutating func optional<T>(_ read: (inout WireReader) throws -> T) throws -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        case let b: throw Self.damage("bad presence byte \(b)")
        }
    }

    /// `headroom(n)` more elements are reserved than the count says, for an array that will grow.
    mutating func array<T>(
        minimumSize: Int = 1, headroom: (Int) -> Int = { _ in 0 }, _ read: (inout WireReader) throws -> T
    ) throws -> [T] {
        let n = try count(minimumSize: minimumSize)
        var values: [T] = []
        values.reserveCapacity(n + headroom(n))
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    /// One byte naming a case of `table`.
    mutating func code<T>(_ table: [T], _ name: String) throws -> T {
        let b = Int(try byte())
        guard b < table.count else { throw Self.damage("unknown \(name) code \(b)") }
        return table[b]
    }

    /// Everything must have been read: bytes left over mean the data is not what it claims to be.
    func finish() throws {
        guard isAtEnd else { throw Self.damage("\(remaining) bytes left over") }
    }
}
