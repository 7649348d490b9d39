import Foundation
import Testing

/// `make install` and `make uninstall` into a temporary prefix, with the debug build this test run
/// uses (`CONFIG=debug` installs it as it is: CI has no time for the release build), then the
/// installed sitroom used from PATH the way the README tells a user to.
@Suite(.serialized) struct InstallTests {
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let buildDirectory = URL(fileURLWithPath: TmuxSession.sitroomBinary).deletingLastPathComponent().path
    static let installedFiles = [
        "bin/sitroom", "share/man/man1/sitroom.1", "share/bash-completion/completions/sitroom",
        "share/zsh/site-functions/_sitroom", "share/fish/vendor_completions.d/sitroom.fish",
        "share/sitroom/themes/default.toml", "share/sitroom/themes/light.toml", "share/sitroom/themes/mono.toml",
        "share/sitroom/themes/wall.toml",
    ]

    let root = NSTemporaryDirectory() + "sitroom-install-" + UUID().uuidString
    var prefix: String { root + "/prefix" }

    func make(_ target: String, _ variables: [String]) -> Spawn.Result {
        Spawn.run(["make", "-C", Self.sourceRoot, target, "CONFIG=debug", "BUILD_DIR=\(Self.buildDirectory)"] + variables)
    }

    /// A shell command run in `root` (no themes/ there), with only the prefix's bin/ and the system's
    /// on PATH: what a user who installed sitroom has.
    func user(_ command: String) -> Spawn.Result {
        Spawn.run(["/bin/sh", "-c", command], environment: ["PATH": "\(prefix)/bin:/usr/bin:/bin", "LANG": "C.UTF-8"],
                  removing: ["SITROOM_THEMES", "SITROOM_BINARY", "SITROOM_STORE", "XDG_DATA_HOME"], directory: root)
    }

    /// Every file and link under `directory`, relative to it, sorted.
    func files(under directory: String) -> [String] {
        let fm = FileManager.default
        return ((try? fm.subpathsOfDirectory(atPath: directory)) ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// "sitroom run", "sitroom import hospitals"...: every command the binary's help shows.
    func commandPaths() throws -> [String] {
        let dump = Spawn.run([TmuxSession.sitroomBinary, "--experimental-dump-help"])
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func walk(_ command: [String: Any], _ path: String) -> [String] {
            let subcommands = (command["subcommands"] as? [[String: Any]] ?? [])
                .filter { ($0["shouldDisplay"] as? Bool) != false && ($0["commandName"] as? String) != "help" }
            return subcommands.flatMap { sub -> [String] in
                let name = path + " " + (sub["commandName"] as? String ?? "?")
                return [name] + walk(sub, name)
            }
        }
        return walk(try #require(tool["command"] as? [String: Any]), "sitroom")
    }

    /// Whether a `capture-pane -e` screen sets a foreground or background colour anywhere.
    static func drawsColours(_ screen: String) -> Bool {
        screen.split(separator: "\u{1B}").contains { sequence in
            guard sequence.hasPrefix("["), let end = sequence.firstIndex(of: "m") else { return false }
            return sequence[sequence.index(after: sequence.startIndex)..<end].split(separator: ";").contains { parameter in
                guard let n = Int(parameter) else { return false }
                return (30...48).contains(n) && n != 39 || (90...107).contains(n)
            }
        }
    }

    @Test func installsIntoAPrefixWorksFromPathAndUninstallsEverything() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }

        let installed = make("install", ["PREFIX=\(prefix)"])
        #expect(installed.status == 0, "\(installed.stdout)\n\(installed.stderr)")
        #expect(files(under: prefix) == Self.installedFiles.sorted())

        // From PATH: the version, the help, a demo board and its SITREP.
        let found = user("command -v sitroom && sitroom --version && sitroom --help")
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.hasPrefix("\(prefix)/bin/sitroom\n"))
        #expect(found.stdout.contains("USAGE: sitroom <subcommand>") && found.stdout.contains("report"), "\(found.stdout)")
        let demo = user("sitroom init --demo --data d && sitroom report --data d --tz Asia/Seoul")
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("SITUATION REPORT (SITREP)"), "\(demo.stdout.prefix(400))")

