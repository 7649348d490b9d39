import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One `<item>` of an NEMC open-API response: its child elements by name, as text, and the line
/// of the file it starts on (for the import report).
public struct EGenItem: Sendable, Equatable {
    public var line: Int
    public var fields: [String: String]

    public init(line: Int, fields: [String: String]) {
        self.line = line
        self.fields = fields
    }

    public subscript(_ name: String) -> String? {
        guard let text = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}

/// An NEMC (E-Gen) open-API response as the service returns it:
///
///     <response>
///       <header><resultCode>00</resultCode><resultMsg>NORMAL SERVICE.</resultMsg></header>
///       <body><items><item>…</item>…</items><numOfRows>10</numOfRows><pageNo>1</pageNo><totalCount>3</totalCount></body>
///     </response>
public struct EGenResponse: Sendable, Equatable {
    public var resultCode: String
    public var resultMessage: String
    public var items: [EGenItem]
    public var numOfRows: Int?
    public var pageNo: Int?
    public var totalCount: Int?

    /// The pages a fetch still needs after this one (none when the count is not known).
    public var lastPage: Int? {
        guard let rows = numOfRows, rows > 0, let total = totalCount else { return nil }
        return max(1, (total + rows - 1) / rows)
    }

    /// Foundation's own text for these is "The operation could not be completed".
    static func words(forParserError code: Int) -> String {
        switch XMLParser.ErrorCode(rawValue: code) {
        case .tagNameMismatchError?, .notWellBalancedError?: "an element is closed by the wrong tag"
        case .invalidCharacterError?, .invalidDecimalCharacterRefError?, .invalidHexCharacterRefError?:
            "a character that XML does not allow"
        case .encodingNotSupportedError?, .unknownEncodingError?: "an encoding the reader does not know"
        default: "XML parser error \(code)"
        }
    }

    /// Reads a response. Throws `EGenError` for a file that is not XML, not a response, or a
    /// response whose result code is not "00" (the service's own message is kept).
    public static func parse(_ data: Data) throws -> EGenResponse {
        let reader = ResponseReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = reader.failure { throw EGenError.notResponse(failure) }
        guard parsed, reader.rootClosed else {
            let reason = if !reader.sawRoot {
                "it does not start as XML (an HTML error page, or text?)"
            } else if parsed || XMLParser.ErrorCode(rawValue: (parser.parserError as NSError?)?.code ?? 0) == .prematureDocumentEndError {
                "it ends in the middle (cut short?)"
            } else {
                Self.words(forParserError: (parser.parserError as NSError?)?.code ?? 0)
            }
            throw EGenError.notXML(line: parser.lineNumber, reason: reason)
        }
        if reader.gatewayError {
            // The data portal's gateway answers a bad key or an exceeded quota with its own envelope.
            let code = reader.header["returnReasonCode"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "99"
            let message = [reader.header["errMsg"], reader.header["returnAuthMsg"]]
                .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                .joined(separator: ": ")
            throw EGenError.resultCode(code, message)
        }
        guard reader.sawRoot else { throw EGenError.notResponse("no <response> element") }
        guard let code = reader.header["resultCode"]?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            throw EGenError.notResponse("no <header><resultCode>")
        }
        let message = reader.header["resultMsg"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard code == "00" else { throw EGenError.resultCode(code, message) }
        func number(_ name: String) -> Int? {
            reader.body[name].flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return EGenResponse(
            resultCode: code, resultMessage: message, items: reader.items,
            numOfRows: number("numOfRows"), pageNo: number("pageNo"), totalCount: number("totalCount"))
    }
}

/// Why a response was refused as a whole.
public enum EGenError: Error, Equatable, CustomStringConvertible {
    case notXML(line: Int, reason: String)
    case notResponse(String)
    case resultCode(String, String)

    public var description: String {
        switch self {
        case .notXML(let line, let reason): "not XML (line \(line)): \(reason)"
        case .notResponse(let reason): "not an E-Gen response: \(reason)"
        case .resultCode(let code, let message):
            "the service answered result code \(code)\(message.isEmpty ? "" : " (\(message))")"
                + (EGenError.knownCodes[code].map { ": \($0)" } ?? "")
        }
    }

    /// The data portal's common result codes, in words.
    static let knownCodes: [String: String] = [
        "01": "application error", "02": "database error", "03": "no data", "04": "HTTP error",
        "05": "service time-out", "10": "invalid request parameter", "11": "a required parameter is missing",
        "12": "no such service or it was withdrawn", "20": "service access denied",
        "22": "the key's request limit is exceeded", "30": "the service key is not registered",
        "31": "the service key has expired", "32": "the IP address is not registered", "99": "unknown error",
    ]
}

/// Collects the header, the body's paging fields and every item's leaf elements.
private final class ResponseReader: NSObject, XMLParserDelegate {
    var header: [String: String] = [:]
    var body: [String: String] = [:]
    var items: [EGenItem] = []
    var sawRoot = false
    /// Set when the root element's end tag is read: without it the file was cut short, whatever
    /// the parser says (Foundation's parser on Linux accepts a document that stops mid-element).
    var rootClosed = false
    /// The root was the portal gateway's `<OpenAPI_ServiceResponse>`; its `<cmmMsgHeader>` is in `header`.
    var gatewayError = false
    var failure: String?

    private var path: [String] = []
    private var text = ""
    private var item: EGenItem?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if path.isEmpty {
            if name == "OpenAPI_ServiceResponse" { gatewayError = true }
            guard name == "response" || gatewayError else {
                failure = "the root element is <\(name)>, not <response>"
                parser.abortParsing()
                return
            }
            sawRoot = true
        }
        if name == "item", path.last == "items" {
            item = EGenItem(line: parser.lineNumber, fields: [:])
        }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA data: Data) { text += String(decoding: data, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        if path.isEmpty { rootClosed = true }
        let parent = path.last
        if name == "item", parent == "items", let done = item {
            items.append(done)
            item = nil
        } else if item != nil, parent == "item" {
            item?.fields[name] = text
        } else if parent == "header" || parent == "cmmMsgHeader" {
            header[name] = text
        } else if parent == "body" {
            body[name] = text
        }
        text = ""
    }
}
