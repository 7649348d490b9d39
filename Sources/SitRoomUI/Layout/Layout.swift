/// How much of a split one part takes.
public enum Constraint: Equatable, Sendable {
    /// Exactly n cells.
    case length(Int)
    /// A share of the whole, at least `min` cells.
    case percent(Int, min: Int = 0)
    /// What is left, shared by weight among the fills.
    case fill(Int = 1)
}

/// Splits a rectangle into rows or columns by constraints (like ratatui's Layout): fixed parts first,
/// then percentages, then fills share the rest. Parts never overlap and never leave the rectangle.
public enum Layout {
    public enum Direction { case vertical, horizontal }

    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        let total = direction == .vertical ? rect.height : rect.width
        var sizes = [Int](repeating: 0, count: constraints.count)
        var left = total
        for (i, c) in constraints.enumerated() {
            switch c {
            case .length(let n):
                sizes[i] = min(max(0, n), left)
                left -= sizes[i]
            case .percent(let p, let minimum):
                sizes[i] = min(max(total * p / 100, minimum), left)
                left -= sizes[i]
            case .fill: break
            }
        }
        let weights = constraints.map { if case .fill(let w) = $0 { max(1, w) } else { 0 } }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 {
            var remaining = left
            var lastFill = 0
            for (i, w) in weights.enumerated() where w > 0 {
                sizes[i] = left * w / weightSum
                remaining -= sizes[i]
                lastFill = i
            }
            sizes[lastFill] += remaining
        }
        var offset = direction == .vertical ? rect.y : rect.x
        return sizes.map { size in
            defer { offset += size }
            return direction == .vertical
                ? Rect(x: rect.x, y: offset, width: rect.width, height: size)
                : Rect(x: offset, y: rect.y, width: size, height: rect.height)
        }
    }
}
