/// A colour as a theme file gives it.
public enum ColorSpec: Equatable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours by number (0-15).
    case ansi(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// How one role looks.
public struct Style: Equatable, Sendable {
    public var fg: ColorSpec
    public var bg: ColorSpec
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        fg: ColorSpec = .terminalDefault, bg: ColorSpec = .terminalDefault,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// A named set of styles, one per role.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: Style]
    /// Attributes only (bold, reverse...), never colour: for monochrome themes and NO_COLOR.
    public var monochrome: Bool

    public init(name: String, styles: [Role: Style], monochrome: Bool = false) {
        self.name = name
        self.styles = styles
        self.monochrome = monochrome
    }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.normal] ?? Style() }
}
