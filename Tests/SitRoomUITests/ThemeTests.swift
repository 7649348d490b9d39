import Foundation
import Testing

@testable import SitRoomUI

/// The repository's themes/ folder, found from this file's path.
private let themesDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SitRoomUITests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("themes").path

private func shippedThemeNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: themesDirectory)
        .filter { $0.hasSuffix(".toml") }
        .map { String($0.dropLast(5)) }
        .sorted()
}

private func readTheme(_ name: String) throws -> String {
    try String(contentsOfFile: themesDirectory + "/\(name).toml", encoding: .utf8)
}

/// A theme with no styles: anything parsed against it that is still missing was not in the file.
private let emptyTheme = Theme(name: "empty", styles: [:])

/// A fresh, empty temporary folder.
private func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitroom-theme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

@Suite struct ThemeTests {
    // MARK: Shipped themes

    @Test func shipsTheExpectedThemes() throws {
        #expect(try shippedThemeNames() == ["default", "light", "mono", "wall"])
    }

    @Test(arguments: ["default", "light", "mono", "wall"])
    func shippedThemeParsesCleanlyAndIsComplete(name: String) throws {
        let (theme, warnings) = try ThemeLoader.parse(try readTheme(name), fallback: emptyTheme)
        #expect(warnings == [])
        #expect(theme.name == name)
        let missing = Role.allCases.filter { theme.styles[$0] == nil }.map(\.rawValue)
        #expect(missing == [], "\(name).toml lacks roles")
    }

    @Test func defaultFileDefinesEveryRole() throws {
        let (theme, _) = try ThemeLoader.parse(try readTheme("default"), fallback: emptyTheme)
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
        #expect(theme.monochrome == false)
    }

    @Test func defaultFileMatchesBuiltinDefault() throws {
        let (theme, _) = try ThemeLoader.parse(try readTheme("default"), fallback: emptyTheme)
        for role in Role.allCases {
            #expect(theme.styles[role] == Theme.builtinDefault.styles[role], "role \(role.rawValue)")
        }
        #expect(theme == Theme.builtinDefault)
    }

    @Test func builtinDefaultHasTheSemanticsTheScreensRelyOn() {
        let t = Theme.builtinDefault
        #expect(t.style(.erClosed).bg == .rgb(0xd7, 0, 0))
        #expect(t.style(.erClosed).bold)
        #expect(t.style(.notSaved).bold)
        #expect(t.style(.stale).dim)
        #expect(t.style(.selected).bg != .terminalDefault)
        // Keys sit in the status bar, so they share its background.
        #expect(t.style(.key).bg == t.style(.statusBar).bg)
    }

    @Test func monoThemeIsMonochromeWithoutColours() throws {
        let (theme, _) = try ThemeLoader.parse(try readTheme("mono"), fallback: .builtinDefault)
        #expect(theme.monochrome)
        for role in Role.allCases {
            #expect(theme.style(role).fg == .terminalDefault)
            #expect(theme.style(role).bg == .terminalDefault)
        }
        #expect(theme.style(.selected).reverse)
        #expect(theme.style(.erClosed).reverse && theme.style(.erClosed).bold)
        #expect(theme.style(.stale).dim)
    }

    @Test func wallThemeShowsClosedAsWhiteOnRed() throws {
        let (theme, _) = try ThemeLoader.parse(try readTheme("wall"), fallback: .builtinDefault)
        let closed = theme.style(.erClosed)
        #expect(closed.fg == .rgb(255, 255, 255))
        #expect(closed.bg == .rgb(0xd7, 0, 0))
        #expect(closed.bold)
    }

    // MARK: Loader

