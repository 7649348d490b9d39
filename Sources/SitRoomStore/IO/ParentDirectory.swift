/// The folder part of a path, as NSString's `deletingLastPathComponent` gives it: "" for a bare
/// name, "/" for a top-level one, trailing slashes ignored. Not NSString's own: Foundation 6.3.1 on
/// Linux dies (SIGILL) on a one-character path such as "d" or "d/", so `sitroom init --data d` did.
func parentDirectory(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    var parent = trimmed[..<slash]
    while parent.hasSuffix("/") { parent = parent.dropLast() }
    return parent.isEmpty ? "/" : String(parent)
}
