import Foundation

/// Finds the theme files (`<name>.toml`) and loads them by name.
public struct ThemeCatalog: Equatable, Sendable {
    /// Folders to look in, best first. The first existing one holding a `.toml` file is used.
    public let searchPaths: [String]

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// The usual places, in order: `$SITROOM_THEMES`; `<exe dir>/../share/sitroom/themes`;
    /// `<exe dir>/themes`; the nearest `themes/` folder holding `default.toml` walking up from the
    /// executable's folder (finds the source tree from `.build/debug/sitroom`); `./themes`.
    public static func standard(executablePath: String, environment: [String: String]) -> ThemeCatalog {
        let fm = FileManager.default
        var paths: [String] = []
        if let env = environment["SITROOM_THEMES"], !env.isEmpty {
            paths.append(env)
        }

        // The executable as given (an installed symlink in bin/) and where it really lives.
        var exeDirs: [URL] = []
        if let exe = locateExecutable(executablePath, environment: environment) {
            let dir = exe.deletingLastPathComponent().standardizedFileURL
            exeDirs.append(dir)
            let real = exe.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
            if real != dir { exeDirs.append(real) }
        }
        for dir in exeDirs {
            paths.append(dir.appendingPathComponent("../share/sitroom/themes").standardizedFileURL.path)
            paths.append(dir.appendingPathComponent("themes").path)
        }
        for dir in exeDirs {
            var current = dir
            while true {
                let candidate = current.appendingPathComponent("themes")
                if fm.fileExists(atPath: candidate.appendingPathComponent("default.toml").path) {
                    paths.append(candidate.path)
                    break
                }
                let parent = current.deletingLastPathComponent().standardizedFileURL
                if parent.path == current.path { break }
                current = parent
            }
        }
        paths.append(
            URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("themes").standardizedFileURL.path)

        var seen: Set<String> = []
        return ThemeCatalog(searchPaths: paths.filter { seen.insert($0).inserted })
    }

    /// An absolute URL for the executable: as given when it contains a "/", else found on $PATH.
    private static func locateExecutable(_ path: String, environment: [String: String]) -> URL? {
        guard !path.isEmpty else { return nil }
        let fm = FileManager.default
        if path.contains("/") {
            return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath))
                .absoluteURL
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(path)
            if fm.isExecutableFile(atPath: candidate.path) { return candidate.absoluteURL }
        }
        return nil
    }

    /// The first search path that exists and holds at least one `.toml` file.
    public var directory: String? {
        searchPaths.first { !Self.themeNames(in: $0).isEmpty }
    }

    /// Theme names (file names without `.toml`), sorted; always includes "default".
    public func available() -> [String] {
        var names = Set(directory.map(Self.themeNames(in:)) ?? [])
        names.insert("default")
        return names.sorted()
    }

    /// Loads a theme by name. Roles the file leaves out take the built-in default's style;
    /// "default" with no file is the built-in default.
    public func load(_ name: String) throws -> (theme: Theme, warnings: [String]) {
        let validName = !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
        if validName, let directory {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name + ".toml").path
            if FileManager.default.fileExists(atPath: path) {
                return try Self.loadFile(atPath: path, name: name)
            }
        }
        if name == "default" {
            return (Theme.builtinDefault, [])
        }
        throw ThemeError.unknownTheme(name: name, available: available())
    }

    /// Loads one theme file; its name defaults to the file's name without `.toml`.
    public static func loadFile(atPath path: String, name: String? = nil) throws -> (theme: Theme, warnings: [String]) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError.unreadable(path: path, reason: error.localizedDescription)
        }
        var fallback = Theme.builtinDefault
        fallback.name = name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        do {
            return try ThemeLoader.parse(text, fallback: fallback)
        } catch let ThemeError.syntax(_, line, column, message) {
            throw ThemeError.syntax(file: path, line: line, column: column, message: message)
        }
    }

    private static func themeNames(in directory: String) -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files
            .filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") && $0.count > ".toml".count }
            .map { String($0.dropLast(".toml".count)) }
            .sorted()
    }
}
