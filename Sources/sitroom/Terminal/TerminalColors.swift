import CNcurses
import SitRoomUI

/// How the terminal writes one role: attributes plus a colour pair (0 = the terminal's colours).
struct RoleLook: Equatable {
    var attrs: attr_t
    var pair: Int16

    static let plain = RoleLook(attrs: cn_A_NORMAL(), pair: 0)
}

extension Terminal {
    /// One colour pair per role (pair n+1 for the n-th role), colours from `ColorMapping`, attributes
    /// from the style. Monochrome themes, and terminals without colour, get attributes only.
    func setTheme(_ theme: Theme) {
        guard active else { return }
        let useColor = !theme.monochrome && has_colors()
        if useColor && !colorStarted {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
            colorStarted = true
        }
        let colorCount = colorStarted ? Int(cn_COLORS()) : 0
        let pairCount = colorStarted ? Int(cn_COLOR_PAIRS()) : 0

        var looks: [Role: RoleLook] = [:]
        for (index, role) in Role.allCases.enumerated() {
            let style = theme.style(role)
            var look = RoleLook(attrs: Terminal.attributes(of: style), pair: 0)
            let pair = index + 1
            if useColor, colorCount > 0, pair < pairCount {
                let fg = ColorMapping.index(for: style.fg, colors: colorCount)
                let bg = ColorMapping.index(for: style.bg, colors: colorCount)
                // Without use_default_colors, -1 is not allowed: fall back to white on black.
                let fgIndex = fg ?? (defaultColorsAvailable ? -1 : Int16(COLOR_WHITE))
                let bgIndex = bg ?? (defaultColorsAvailable ? -1 : Int16(COLOR_BLACK))
                if init_pair(Int16(pair), fgIndex, bgIndex) == OK {
                    look.pair = Int16(pair)
                }
            }
            looks[role] = look
        }
        self.looks = looks
        // Attributes are per cell, not per pair: everything has to be written again.
        previous = nil
    }

    static func attributes(of style: Style) -> attr_t {
        var attrs = cn_A_NORMAL()
        if style.bold { attrs |= cn_A_BOLD() }
        if style.dim { attrs |= cn_A_DIM() }
        if style.reverse { attrs |= cn_A_REVERSE() }
        if style.underline { attrs |= cn_A_UNDERLINE() }
        return attrs
    }

    func look(_ role: Role) -> RoleLook {
        looks[role] ?? looks[.normal] ?? .plain
    }
}