        // The themes: found in share/sitroom/themes beside the installed bin/, the built-in default among them.
        let unknown = user("sitroom --data d --theme nosuch")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("available: default, light, mono, wall"), "\(unknown.stderr)")
        let walls = try ["wall", "mono"].map { theme -> String in
            let command = "cd \(root) && PATH=\(prefix)/bin:/usr/bin:/bin exec sitroom --data d --watch --theme \(theme)"
            let tmux = try TmuxSession(width: 100, height: 30, command: ["/bin/sh", "-c", command],
                                       environment: ["TERM": "xterm-256color"], remainOnExit: true)
            defer { tmux.kill() }
            try tmux.waitUntil("the wall in the \(theme) theme") { $0.contains("ER/ICU coverage") && $0.contains("DEMO") }
            let screen = tmux.capture(colors: true)
            tmux.sendKeys("q")
            try tmux.waitUntil("the console to exit") { _ in tmux.paneIsDead() }
            return screen
        }
        #expect(Self.drawsColours(walls[0]), "the wall theme draws no colour")
        #expect(!Self.drawsColours(walls[1]), "the mono theme draws colours")

        // The man page renders every command.
        let manual = Spawn.run(["man", "-P", "cat", "-l", prefix + "/share/man/man1/sitroom.1"],
                               environment: ["MANWIDTH": "120", "LANG": "C.UTF-8"])
        #expect(manual.status == 0, "man: \(manual.stderr) (.ci/install-deps installs man-db)")
        #expect(manual.stdout.contains("sitroom - A full-screen terminal situation room"))
        let commands = try commandPaths()
        #expect(commands.contains("sitroom import hospitals") && commands.count >= 15, "\(commands)")
        for command in commands {
            #expect(manual.stdout.contains("   \(command)\n"), "the man page has no section for \(command)")
        }

        // bash completes the subcommands from the installed script.
        let bash = user("""
            bash -c 'source "$0" && complete -p sitroom && COMP_WORDS=(sitroom im) COMP_CWORD=1 COMP_LINE="sitroom im" \
            COMP_POINT=10 && _sitroom sitroom im sitroom && echo "reply: ${COMPREPLY[*]}"' \
            \(prefix)/share/bash-completion/completions/sitroom
            """)
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout.contains("complete -o filenames -F _sitroom sitroom") && bash.stdout.contains("reply: import"),
                "\(bash.stdout)")
        if Spawn.which("zsh") != nil {
            let zsh = user("zsh -c 'autoload -U compinit && compinit -u && source \(prefix)/share/zsh/site-functions/_sitroom'")
            #expect(zsh.status == 0, "\(zsh.stderr)")
        }
        if Spawn.which("fish") != nil {
            let fish = user("fish -c 'source \(prefix)/share/fish/vendor_completions.d/sitroom.fish && complete -C \"sitroom im\"'")
            #expect(fish.status == 0 && fish.stdout.contains("import"), "\(fish.stdout) \(fish.stderr)")
        }

        // The same files under DESTDIR, for a package build.
        let staged = root + "/stage"
        let packaged = make("install", ["PREFIX=/opt/sitroom", "DESTDIR=\(staged)"])
        #expect(packaged.status == 0, "\(packaged.stderr)")
        #expect(files(under: staged + "/opt/sitroom") == Self.installedFiles.sorted())
        #expect(make("uninstall", ["PREFIX=/opt/sitroom", "DESTDIR=\(staged)"]).status == 0)
        #expect(files(under: staged).isEmpty)

        // Uninstall leaves an officer's own theme (and its folder), and nothing else of ours.
        try "name = \"mine\"\n".write(toFile: prefix + "/share/sitroom/themes/mine.toml", atomically: false, encoding: .utf8)
        let removed = make("uninstall", ["PREFIX=\(prefix)"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(files(under: prefix) == ["share/sitroom/themes/mine.toml"])
        try FileManager.default.removeItem(atPath: prefix + "/share/sitroom/themes/mine.toml")
        #expect(make("uninstall", ["PREFIX=\(prefix)"]).status == 0, "uninstalling twice")
        #expect(files(under: prefix).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/sitroom"))
        #expect(user("command -v sitroom").status != 0)
    }
}
