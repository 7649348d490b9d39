import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
#if canImport(Glibc)
import Glibc
#endif

/// Why the server's certificate was refused, in words. BoringSSL says only CERTIFICATE_VERIFY_FAILED
/// (wrong CA, expired, not yet valid alike) and NIOSSL that the host name did not match, so this
/// reads the certificates the server presents with a second handshake that trusts nothing and
/// keeps nothing, and compares them with what the address asked for.
enum PostgresTLSDiagnosis {
    /// Words for a TLS failure of `error`, or nil if it was none.
    static func explain(_ error: any Error, address: PostgresAddress, group: any EventLoopGroup, timeout: Double) -> String? {
        guard let failure = TLSFailure(error) else { return nil }
        switch failure {
        case .serverSaysNoTLS:
            return "the server does not accept TLS (sslmode=\(address.sslMode.rawValue)): turn on ssl in its postgresql.conf, "
                + "or use sslmode=disable on a network you trust"
        case .other:
            return failure.words
        case .certificate, .hostName:
            break
        }
        let chain = try? presentedChain(address, group: group, timeout: timeout)
        guard let leaf = chain?.first else {
            return failure == .hostName ? "the server's certificate is not for \(address.host)"
                : "the server's certificate is not signed by \(address.trustedCAs)"
        }
        let now = time(nil)
        if leaf.notValidAfter < now {
            return "the server's certificate expired on \(day(leaf.notValidAfter))"
        }
        if leaf.notValidBefore > now {
            return "the server's certificate is not valid until \(day(leaf.notValidBefore))"
        }
        if failure == .hostName {
            let names = self.names(leaf)
            return "the server's certificate is for \(names.isEmpty ? "no host name" : names.joined(separator: ", ")), not \(address.host)"
        }
        return "the server's certificate is not signed by \(address.trustedCAs)"
    }

    enum TLSFailure: Equatable {
        case serverSaysNoTLS, certificate, hostName
        case other(String)

        /// Without looking at the certificate again (a reconnect in the run loop must not wait for that).
        var words: String {
            switch self {
            case .serverSaysNoTLS: "the server does not accept TLS, and the sslmode requires it"
            case .certificate: "the server's certificate was refused (not signed by the trusted CA, or expired)"
            case .hostName: "the server's certificate is for another host name"
            case .other(let text): "the TLS handshake failed: \(text)"
            }
        }

        /// The same, short enough for the DISCONNECTED banner, with what the address asked for.
        func words(for address: PostgresAddress) -> String {
            switch self {
            case .serverSaysNoTLS: "the server does not accept TLS (sslmode=\(address.sslMode.rawValue))"
            case .certificate: "the server's certificate is not signed by \(address.trustedCAs), or has expired"
            case .hostName: "the server's certificate is not for \(address.host)"
            case .other: words
            }
        }

        init?(_ error: any Error) {
            let underlying: any Error
            if let psql = error as? PSQLError {
                if psql.code == .sslUnsupported { self = .serverSaysNoTLS; return }
                guard let inner = psql.underlying else { return nil }
                underlying = inner
            } else {
                underlying = error
            }
            if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
                self = .hostName
            } else if let ssl = underlying as? NIOSSLError {
                self = "\(ssl)".contains("CERTIFICATE_VERIFY_FAILED") ? .certificate : .other("\(ssl)")
            } else {
                return nil
            }
        }
    }

    /// "2026-12-03" (UTC), the day a certificate stops or starts being valid.
    static func day(_ t: time_t) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
    }

    /// The subjectAltName DNS names and addresses, else the common name.
    static func names(_ certificate: NIOSSLCertificate) -> [String] {
        let alternative: [String] = certificate._subjectAlternativeNames().compactMap { name in
            let bytes = Array(name.contents)
            switch name.nameType {
            case .dnsName: return String(decoding: bytes, as: UTF8.self)
            case .ipAddress where bytes.count == 4: return bytes.map(String.init).joined(separator: ".")
            case .ipAddress where bytes.count == 16:
                var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                return bytes.withUnsafeBytes { inet_ntop(AF_INET6, $0.baseAddress, &text, socklen_t(text.count)) }
                    .map { _ in String(cString: text) }
            default: return nil
            }
        }
        if !alternative.isEmpty { return alternative }
        // NIOSSL keeps the common name internal; its description shows it.
        let description = "\(certificate)"
        guard let start = description.range(of: "common_name=") else { return [] }
        return [String(description[start.upperBound...].prefix { $0 != ";" && $0 != ">" })]
    }

    /// The certificates the server presents: PostgreSQL's SSLRequest, then a handshake whose
    /// verification only records the chain and gives up.
    static func presentedChain(_ address: PostgresAddress, group: any EventLoopGroup, timeout: Double) throws -> [NIOSSLCertificate] {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .noHostnameVerification
        if let root = address.rootCertInUse { tls.trustRoots = .file(root) }
        let context = try NIOSSLContext(configuration: tls)
        let loop = group.next()
        let chain = loop.makePromise(of: [NIOSSLCertificate].self)
        let settled = NIOLockedValueBox(false)
        let settle: @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void = { result in
            guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
            chain.completeWith(result)
        }
        let connecting = ClientBootstrap(group: loop)
            .connectTimeout(.milliseconds(Int64(timeout * 1000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SSLRequestHandler(context: context, settle: settle))
                }
            }
            .connect(host: address.host, port: address.port)
        connecting.whenFailure { settle(.failure($0)) }
        defer { connecting.whenSuccess { $0.close(promise: nil) } }
        return try waitFor(chain.futureResult, seconds: timeout, what: "read the server's certificate")
    }

    struct NoTLS: Error {}

    /// Asks for TLS as PostgreSQL's clients do, then starts the handshake; reports the chain it is shown.
    final class SSLRequestHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let context: NIOSSLContext
        let settle: @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void

        init(context: NIOSSLContext, settle: @escaping @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void) {
            self.context = context
            self.settle = settle
        }

        func channelActive(context: ChannelHandlerContext) {
            // Int32 length 8, then the SSLRequest code 80877103.
            context.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F])), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            guard buffer.readInteger(as: UInt8.self) == UInt8(ascii: "S") else {
                settle(.failure(NoTLS()))
                context.close(promise: nil)
                return
            }
            let settle = self.settle
            do {
                let handler = try NIOSSLClientHandler(context: self.context, serverHostname: nil, customVerificationCallback: { chain, verdict in
                    settle(.success(chain))
                    verdict.succeed(NIOSSLVerificationResult.failed)
                })
                try context.pipeline.syncOperations.addHandler(handler, position: .first)
            } catch {
                settle(.failure(error))
                context.close(promise: nil)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            settle(.failure(error))
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            settle(.failure(NoTLS()))
        }
    }
}
