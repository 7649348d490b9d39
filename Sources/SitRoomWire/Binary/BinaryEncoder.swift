import Foundation

/// A compact positional encoding through `Codable`: fields in declaration order, no keys. Journal
/// records (tag 0x01) and snapshots ("SRSNAP01") were written with it before the wire coding
/// (`WireWriter`); sitroom no longer writes it, and keeps `BinaryDecoder` to read them. The tests
/// use this encoder to make such old data.
/// Keyed containers with dynamic keys (dictionaries) are not supported: encode arrays instead.
public struct BinaryEncoder {
    public init() {}

    /// Optionals are supported as struct fields (with a presence byte), not as array elements or
    /// single values, where Codable gives no way to mark the present case.
    static func optionalNotSupported(_ path: [CodingKey]) -> EncodingError {
        EncodingError.invalidValue(
            Optional<Int>.none as Any, .init(codingPath: path, debugDescription: "optional outside a struct field"))
    }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = ByteSink()
        try value.encode(to: BinaryEncoding(sink))
        return sink.bytes
    }
}

final class ByteSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

struct BinaryEncoding: Encoder {
    let sink: ByteSink
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ sink: ByteSink) { self.sink = sink }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedBinary<Key>(sink: sink))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedBinary(sink: sink) }
    func singleValueContainer() -> SingleValueEncodingContainer { SingleBinary(sink: sink) }
}

/// Shared by every container: one value, written where the sink stands.
protocol BinaryWriting {
    var sink: ByteSink { get }
}

extension BinaryWriting {
    func write(_ value: Bool) { sink.bytes.append(value ? 1 : 0) }
    func write(_ value: String) { sink.string(value) }
    func write(_ value: Double) { sink.double(value) }
    func write(_ value: Float) { sink.double(Double(value)) }
    func writeInt<I: BinaryInteger>(_ value: I) { sink.int(Int64(value)) }
    func writeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let v as String: write(v)
        case let v as Int: writeInt(v)
        case let v as Double: write(v)
        case let v as Bool: write(v)
        case let v as Date: write(v.timeIntervalSince1970)
        default: try value.encode(to: BinaryEncoding(sink))
        }
    }
}

struct SingleBinary: SingleValueEncodingContainer, BinaryWriting {
    let sink: ByteSink
    var codingPath: [CodingKey] = []
    mutating func encodeNil() throws { throw BinaryEncoder.optionalNotSupported(codingPath) }
    mutating func encode(_ value: Bool) throws { write(value) }
    mutating func encode(_ value: String) throws { write(value) }
    mutating func encode(_ value: Double) throws { write(value) }
    mutating func encode(_ value: Float) throws { write(value) }
    mutating func encode(_ value: Int) throws { writeInt(value) }
    mutating func encode(_ value: Int8) throws { writeInt(value) }
    mutating func encode(_ value: Int16) throws { writeInt(value) }
    mutating func encode(_ value: Int32) throws { writeInt(value) }
    mutating func encode(_ value: Int64) throws { writeInt(value) }
    mutating func encode(_ value: UInt) throws { writeInt(value) }
    mutating func encode(_ value: UInt8) throws { writeInt(value) }
    mutating func encode(_ value: UInt16) throws { writeInt(value) }
    mutating func encode(_ value: UInt32) throws { writeInt(value) }
    mutating func encode(_ value: UInt64) throws { sink.varint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writeValue(value) }
}

/// Arrays: a 4-byte count placeholder, patched as elements arrive (Codable has no "end of array" call).
final class UnkeyedBinary: UnkeyedEncodingContainer, BinaryWriting {
    let sink: ByteSink
    var codingPath: [CodingKey] = []
    private(set) var count = 0
    private let countAt: Int

    init(sink: ByteSink) {
        self.sink = sink
        countAt = sink.bytes.count
        sink.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private func counted() {
        count += 1
        let c = UInt32(count)
        sink.bytes.withUnsafeMutableBufferPointer { b in
            b[countAt] = UInt8(truncatingIfNeeded: c)
            b[countAt + 1] = UInt8(truncatingIfNeeded: c >> 8)
            b[countAt + 2] = UInt8(truncatingIfNeeded: c >> 16)
            b[countAt + 3] = UInt8(truncatingIfNeeded: c >> 24)
        }
    }

    func encodeNil() throws { throw BinaryEncoder.optionalNotSupported(codingPath) }
    func encode(_ value: Bool) throws { counted(); write(value) }
    func encode(_ value: String) throws { counted(); write(value) }
    func encode(_ value: Double) throws { counted(); write(value) }
    func encode(_ value: Int) throws { counted(); writeInt(value) }
    func encode<T: Encodable>(_ value: T) throws { counted(); try writeValue(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return KeyedEncodingContainer(KeyedBinary<NestedKey>(sink: sink))
    }

    func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { counted(); return UnkeyedBinary(sink: sink) }
    func superEncoder() -> Encoder { counted(); return BinaryEncoding(sink) }
}

struct KeyedBinary<Key: CodingKey>: KeyedEncodingContainerProtocol, BinaryWriting {
    let sink: ByteSink
    var codingPath: [CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { sink.bytes.append(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { write(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { writeInt(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try writeValue(value) }

    // Optionals: a presence byte, so that positions stay fixed.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value) }

    private func present<T: Encodable>(_ value: T?) throws {
        if let value {
            sink.bytes.append(1)
            try writeValue(value)
        } else {
            sink.bytes.append(0)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedBinary<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { UnkeyedBinary(sink: sink) }
    mutating func superEncoder() -> Encoder { BinaryEncoding(sink) }
    mutating func superEncoder(forKey key: Key) -> Encoder { BinaryEncoding(sink) }
}
