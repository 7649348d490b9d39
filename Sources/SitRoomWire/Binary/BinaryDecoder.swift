import Foundation

/// Reads what `BinaryEncoder` wrote, for the same types in the same declaration order.
public struct BinaryDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let source = ByteSource(bytes)
        let value = try source.read(type)
        guard source.position == bytes.count else {
            throw BinaryDecodingError("\(bytes.count - source.position) bytes left over")
        }
        return value
    }
}

public struct BinaryDecodingError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

final class ByteSource {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func byte() throws -> UInt8 {
        guard position < bytes.count else { throw BinaryDecodingError("unexpected end of data") }
        defer { position += 1 }
        return bytes[position]
    }

    func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw BinaryDecodingError("varint too long") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    func int() throws -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
        let v = try int()
        guard let result = I(exactly: v) else { throw BinaryDecodingError("\(v) does not fit \(I.self)") }
        return result
    }

    func string() throws -> String {
        // Compared as UInt64 first: a damaged length can exceed Int.max, and Int(_:) would trap.
        let length = try varint()
        guard length <= UInt64(bytes.count - position) else { throw BinaryDecodingError("string runs past the end") }
        let count = Int(length)
        defer { position += count }
        return bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[position..<position + count]), as: UTF8.self)
        }
    }

    func double() throws -> Double {
        guard bytes.count - position >= 8 else { throw BinaryDecodingError("unexpected end of data") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return Double(bitPattern: bits)
    }

    func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        case let b: throw BinaryDecodingError("bad boolean byte \(b)")
        }
    }

    func count() throws -> Int {
        guard bytes.count - position >= 4 else { throw BinaryDecodingError("unexpected end of data") }
        var c = 0
        for i in 0..<4 { c |= Int(bytes[position + i]) << (8 * i) }
        position += 4
        return c
    }

    func read<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return try string() as! T
        case is Int.Type: return try integer(Int.self) as! T
        case is Double.Type: return try double() as! T
        case is Bool.Type: return try bool() as! T
        case is Date.Type: return Date(timeIntervalSince1970: try double()) as! T
        default: return try T(from: BinaryDecoding(self))
        }
    }
}

struct BinaryDecoding: Decoder {
    let source: ByteSource
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ source: ByteSource) { self.source = source }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedBinaryReader<Key>(source: source))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { try UnkeyedBinaryReader(source: source) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleBinaryReader(source: source) }
}

struct SingleBinaryReader: SingleValueDecodingContainer {
    let source: ByteSource
    var codingPath: [CodingKey] = []
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try source.bool() }
    func decode(_ type: String.Type) throws -> String { try source.string() }
    func decode(_ type: Double.Type) throws -> Double { try source.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try source.double()) }
    func decode(_ type: Int.Type) throws -> Int { try source.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try source.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try source.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try source.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try source.int() }
    func decode(_ type: UInt.Type) throws -> UInt { try source.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try source.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try source.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try source.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try source.varint() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.read(type) }
}

struct UnkeyedBinaryReader: UnkeyedDecodingContainer {
    let source: ByteSource
    var codingPath: [CodingKey] = []
    let count: Int?
    var currentIndex = 0

    init(source: ByteSource) throws {
        self.source = source
        count = try source.count()
    }

    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func next() throws {
        guard !isAtEnd else { throw BinaryDecodingError("array read past its end") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        try next()
        if source.position < source.bytes.count, source.bytes[source.position] == 0 {
            source.position += 1
            return true
        }
        currentIndex -= 1
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try source.read(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(KeyedBinaryReader<NestedKey>(source: source))
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next()
        return try UnkeyedBinaryReader(source: source)
    }

    mutating func superDecoder() throws -> Decoder { try next(); return BinaryDecoding(source) }
}

struct KeyedBinaryReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: ByteSource
    var codingPath: [CodingKey] = []

    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool { try source.byte() == 0 }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try source.string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try source.double() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try source.integer(Int.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.read(type) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(type) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(type) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(type) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(type) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(type) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(type) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(type) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(type) }

    private func present<T: Decodable>(_ type: T.Type) throws -> T? {
        switch try source.byte() {
        case 0: return nil
        case 1: return try SingleBinaryReader(source: source).decode(type)
        case let b: throw BinaryDecodingError("bad presence byte \(b)")
        }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(KeyedBinaryReader<NestedKey>(source: source))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try UnkeyedBinaryReader(source: source)
    }

    func superDecoder() throws -> Decoder { BinaryDecoding(source) }
    func superDecoder(forKey key: Key) throws -> Decoder { BinaryDecoding(source) }
}
