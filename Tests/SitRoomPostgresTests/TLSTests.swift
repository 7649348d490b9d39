import Foundation
import SitRoomCore
import SitRoomDrills
import SitRoomPostgres
import SitRoomProcess
import Testing

/// A certificate chain made with Debian's openssl in a temporary directory (removed on deinit):
/// the CA, a second CA nobody signed with, and certificates from the first for 127.0.0.1 and
/// localhost, for another host name, and one that has already expired.
final class TestCertificates {
    let directory: String
    var ca: String { directory + "/ca.crt" }
    var otherCA: String { directory + "/other-ca.crt" }

    init() throws {
        directory = NSTemporaryDirectory() + "sitroom-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try makeCA("ca")
        try makeCA("other-ca")
        try makeLeaf("server", names: "IP:127.0.0.1,DNS:localhost", days: 2)
        try makeLeaf("wrong-name", names: "DNS:db.example", days: 2)
        try makeLeaf("expired", names: "IP:127.0.0.1,DNS:localhost", days: 0)  // valid until the second it is made
        try makeLeaf("certuser", names: "DNS:certuser", days: 2)  // a client's: PostgreSQL maps its CN to the role
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The certificate and key files of one server identity.
    func pair(_ name: String) -> [String] { [directory + "/\(name).crt", directory + "/\(name).key"] }

    private func openssl(_ arguments: [String]) throws {
        let r = Spawn.run(["openssl"] + arguments)
        guard r.status == 0 else { throw OpenSSLFailed(description: "openssl \(arguments.first ?? ""): \(r.stderr)") }
    }

    private func makeCA(_ name: String) throws {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).crt", "-days", "2",
                     "-subj", "/CN=sitroom test \(name)"])
    }

    func makeLeaf(_ name: String, names: String, days: Int) throws {
        let base = "\(directory)/\(name)"
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", base + ".key", "-out", base + ".csr", "-subj", "/CN=\(name)"])
        try "subjectAltName=\(names)\n".write(toFile: base + ".ext", atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", base + ".csr", "-CA", ca, "-CAkey", directory + "/ca.key", "-CAcreateserial",
                     "-out", base + ".crt", "-days", String(days), "-extfile", base + ".ext"])
    }
}

struct OpenSSLFailed: Error, CustomStringConvertible {
    var description: String
}

/// A throwaway server with `ssl = on` and the given certificate; stopped and removed by `body`'s end.
/// `rules` go first in its pg_hba.conf; its ssl_ca_file is the test CA, for client certificates.
func withTLSServer(_ certificates: TestCertificates, serving name: String, rules: [String] = [],
                   _ body: (ScratchPostgres) throws -> Void) throws {
    let server = try ScratchPostgres.start()
    defer { server.destroy() }
    let installed = try server.install(certificates.pair(name) + [certificates.ca])
    for rule in rules { try server.addAuthenticationRule(rule) }
    try server.configure([("ssl", "on"), ("ssl_cert_file", installed[0]), ("ssl_key_file", installed[1]), ("ssl_ca_file", installed[2])])
    try body(server)
}

/// What opening `url` was refused with, in words (nil if it opened).
func refusal(_ url: String) throws -> String? {
    do {
        let store = try PostgresChangeStore.open(try PostgresAddress(parsing: url))
        store.close()
        return nil
    } catch let error as PostgresStoreError {
        return error.description
    }
}

