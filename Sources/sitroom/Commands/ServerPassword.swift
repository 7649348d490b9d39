import Foundation
import SitRoomPostgres
#if canImport(Glibc)
import Glibc
#endif

/// The password for a server, found as libpq finds it, else asked for on the terminal once the
/// server has asked for one. The executable runs its commands on one thread: no lock needed.
enum ServerPassword {
    nonisolated(unsafe) private static var warned: Set<String> = []
    /// Typed at the prompt, by address, so `migrate`'s second connection does not ask again.
    nonisolated(unsafe) private static var typed: [String: String] = [:]

    /// The address with the password from the URL, $PGPASSWORD or the password file; warnings
    /// (a password in the URL, an ignored password file) go to stderr once per process.
    static func filled(_ address: PostgresAddress) -> PostgresAddress {
        var address = address
        let found = PostgresPassword.find(for: address, environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
        for warning in found.warnings where warned.insert(warning).inserted {
            FileHandle.standardError.write(Data("sitroom: warning: \(warning)\n".utf8))
        }
        address.password = found.password ?? typed[address.description]
        return address
    }

    /// Asks on the terminal, without echo; nil if stdin is not a terminal or nothing was typed.
    static func prompt(for address: PostgresAddress) -> String? {
        guard isatty(0) != 0 else { return nil }
        FileHandle.standardError.write(Data("Password for \(address.user) on \(address.host):\(address.port)/\(address.database): ".utf8))
        var saved = termios()
        let hasTerminal = tcgetattr(0, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        let line = readLine(strippingNewline: true)
        if hasTerminal { tcsetattr(0, TCSAFLUSH, &saved) }
        FileHandle.standardError.write(Data("\n".utf8))
        guard let line, !line.isEmpty else { return nil }
        typed[address.description] = line
        return line
    }
}
