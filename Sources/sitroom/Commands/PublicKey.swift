import Crypto
import Foundation
import SitRoomCore

/// An OpenSSH public key line (`ssh-ed25519 AAAA… comment`) and its fingerprint as
/// `ssh-keygen -lf` prints it: SHA256: and the unpadded base64 of the hash of the key's bytes.
struct PublicKey {
    var line: String
    var fingerprint: String

    init(line text: String) throws {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard let i = fields.firstIndex(where: { Self.isKeyType($0) }), i + 1 < fields.count,
              let blob = Data(base64Encoded: String(fields[i + 1])), blob.count > 16 else {
            throw IdentityError("not a public key line: expected TYPE BASE64 [comment], e.g. the one line of ~/.ssh/id_ed25519.pub")
        }
        // The blob names its own type first: a key pasted under another type's name is damage.
        let declared = String(fields[i])
        let length = blob.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard blob.count >= 4 + length, String(decoding: blob.dropFirst(4).prefix(length), as: UTF8.self) == declared else {
            throw IdentityError("not a public key line: the key's bytes are not a \(declared) key")
        }
        line = fields[i...].joined(separator: " ")
        fingerprint = "SHA256:" + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func isKeyType(_ word: Substring) -> Bool {
        word.hasPrefix("ssh-") || word.hasPrefix("ecdsa-sha2-") || word.hasPrefix("sk-")
    }

    /// `--key` takes a fingerprint, a public key line, or the path of a .pub file.
    static func parse(_ argument: String) throws -> (fingerprint: String, line: String?) {
        if Officer.isFingerprint(argument) { return (argument, nil) }
        if FileManager.default.fileExists(atPath: argument) {
            guard let text = try? String(contentsOfFile: argument, encoding: .utf8) else {
                throw IdentityError("cannot read \(argument)")
            }
            let lines = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            guard lines.count == 1 else { throw IdentityError("\(argument): expected one public key line, found \(lines.count)") }
            do {
                let key = try PublicKey(line: String(lines[0]))
                return (key.fingerprint, key.line)
            } catch {
                throw IdentityError("\(argument): \(error)")
            }
        }
        let key = try PublicKey(line: argument)
        return (key.fingerprint, key.line)
    }
}