@Suite struct TLSTests {
    @Test func verifyFullCarriesAChangeOverTLSAndReadsItBack() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, serving: "server") { server in
            let url = try server.createDatabase("tls") + "?sslmode=verify-full&sslrootcert=\(certificates.ca)"
            let address = try PostgresAddress(parsing: url)
            #expect(address.description.hasSuffix("/tls?sslmode=verify-full"))  // not loopback's default: shown
            let store = try PostgresChangeStore.open(address, officer: "tls-test")
            #expect(store.commit(Sample.log(1)).seq == 1)
            // The server's own view of the connection: encrypted.
            let ssl = try server.sql("postgres", "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) "
                + "WHERE a.application_name = 'sitroom tls-test'")
            #expect(ssl == "t")
            store.close()
            let again = try PostgresChangeStore.open(address, readOnly: true)
            defer { again.close() }
            #expect(again.board.log.map(\.id) == ["log-1"])
            // require encrypts without checking the certificate, as libpq does without a CA.
            #expect(try refusal(try server.url("tls") + "?sslmode=require") == nil)
        }
    }

    @Test func aCertificateFromAnotherCAIsRefusedInWords() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, serving: "server") { server in
            let url = server.url("postgres") + "?sslmode=verify-full&sslrootcert=\(certificates.otherCA)"
            let why = try refusal(url)
            #expect(why == "not connecting to postgres://postgres@127.0.0.1:\(server.port)/postgres?sslmode=verify-full: "
                + "the server's certificate is not signed by the CA in \(certificates.otherCA)")
            // verify-ca checks the chain as well.
            let chainOnly = try refusal(server.url("postgres") + "?sslmode=verify-ca&sslrootcert=\(certificates.otherCA)")
            #expect(chainOnly?.hasSuffix("the server's certificate is not signed by the CA in \(certificates.otherCA)") == true, "\(chainOnly ?? "opened")")
        }
    }

    @Test func aCertificateForAnotherHostIsRefusedByVerifyFullOnly() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, serving: "wrong-name") { server in
            let why = try refusal(server.url("postgres") + "?sslmode=verify-full&sslrootcert=\(certificates.ca)")
            #expect(why?.hasSuffix(": the server's certificate is for db.example, not 127.0.0.1") == true, "\(why ?? "opened")")
            // verify-ca checks who signed it, not the name.
            #expect(try refusal(server.url("postgres") + "?sslmode=verify-ca&sslrootcert=\(certificates.ca)") == nil)
        }
    }

    @Test func anExpiredCertificateIsRefusedInWords() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, serving: "expired") { server in
            let why = try refusal(server.url("postgres") + "?sslmode=verify-full&sslrootcert=\(certificates.ca)")
            #expect(why?.contains(": the server's certificate expired on ") == true, "\(why ?? "opened")")
        }
    }

    @Test func requireAgainstAServerWithoutTLSIsRefusedInWords() throws {
        let server = try SharedServer.server()
        let why = try refusal(server.url("postgres") + "?sslmode=require")
        #expect(why?.hasSuffix(": the server does not accept TLS (sslmode=require): turn on ssl in its postgresql.conf, "
            + "or use sslmode=disable on a network you trust") == true, "\(why ?? "opened")")
    }

    /// A role the server lets in only with a client certificate for it (`cert` in pg_hba.conf):
    /// sslcert and sslkey open it; without them the server's refusal is quoted.
    @Test func aClientCertificateFromSslcertAndSslkeyLogsIn() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, serving: "server", rules: ["hostssl all certuser 127.0.0.1/32 cert"]) { server in
            _ = try server.sql("postgres", "CREATE ROLE certuser LOGIN")
            _ = try server.sql("postgres", "CREATE DATABASE certs OWNER certuser")
            let base = "postgres://certuser@127.0.0.1:\(server.port)/certs?sslmode=verify-full&sslrootcert=\(certificates.ca)"
            let client = certificates.pair("certuser")
            let store = try PostgresChangeStore.open(try PostgresAddress(parsing: base + "&sslcert=\(client[0])&sslkey=\(client[1])"))
            #expect(store.commit(Sample.log(1)).seq == 1)
            store.close()
            let why = try refusal(base)
            #expect(why?.contains("connection requires a valid client certificate") == true, "\(why ?? "opened")")
        }
    }

    /// A console whose server comes back with a certificate for another name does not reconnect,
    /// and its DISCONNECTED banner says why, shortly (the run loop does not look at the certificate again).
    @Test func aServerThatComesBackWithAnotherNamesCertificateIsNotRejoined() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, serving: "server") { server in
            let address = try PostgresAddress(parsing: server.url("postgres") + "?sslmode=verify-full&sslrootcert=\(certificates.ca)")
            let store = try PostgresChangeStore.open(address, timeouts: ServerOutageTests.quick)
            defer { store.close() }
            #expect(store.commit(Sample.log(1)).seq == 1)
            let installed = try server.install(certificates.pair("wrong-name"))
            try server.configure([("ssl_cert_file", installed[0]), ("ssl_key_file", installed[1])])
            let refused = ServerOutageTests.tend(store, seconds: 10) {
                if case .disconnected(_, let reason, _) = store.link { return reason == "the server's certificate is not for 127.0.0.1" }
                return false
            }
            #expect(refused, "\(store.link)")
        }
    }
}
