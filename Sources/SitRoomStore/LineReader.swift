import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads whatever is available on a file descriptor and hands back the complete lines.
public struct LineReader {
    public let fd: Int32
    private var pending: [UInt8] = []
    /// `pending[..<scanned]` holds no newline: each read is searched once, so a 20 MB line takes
    /// one pass, not one pass over all of it per 64 KB read (that was two minutes).
    private var scanned = 0
    private var atEnd = false

    public init(fd: Int32) { self.fd = fd }

    /// Blocks until at least one complete line (or the end of input) is there; nil at the end.
    public mutating func nextLines() -> [String]? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let lastNewline = pending[scanned...].lastIndex(of: UInt8(ascii: "\n")) {
                let chunk = pending[..<lastNewline]
                pending.removeSubrange(...lastNewline)
                scanned = pending.count  // what followed the last newline
                return chunk.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
            }
            scanned = pending.count
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer {
                    pending.removeAll()
                    scanned = 0
                }
                return [String(decoding: pending, as: UTF8.self)]
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = true } else { pending.append(contentsOf: buffer[..<n]) }
        }
    }
}
