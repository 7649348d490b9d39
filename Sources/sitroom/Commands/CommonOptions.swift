import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct DataOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data directory.", valueName: "DIR"))
    var data: String = DataDirectory.defaultPath

    var directory: DataDirectory { DataDirectory(data) }

    /// `--data DIR` as it can be pasted into a shell (quoted when it needs to be).
    var shellArgument: String {
        let plain = data.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+,:@%".contains($0)) }
        return "--data " + (plain && !data.isEmpty ? data : "'" + data.replacingOccurrences(of: "'", with: "'\\''") + "'")
    }
}

struct OfficerOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Who is making the changes (default: $SITROOM_OFFICER, else the login name).", valueName: "NAME"))
    var officer: String?
    @Option(name: .customLong("key-id"), help: ArgumentHelp(
        "The SSH key this session logged in with; for the forced command in the service account's authorized_keys.",
        valueName: "SHA256:…"))
    var keyId: String?

    /// The officer asked for by name (--officer or $SITROOM_OFFICER), not guessed from the login.
    var explicit: String? {
        [officer, ProcessInfo.processInfo.environment["SITROOM_OFFICER"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
    }

    var name: String {
        let env = ProcessInfo.processInfo.environment
        let login = getpwuid(getuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) }
        for candidate in [officer, env["SITROOM_OFFICER"], env["USER"], env["LOGNAME"], login] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        }
        return "officer"
    }
}

/// Prints to stderr and exits with `code`; for errors the officer must read. The message may quote
/// data (a name, a file's line), so each line of it is made safe first.
func fail(_ message: String, code: Int32 = 1) -> Never {
    let safe = message.split(separator: "\n", omittingEmptySubsequences: false)
        .map { SafeText.line(String($0), limit: 1_000) }.joined(separator: "\n")
    FileHandle.standardError.write(Data("sitroom: \(safe)\n".utf8))
    exit(code)
}
