/// Turns a theme colour into a terminal colour number for however many colours the terminal has.
public enum ColorMapping {
    /// The colour number to use, or nil for the terminal's own colour (curses: -1) or when the
    /// terminal has too few colours to show it (fewer than 8).
    ///
    /// - `ansi(n)`: n, or n-8 (bright to normal) when the terminal has fewer than 16 colours.
    /// - `rgb`: the nearest xterm colour: of all 256 when `colors >= 256`, of the 16 ANSI colours
    ///   when `colors >= 16`, of the first 8 when `colors >= 8`.
    public static func index(for spec: ColorSpec, colors: Int) -> Int16? {
        switch spec {
        case .terminalDefault:
            return nil
        case let .ansi(n):
            guard colors >= 8, (0...15).contains(n) else { return nil }
            if n < colors { return Int16(n) }
            return n >= 8 ? Int16(n - 8) : nil
        case let .rgb(r, g, b):
            let candidates: Range<Int>
            if colors >= 256 {
                // The cube and grey ramp first: they are fixed, whereas terminals often restyle 0-15,
                // so on a tie the cube wins (#ff0000 -> 196, not 9).
                return Int16(nearest(r, g, b, in: Array(16..<256) + Array(0..<16)))
            } else if colors >= 16 {
                candidates = 0..<16
            } else if colors >= 8 {
                candidates = 0..<8
            } else {
                return nil
            }
            return Int16(nearest(r, g, b, in: Array(candidates)))
        }
    }

    /// The index among `candidates` whose colour is nearest; the earlier one on a tie.
    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, in candidates: [Int]) -> Int {
        var best = candidates[0]
        var bestDistance = Int.max
        for i in candidates {
            let d = distance((Int(r), Int(g), Int(b)), palette[i])
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return best
    }

    /// "Redmean" weighted RGB distance (squared, scaled by 256): cheap and closer to what eyes see
    /// than plain Euclidean distance.
    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let rmean = (a.0 + b.0) / 2
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return ((512 + rmean) * dr * dr) + 1024 * dg * dg + ((767 - rmean) * db * db)
    }

    /// The standard xterm colours 0-15.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
    ]

    /// The xterm 256-colour palette: 0-15 ANSI, 16-231 the 6x6x6 cube, 232-255 the grey ramp.
    static let palette: [(Int, Int, Int)] = {
        var p = ansiRGB
        let levels = [0, 95, 135, 175, 215, 255]
        for r in levels {
            for g in levels {
                for b in levels { p.append((r, g, b)) }
            }
        }
        for i in 0..<24 {
            let v = 8 + 10 * i
            p.append((v, v, v))
        }
        return p
    }()

    /// The RGB value xterm uses for colour number `index` (0-255), e.g. for tests and previews.
    static func rgb(ofIndex index: Int) -> (UInt8, UInt8, UInt8)? {
        guard palette.indices.contains(index) else { return nil }
        let c = palette[index]
        return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
    }
}
