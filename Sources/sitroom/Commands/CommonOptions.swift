import ArgumentParser
import Foundation
import SitRoomStore

struct DataOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data directory.", valueName: "DIR"))
    var data: String = DataDirectory.defaultPath

    var directory: DataDirectory { DataDirectory(data) }
}

struct OfficerOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Who is making the changes (default: $SITROOM_OFFICER, else the login name).", valueName: "NAME"))
    var officer: String?

    var name: String {
        let env = ProcessInfo.processInfo.environment
        let login = getpwuid(getuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) }
        for candidate in [officer, env["SITROOM_OFFICER"], env["USER"], env["LOGNAME"], login] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        }
        return "officer"
    }
}

/// Prints to stderr and exits with `code`; for errors the officer must read.
func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("sitroom: \(message)\n".utf8))
    exit(code)
}
