import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file `sitroom check` reads: opened while the lock was held, its size taken then, so that a
/// compaction moving files or a writer appending meanwhile changes nothing the check sees.
struct CheckedFile {
    /// As the report names it: `journal-5.log`, `history/journal-1.log`.
    let name: String
    let path: String
    let fd: Int32
    let size: Int64
}

/// One generation's files, wherever they are (the directory or `history/`).
struct CheckedGeneration {
    let number: Int
    var journal: CheckedFile?
    var snapshot: CheckedFile?
}

enum CheckFiles {
    /// Every generation up to `current`, oldest first, with the files that could be opened; the
    /// names of files of later generations (an interrupted compaction's, removed by the next one)
    /// and of files that could not be opened, with why.
    static func open(_ dir: DataDirectory, current: Int)
        -> (generations: [CheckedGeneration], later: [String], unopened: [(name: String, why: String)]) {
        let fs = dir.fs
        var byNumber: [Int: CheckedGeneration] = [:]
        var later: [String] = []
        var unopened: [(String, String)] = []
        for (folder, prefix) in [(dir.historyPath, "history/"), (dir.path, "")] {
            for name in ((try? fs.listDirectory(folder)) ?? []).sorted() {
                guard let g = DataDirectory.generation(of: name) else { continue }
                guard g <= current else {
                    later.append(prefix + name)
                    continue
                }
                let path = folder + "/" + name
                let file: CheckedFile
                do {
                    let fd = try fs.open(path, O_RDONLY, 0)
                    file = CheckedFile(name: prefix + name, path: path, fd: fd, size: (try? fs.size(fd)) ?? 0)
                } catch {
                    unopened.append((prefix + name, "\(error)"))
                    continue
                }
                var gen = byNumber[g] ?? CheckedGeneration(number: g)
                if name.hasPrefix("journal-") { gen.journal = file } else { gen.snapshot = file }
                byNumber[g] = gen
            }
        }
        if byNumber[current] == nil { byNumber[current] = CheckedGeneration(number: current) }
        return (byNumber.keys.sorted().map { byNumber[$0]! }, later, unopened)
    }

    static func close(_ generations: [CheckedGeneration], fs: any FileSystem) {
        for g in generations {
            if let f = g.journal { fs.close(f.fd) }
            if let f = g.snapshot { fs.close(f.fd) }
        }
    }

    static func bytes(of file: CheckedFile, fs: any FileSystem) throws -> [UInt8] {
        try fs.read(file.fd, count: Int(file.size), at: 0)
    }
}
