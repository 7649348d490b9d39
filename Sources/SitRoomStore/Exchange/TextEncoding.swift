import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The character encoding of a file to import, and turning its bytes into text.
///
/// Korea's public data portal serves CP949 (the Windows superset of EUC-KR); spreadsheets save
/// UTF-8, often with a byte order mark. Detection: a UTF-8 BOM means UTF-8; bytes that are valid
/// UTF-8 are UTF-8; anything else is taken as CP949. Any other encoding iconv knows can be forced.
public enum TextEncoding: Equatable, Sendable, CustomStringConvertible {
    case utf8
    case utf8WithBOM
    /// An encoding converted by iconv, by its iconv name (e.g. "CP949").
    case iconv(String)

    public static let cp949 = TextEncoding.iconv("CP949")

    /// What `--encoding` takes: `auto` (nil), `utf-8`, `cp949`, `euc-kr`, or any name iconv knows.
    public static func named(_ name: String) -> TextEncoding? {
        switch name.lowercased() {
        case "auto", "": nil
        case "utf-8", "utf8": .utf8
        // EUC-KR files are CP949 files: CP949 only adds characters.
        case "cp949", "euc-kr", "euckr", "uhc", "ms949": .cp949
        default: .iconv(name.uppercased())
        }
    }

    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8WithBOM: "UTF-8 with BOM"
        case .iconv(let name): name
        }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// BOM → UTF-8 with BOM; valid UTF-8 → UTF-8; otherwise CP949.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: bom) { return .utf8WithBOM }
        if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
        return .cp949
    }

    /// The text of `bytes` in this encoding (a leading BOM is dropped). Throws, naming the line, on
    /// bytes that are not valid in it.
    public func decode(_ bytes: [UInt8]) throws -> String {
        switch self {
        case .utf8, .utf8WithBOM:
            let body = bytes.starts(with: Self.bom) ? Array(bytes.dropFirst(3)) : bytes
            guard let text = String(validating: body, as: UTF8.self) else {
                let offset = Self.firstInvalidUTF8(body)
                throw ImportError("line \(Self.line(at: offset, in: body)): not valid UTF-8 "
                    + "(try --encoding cp949)")
            }
            return text
        case .iconv(let name):
            let utf8 = try Self.convert(bytes, from: name)
            let body = utf8.starts(with: Self.bom) ? Array(utf8.dropFirst(3)) : utf8
            return String(decoding: body, as: UTF8.self)
        }
    }

    /// Converts `bytes` from the named encoding to UTF-8 with iconv.
    static func convert(_ bytes: [UInt8], from name: String) throws -> [UInt8] {
        let cd = iconv_open("UTF-8", name)
        guard let cd, Int(bitPattern: cd) != -1 else {
            throw ImportError("unknown encoding \"\(name)\" (iconv does not know it; try utf-8 or cp949)")
        }
        defer { iconv_close(cd) }
        var input = bytes
        // CP949 takes at most 2 bytes per character and UTF-8 at most 3 for Hangul: 2x is enough,
        // but grow anyway if another encoding needs more.
        var output = [UInt8](repeating: 0, count: max(16, bytes.count * 2))
        var written = 0
        var consumed = 0
        while true {
            var inLeft = input.count - consumed
            var outLeft = output.count - written
            let result = input.withUnsafeMutableBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress.map {
                        $0.assumingMemoryBound(to: CChar.self) + consumed
                    }
                    var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress.map {
                        $0.assumingMemoryBound(to: CChar.self) + written
                    }
                    return Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                }
            }
            let code = errno
            consumed = input.count - inLeft
            written = output.count - outLeft
            if result != -1 { break }
            switch code {
            case E2BIG:
                output += [UInt8](repeating: 0, count: output.count)
            case EILSEQ, EINVAL:
                let what = code == EINVAL ? "ends inside a character" : "is not valid"
                throw ImportError("line \(line(at: consumed, in: bytes)): byte 0x"
                    + String(format: "%02X", bytes[min(consumed, bytes.count - 1)])
                    + " \(what) in \(name) (try --encoding utf-8)")
            default:
                throw ImportError("converting from \(name): \(String(cString: strerror(code)))")
            }
        }
        return Array(output[..<written])
    }

    /// The 1-based line of a byte offset.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}

/// Why an import could not start or a file could not be read, in words an officer reads.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
