import Foundation
import NIOSSL
import PostgresNIO

/// The address's sslmode and files as postgres-nio's TLS setting (NIOSSL, BoringSSL underneath).
extension PostgresAddress {
    /// libpq's default CA file, used for verify-ca and verify-full when the address names none.
    public static var defaultRootCert: String { NSHomeDirectory() + "/.postgresql/root.crt" }

    /// The CA file the server's certificate is checked against, or nil for the system's CAs.
    var rootCertInUse: String? {
        if let sslRootCert { return sslRootCert }
        return FileManager.default.fileExists(atPath: Self.defaultRootCert) ? Self.defaultRootCert : nil
    }

    /// Whose signature the server's certificate must carry, in words.
    var trustedCAs: String {
        rootCertInUse.map { "the CA in \($0)" } ?? "a CA this system trusts"
    }

    /// The verification the mode asks for; require with a CA file given checks the chain, as libpq does.
    var certificateVerification: CertificateVerification {
        switch sslMode {
        case .disable, .require: sslMode == .require && sslRootCert != nil ? .noHostnameVerification : .none
        case .verifyCA: .noHostnameVerification
        case .verifyFull: .fullVerification
        }
    }

    func tlsConfiguration(verification: CertificateVerification? = nil) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = verification ?? certificateVerification
        if let root = rootCertInUse {
            try Self.checkReadable(root, what: "sslrootcert")
            tls.trustRoots = .file(root)
        }
        if let sslCert, let sslKey {
            try Self.checkReadable(sslCert, what: "sslcert")
            try Self.checkReadable(sslKey, what: "sslkey")
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(sslCert).map { .certificate($0) }
            } catch {
                throw PostgresStoreError.tlsSetUp("sslcert \(sslCert) is not a PEM certificate")
            }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: sslKey, format: .pem))
            } catch {
                throw PostgresStoreError.tlsSetUp("sslkey \(sslKey) is not a PEM private key (without a passphrase)")
            }
        }
        return tls
    }

    /// What postgres-nio is given: no TLS, or TLS the server must accept (never a silent fallback).
    func tls() throws -> PostgresConnection.Configuration.TLS {
        guard sslMode != .disable else { return .disable }
        let configuration = try tlsConfiguration()
        do {
            return .require(try NIOSSLContext(configuration: configuration))
        } catch {
            throw PostgresStoreError.tlsSetUp("the certificates in \(rootCertInUse ?? "the system's store")\(sslCert.map { " or \($0)" } ?? "") cannot be used: \(error)")
        }
    }

    private static func checkReadable(_ path: String, what: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PostgresStoreError.tlsSetUp("\(what) \(path): no readable file there")
        }
    }
}
