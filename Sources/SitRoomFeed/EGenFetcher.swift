import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches every page of one NEMC open-API operation over HTTP(S): the service key and the paging
/// parameters are added to the URL, pages are read until the response's `totalCount` is covered.
/// The bytes are returned as served; `EGenResponse.parse` reads them.
public struct EGenFetcher: Sendable {
    public var url: String
    public var serviceKey: String
    /// For each request, from sending it to the last byte of the answer.
    public var timeout: TimeInterval
    public var rowsPerPage: Int
    /// A runaway `totalCount` must not make thousands of requests.
    public var pageLimit: Int

    public init(url: String, serviceKey: String, timeout: TimeInterval = 20, rowsPerPage: Int = 500, pageLimit: Int = 50) {
        self.url = url
        self.serviceKey = serviceKey
        self.timeout = timeout
        self.rowsPerPage = rowsPerPage
        self.pageLimit = pageLimit
    }

    /// Every page's body, first page first. `progress` is told each page as it arrives.
    /// `lastPage` reads a page's paging fields (so that this module needs no XML).
    public func fetchPages(lastPage: (Data) -> Int?, progress: (Int, Int?) -> Void = { _, _ in }) throws -> [Data] {
        let seconds = TimeAmount.seconds(Int64(max(1, timeout.rounded(.up))))
        var configuration = HTTPClient.Configuration(timeout: .init(connect: seconds, read: seconds))
        // A refused connection is an answer: say so now rather than retrying until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        var pages: [Data] = []
        var page = 1
        var last: Int? = 1
        repeat {
            let body = try fetch(page: page, with: client)
            pages.append(body)
            if page == 1 { last = lastPage(body) }
            progress(page, last)
            page += 1
        } while page <= min(last ?? 1, pageLimit)
        return pages
    }

    /// The request's URL for a page: the operation's URL with serviceKey, pageNo and numOfRows
    /// added to whatever query it already has.
    public func requestURL(page: Int) throws -> String {
        guard var parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parts.host?.isEmpty == false
        else { throw EGenFetchError.badURL(url) }
        // A key from the portal comes "encoded" (with %2B, %3D) or "decoded"; send it encoded once.
        let key = serviceKey.contains("%") ? serviceKey : Self.formEncode(serviceKey)
        var query = parts.percentEncodedQuery.map { $0.isEmpty ? [] : [$0] } ?? []
        query += ["serviceKey=\(key)", "pageNo=\(page)", "numOfRows=\(rowsPerPage)"]
        parts.percentEncodedQuery = query.joined(separator: "&")
        guard let made = parts.string else { throw EGenFetchError.badURL(url) }
        return made
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private func fetch(page: Int, with client: HTTPClient) throws -> Data {
        let address = try requestURL(page: page)
        let shown = address.replacingOccurrences(of: serviceKeyShown(in: address), with: "serviceKey=…")
        let response: HTTPClient.Response
        do {
            response = try client.get(url: address, deadline: .now() + .milliseconds(Int64(timeout * 1000))).wait()
        } catch {
            throw EGenFetchError.transport(shown, Self.words(for: error, timeout: timeout))
        }
        guard response.status == .ok else {
            throw EGenFetchError.status(shown, Int(response.status.code), response.status.reasonPhrase)
        }
        guard var body = response.body else { return Data() }
        return Data(body.readBytes(length: body.readableBytes) ?? [])
    }

    private func serviceKeyShown(in address: String) -> String {
        guard let range = address.range(of: "serviceKey=") else { return "\u{0}" }
        let rest = address[range.upperBound...]
        return "serviceKey=" + rest.prefix { $0 != "&" }
    }

    /// What went wrong, in words an officer can act on.
    static func words(for error: Error, timeout: TimeInterval) -> String {
        if let error = error as? HTTPClientError {
            if [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error) {
                return "no answer within \(Int(timeout)) s (timed out)"
            }
            if error == .remoteConnectionClosed { return "the server closed the connection before answering" }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "not a usable URL" }
            return "\(error)"
        }
        let text = "\(error)"
        if text.contains("connectTimeout") { return "no answer within \(Int(timeout)) s (timed out)" }
        if text.contains("Connection refused") || text.contains("connection refused") || text.contains("ECONNREFUSED") {
            return "connection refused (nothing is listening there)"
        }
        if text.lowercased().contains("nodename") || text.contains("NXDOMAIN") || text.contains("getaddrinfo") {
            return "the host name does not resolve"
        }
        return text
    }
}

public enum EGenFetchError: Error, Equatable, CustomStringConvertible {
    case badURL(String)
    case transport(String, String)
    case status(String, Int, String)

    public var description: String {
        switch self {
        case .badURL(let url): "\(url) is not an http:// or https:// URL"
        case .transport(let url, let words): "\(url): \(words)"
        case .status(let url, let code, let reason): "\(url): the server answered HTTP \(code) \(reason)"
        }
    }
}
