extension Theme {
    /// The default theme, built into the program so it works with no themes folder.
    /// Kept identical to themes/default.toml (a test checks).
    public static let builtinDefault: Theme = {
        func rgb(_ hex: UInt32) -> ColorSpec {
            .rgb(UInt8((hex >> 16) & 0xff), UInt8((hex >> 8) & 0xff), UInt8(hex & 0xff))
        }
        let barBG = rgb(0x303030)
        let styles: [Role: Style] = [
            .normal: Style(),
            .muted: Style(fg: rgb(0x8a8a8a)),
            .header: Style(bold: true),
            .border: Style(fg: rgb(0x585858)),
            .title: Style(fg: rgb(0x00d7d7), bold: true),
            .selected: Style(fg: rgb(0x000000), bg: rgb(0xd0d0d0)),
            .topBar: Style(fg: rgb(0xffffff), bg: rgb(0x005f87), bold: true),
            .statusBar: Style(fg: rgb(0xd0d0d0), bg: barBG),
            .key: Style(fg: rgb(0xffd75f), bg: barBG, bold: true),
            .erOpen: Style(fg: rgb(0x5fd75f)),
            .erLimited: Style(fg: rgb(0xffd700)),
            .erDiverting: Style(fg: rgb(0xff8700), bold: true),
            .erClosed: Style(fg: rgb(0xffffff), bg: rgb(0xd70000), bold: true),
            .stale: Style(fg: rgb(0x808080), dim: true),
            .alert: Style(fg: rgb(0xff5f5f), bold: true),
            .warning: Style(fg: rgb(0xffd700)),
            .good: Style(fg: rgb(0x5fd75f)),
            .saved: Style(fg: rgb(0x5fd75f)),
            .notSaved: Style(fg: rgb(0xffffff), bg: rgb(0xd70000), bold: true),
            .demo: Style(fg: rgb(0x000000), bg: rgb(0xffd700), bold: true),
            .changed: Style(bg: rgb(0x00005f), bold: true),
            .input: Style(bg: rgb(0x3a3a3a)),
            .error: Style(fg: rgb(0xff5f5f), bold: true),
        ]
        return Theme(name: "default", styles: styles)
    }()

    /// Attributes a role gets in a colourless theme when it has none of its own, so that roles told
    /// apart only by colour stay distinguishable.
    static func monochromeAttributes(for role: Role) -> Style {
        switch role {
        case .normal, .erOpen, .good, .saved: Style()
        case .muted, .border, .stale: Style(dim: true)
        case .header: Style(bold: true, underline: true)
        case .title, .key, .error, .changed, .erDiverting: Style(bold: true)
        case .warning: Style(underline: true)
        case .selected, .statusBar, .demo: Style(reverse: true)
        case .topBar: Style(bold: true, reverse: true)
        case .erLimited, .input: Style(underline: true)
        case .erClosed, .alert, .notSaved: Style(bold: true, reverse: true)
        }
    }

    /// The same theme with every colour dropped (for NO_COLOR or terminals without colour):
    /// attributes are kept, and roles with no attribute of their own get one so they stay distinct.
    /// In a colour theme, a role drawn on a coloured background (a bar, a badge such as
    /// `er.closed` white on red) also gets `reverse`, the colourless way of showing a background.
    public func withoutColour() -> Theme {
        var result: [Role: Style] = [:]
        for role in Role.allCases {
            let old = styles[role] ?? styles[.normal] ?? Style()
            var new = Style(bold: old.bold, dim: old.dim, reverse: old.reverse, underline: old.underline)
            if !monochrome, old.bg != .terminalDefault, role != .normal {
                new.reverse = true
            }
            if !(new.bold || new.dim || new.reverse || new.underline) {
                new = Theme.monochromeAttributes(for: role)
            }
            result[role] = new
        }
        return Theme(name: name, styles: result, monochrome: true)
    }
}