    @Test func parsesColoursAndAttributes() throws {
        let toml = """
            name = "t"
            [roles]
            normal = { fg = "red", bg = "bright-blue" }
            header = { fg = "#0A0b0C", bold = true, dim = true, reverse = true, underline = true }
            title = { fg = "default", bg = "BRIGHT-WHITE" }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings == [])
        #expect(theme.name == "t")
        #expect(theme.style(.normal) == Style(fg: .ansi(1), bg: .ansi(12)))
        #expect(theme.style(.header) == Style(fg: .rgb(10, 11, 12), bold: true, dim: true, reverse: true, underline: true))
        #expect(theme.style(.title) == Style(fg: .terminalDefault, bg: .ansi(15)))
    }

    @Test func standardTableSyntaxForARoleWorks() throws {
        let toml = """
            [roles."er.open"]
            fg = "green"
            bold = true
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings == [])
        #expect(theme.style(.erOpen) == Style(fg: .ansi(2), bold: true))
    }

    @Test func unknownKeyIsWarnedAndIgnored() throws {
        let toml = """
            name = "x"
            colour_depth = 256
            [roles]
            good = { fg = "green" }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings == ["unknown key \"colour_depth\" ignored"])
        #expect(theme.style(.good) == Style(fg: .ansi(2)))
    }

    @Test func unknownRoleIsWarnedAndIgnored() throws {
        let toml = """
            [roles]
            "er.opn" = { fg = "green" }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("unknown role \"er.opn\" ignored") == true)
        #expect(warnings.first?.contains("er.open") == true)  // the suggestion
        #expect(theme.styles == Theme.builtinDefault.styles)
    }

    @Test func unknownAttributeIsWarnedAndIgnored() throws {
        let toml = """
            [roles]
            alert = { fg = "red", blink = true }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings == ["role \"alert\": unknown attribute \"blink\" ignored"])
        #expect(theme.style(.alert) == Style(fg: .ansi(1)))
    }

    @Test func badColourWarnsAndFallsBackForThatAttribute() throws {
        let toml = """
            [roles]
            "er.closed" = { fg = "purple", bg = "#12345", bold = true }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("\"purple\"") && $0.contains("fg") })
        #expect(warnings.contains { $0.contains("\"#12345\"") && $0.contains("bg") })
        let fallback = Theme.builtinDefault.style(.erClosed)
        #expect(theme.style(.erClosed) == Style(fg: fallback.fg, bg: fallback.bg, bold: true))
    }

    @Test func wrongValueTypesWarn() throws {
        let toml = """
            monochrome = "yes"
            [roles]
            header = { bold = "yes" }
            border = "grey"
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings.count == 3)
        #expect(theme.monochrome == false)
        #expect(theme.style(.header).bold == Theme.builtinDefault.style(.header).bold)
        #expect(theme.style(.border) == Theme.builtinDefault.style(.border))
    }

    @Test func missingRolesFallBack() throws {
        let toml = """
            name = "partial"
            [roles]
            "er.open" = { fg = "#00ff00" }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(warnings == [])
        #expect(theme.name == "partial")
        #expect(theme.style(.erOpen) == Style(fg: .rgb(0, 255, 0)))
        for role in Role.allCases where role != .erOpen {
            #expect(theme.style(role) == Theme.builtinDefault.style(role), "role \(role.rawValue)")
        }
    }

    @Test func monochromeFileDropsColoursAndFallsBackToDistinctAttributes() throws {
        let toml = """
            monochrome = true
            [roles]
            good = { fg = "green", underline = true }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(theme.monochrome)
        #expect(warnings.count == 1)
        #expect(theme.style(.good) == Style(underline: true))
        #expect(theme.style(.selected).reverse)
        #expect(theme.style(.erClosed).fg == .terminalDefault)
    }

    @Test func syntaxErrorThrowsNamingTheLine() throws {
        let toml = """
            name = "broken"
            [roles]
            normal = { fg = "red"
            header = { bold = true }
            """
        do {
            _ = try ThemeLoader.parse(toml, fallback: .builtinDefault)
            Issue.record("expected a syntax error")
        } catch let error as ThemeError {
            guard case let .syntax(_, line, _, _) = error else {
                Issue.record("expected .syntax, got \(error)")
                return
            }
            #expect(line == 3)
            #expect(String(describing: error).contains("line 3"))
        }
    }

    /// Found by fuzzing: on these toml++ broke its own preconditions (an abort in a debug build,
    /// undefined behaviour in a release one) instead of reporting a syntax error.
    @Test(arguments: ["[é]\n", "name = \"x\"\n[ # roles]\n", "[\n", "[[[a]]]\n", "a = [}\n", "a = [1,\n}\n]\n",
                      "a = [\u{2028}]\n", "[\u{5}\u{1B}7roles]\n"])
    func shapesTomlPlusPlusAssertsOnAreSyntaxErrors(_ toml: String) {
        #expect(throws: ThemeError.self) { try ThemeLoader.parse(toml, fallback: .builtinDefault) }
    }

    @Test func aBadTableHeaderIsReportedWhereItIs() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("name = \"x\"\n[ # roles]\n", fallback: .builtinDefault)
        }
        #expect(error == .syntax(file: nil, line: 2, column: 3, message: "a table header must start with a key"))
    }

    @Test func nestedArraysAndBracketsInStringsStillParse() throws {
        let toml = """
            a = [
              [ {x = 1} ],
              [ +1 ], # [é]
              "[é]",
            ]
            b = \"\"\"
            [é] \\
            [}\"\"\"\"
            [roles]
            alert = { fg = "red" }
            """
        let (theme, warnings) = try ThemeLoader.parse(toml, fallback: .builtinDefault)
        #expect(theme.style(.alert) == Style(fg: .ansi(1)))
        #expect(Set(warnings) == ["unknown key \"a\" ignored", "unknown key \"b\" ignored"])
    }

    @Test func colourNames() {
        #expect(ThemeLoader.parseColour("black") == .ansi(0))
        #expect(ThemeLoader.parseColour("white") == .ansi(7))
        #expect(ThemeLoader.parseColour("bright-black") == .ansi(8))
        #expect(ThemeLoader.parseColour("bright-white") == .ansi(15))
        #expect(ThemeLoader.parseColour("default") == .terminalDefault)
        #expect(ThemeLoader.parseColour("#FFaa00") == .rgb(255, 0xaa, 0))
        #expect(ThemeLoader.parseColour("orange") == nil)
        #expect(ThemeLoader.parseColour("#ff00") == nil)
        #expect(ThemeLoader.parseColour("#gg0000") == nil)
        #expect(ThemeLoader.parseColour("bright-orange") == nil)
    }

    // MARK: Colour mapping

    @Test func pureRedMapsPerTerminalDepth() {
        let red = ColorSpec.rgb(255, 0, 0)
        #expect(ColorMapping.index(for: red, colors: 256) == 196)
        let sixteen = ColorMapping.index(for: red, colors: 16)
        #expect(sixteen == 9 || sixteen == 1)
        #expect(ColorMapping.index(for: red, colors: 8) == 1)
        #expect(ColorMapping.index(for: red, colors: 2) == nil)
    }

    @Test func greysMapToTheGreyRamp() throws {
        #expect(ColorMapping.index(for: .rgb(0x80, 0x80, 0x80), colors: 256) == 244)
        let grey = try #require(ColorMapping.index(for: .rgb(0x90, 0x90, 0x90), colors: 256))
        #expect((232...255).contains(grey))
        let dark = try #require(ColorMapping.index(for: .rgb(0x30, 0x30, 0x30), colors: 256))
        #expect(dark == 236)
    }

    @Test func cubeColoursMapExactly() {
        #expect(ColorMapping.index(for: .rgb(0x5f, 0xd7, 0x5f), colors: 256) == 77)
        #expect(ColorMapping.index(for: .rgb(0xd7, 0, 0), colors: 256) == 160)
        #expect(ColorMapping.index(for: .rgb(0xff, 0x87, 0), colors: 256) == 208)
        #expect(ColorMapping.index(for: .rgb(0, 0, 0), colors: 256) == 16)
        #expect(ColorMapping.index(for: .rgb(255, 255, 255), colors: 256) == 231)
    }

    @Test func rgbOnFewerColours() {
        #expect(ColorMapping.index(for: .rgb(0x5f, 0xd7, 0x5f), colors: 8) == 2)  // green
        #expect(ColorMapping.index(for: .rgb(0xff, 0xd7, 0x00), colors: 8) == 3)  // yellow
        #expect(ColorMapping.index(for: .rgb(0x80, 0x80, 0x80), colors: 16) == 8)  // bright black
        #expect(ColorMapping.index(for: .rgb(255, 255, 255), colors: 16) == 15)
        #expect(ColorMapping.index(for: .rgb(255, 255, 255), colors: 8) == 7)
    }

    @Test func ansiColours() {
        #expect(ColorMapping.index(for: .ansi(9), colors: 8) == 1)
        #expect(ColorMapping.index(for: .ansi(9), colors: 16) == 9)
        #expect(ColorMapping.index(for: .ansi(9), colors: 256) == 9)
        #expect(ColorMapping.index(for: .ansi(3), colors: 8) == 3)
        #expect(ColorMapping.index(for: .ansi(3), colors: 0) == nil)
    }

    @Test func terminalDefaultIsNil() {
        #expect(ColorMapping.index(for: .terminalDefault, colors: 256) == nil)
        #expect(ColorMapping.index(for: .terminalDefault, colors: 8) == nil)
    }

    @Test func paletteIsXterm() throws {
        #expect(ColorMapping.palette.count == 256)
        let c196 = try #require(ColorMapping.rgb(ofIndex: 196))
        #expect(c196 == (255, 0, 0))
        let c232 = try #require(ColorMapping.rgb(ofIndex: 232))
        #expect(c232 == (8, 8, 8))
        #expect(ColorMapping.rgb(ofIndex: 256) == nil)
    }

    // MARK: withoutColour

    @Test func withoutColourKeepsNoColours() {
        let mono = Theme.builtinDefault.withoutColour()
        #expect(mono.monochrome)
        #expect(mono.name == "default")
        for role in Role.allCases {
            let style = mono.style(role)
            #expect(style.fg == .terminalDefault, "role \(role.rawValue)")
            #expect(style.bg == .terminalDefault, "role \(role.rawValue)")
        }
    }

    @Test func withoutColourKeepsAttributesAndMakesRolesDistinct() {
        let mono = Theme.builtinDefault.withoutColour()
        #expect(mono.style(.selected).reverse)
        #expect(mono.style(.stale).dim)
        #expect(mono.style(.header).bold)
        #expect(mono.style(.erClosed).bold && mono.style(.erClosed).reverse)
        #expect(mono.style(.notSaved).bold)
        #expect(mono.style(.alert).bold)
        // The ER statuses stay distinguishable from one another.
        let statuses: [Role] = [.erOpen, .erLimited, .erDiverting, .erClosed]
        #expect(Set(statuses.map { "\(mono.style($0))" }).count == statuses.count)
    }

    @Test func withoutColourLeavesChosenAttributesAlone() {
        let theme = Theme(
            name: "t",
            styles: [.selected: Style(underline: true), .stale: Style(fg: .ansi(8))],
            monochrome: true)
        let mono = theme.withoutColour()
        #expect(mono.style(.selected) == Style(underline: true))
        #expect(mono.style(.stale) == Style(dim: true))
    }

    // MARK: Catalog

    @Test func catalogListsAndLoadsShippedThemes() throws {
        let catalog = ThemeCatalog(searchPaths: ["/nonexistent/sitroom/themes", themesDirectory])
        #expect(catalog.directory == themesDirectory)
        #expect(catalog.available() == ["default", "light", "mono", "wall"])
        let (light, warnings) = try catalog.load("light")
        #expect(warnings == [])
        #expect(light.name == "light")
        #expect(try catalog.load("default").theme == Theme.builtinDefault)
    }

    @Test func catalogUnknownNameListsAvailable() throws {
        let catalog = ThemeCatalog(searchPaths: [themesDirectory])
        let error = #expect(throws: ThemeError.self) { try catalog.load("foo") }
        #expect(error == .unknownTheme(name: "foo", available: ["default", "light", "mono", "wall"]))
        #expect(error?.description == "unknown theme \"foo\"; available: default, light, mono, wall")
        #expect(throws: ThemeError.self) { try catalog.load("../themes/light") }
    }

    @Test func catalogWithoutFolderStillHasDefault() throws {
        let catalog = ThemeCatalog(searchPaths: ["/nonexistent/a", "/nonexistent/b"])
        #expect(catalog.directory == nil)
        #expect(catalog.available() == ["default"])
        let (theme, warnings) = try catalog.load("default")
        #expect(theme == Theme.builtinDefault)
        #expect(warnings == [])
        let error = #expect(throws: ThemeError.self) { try catalog.load("wall") }
        #expect(error?.description == "unknown theme \"wall\"; available: default")
    }

    @Test func catalogSkipsFoldersWithoutThemesAndNamesFromFile() throws {
        let empty = try temporaryDirectory()
        let full = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: empty)
            try? FileManager.default.removeItem(atPath: full)
        }
        try "[roles]\nalert = { fg = \"red\" }\n".write(toFile: full + "/night.toml", atomically: true, encoding: .utf8)
        try "[roles\n".write(toFile: full + "/broken.toml", atomically: true, encoding: .utf8)

        let catalog = ThemeCatalog(searchPaths: [empty, full])
        #expect(catalog.directory == full)
        #expect(catalog.available() == ["broken", "default", "night"])
        let (night, _) = try catalog.load("night")
        #expect(night.name == "night")
        #expect(night.style(.alert) == Style(fg: .ansi(1)))
        #expect(night.style(.erClosed) == Theme.builtinDefault.style(.erClosed))
        // No default.toml in the folder: the built-in one.
        #expect(try catalog.load("default").theme == Theme.builtinDefault)

        let error = #expect(throws: ThemeError.self) { try catalog.load("broken") }
        #expect(error?.description.contains("broken.toml") == true)
        #expect(error?.description.contains("line 1") == true)
    }

    @Test func standardCatalogSearchOrder() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let exe = root + "/project/.build/debug/sitroom"
        try FileManager.default.createDirectory(
            atPath: root + "/project/.build/debug", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/project/themes", withIntermediateDirectories: true)
        try "name = \"default\"\n".write(toFile: root + "/project/themes/default.toml", atomically: true, encoding: .utf8)

        let catalog = ThemeCatalog.standard(executablePath: exe, environment: ["SITROOM_THEMES": "/env/themes"])
        let paths = catalog.searchPaths
        let debug = URL(fileURLWithPath: root + "/project/.build/debug").standardizedFileURL.path
        let project = URL(fileURLWithPath: root + "/project").standardizedFileURL.path
        #expect(paths.first == "/env/themes")
        let share = URL(fileURLWithPath: root + "/project/.build/share/sitroom/themes").standardizedFileURL.path
        let shareIndex = try #require(paths.firstIndex(of: share))
        let exeThemes = try #require(paths.firstIndex(of: debug + "/themes"))
        let walked = try #require(paths.firstIndex(of: project + "/themes"))
        #expect(shareIndex < exeThemes && exeThemes < walked)
        #expect(paths.last?.hasSuffix("/themes") == true)
        #expect(catalog.directory == project + "/themes")
    }
}
