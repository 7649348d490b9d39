import Foundation
import SitRoomProcess

// sitroom-manual PATH [DATE]: prints the man page of the ArgumentParser command at PATH (the built
// or installed sitroom), made from its `--experimental-dump-help` and `--version`; `make install`
// writes it to share/man/man1/sitroom.1.
//
// The defaults that depend on the environment (the data directory's) are dumped with the variables
// themselves as values, so the page says "$XDG_DATA_HOME/sitroom", not the builder's home.

let arguments = CommandLine.arguments
guard arguments.count == 2 || arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: sitroom-manual PATH-TO-COMMAND [DATE]\n".utf8))
    exit(64)
}
let command = arguments[1]
let date = arguments.count == 3 ? arguments[2] : ""
let environment = ["XDG_DATA_HOME": "$XDG_DATA_HOME", "HOME": "$HOME", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("sitroom-manual: \(message)\n".utf8))
    exit(1)
}

let dump = Spawn.run([command, "--experimental-dump-help"], environment: environment)
let versionRun = Spawn.run([command, "--version"], environment: environment)
guard dump.status == 0 else { fail("\(command) --experimental-dump-help failed (\(dump.status)): \(dump.stderr)") }
let help: ToolHelp
do {
    help = try JSONDecoder().decode(ToolHelp.self, from: Data(dump.stdout.utf8))
} catch {
    fail("\(command) --experimental-dump-help: unreadable: \(error)")
}
let version = versionRun.status == 0 ? versionRun.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : ""
let name = help.command.commandName
print(ManPage(tool: help.command, version: version.isEmpty ? name : "\(name) \(version)", date: date).render(), terminator: "")
