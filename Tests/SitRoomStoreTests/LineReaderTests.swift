import Foundation
import Testing
import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

/// `sitroom apply` reads stdin with a `LineReader`: whatever is there, handed back as whole lines.
@Suite struct LineReaderTests {
    /// A pipe: the reader's end and a way to write into the other.
    final class Pipe {
        let readEnd: Int32
        private(set) var writeEnd: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
            readEnd = fds[0]
            writeEnd = fds[1]
        }

        deinit {
            close(readEnd)
            if writeEnd >= 0 { close(writeEnd) }
        }

        func write(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { _ = Glibc.write(writeEnd, $0.baseAddress, $0.count) }
        }

        func write(_ text: String) { write(Array(text.utf8)) }

        func closeWriting() {
            close(writeEnd)
            writeEnd = -1
        }
    }

    @Test func everyCompleteLineWaitingComesInOneTake() throws {
        let pipe = try Pipe()
        var reader = LineReader(fd: pipe.readEnd)
        pipe.write("first\n\nthird\n")
        #expect(reader.nextLines() == ["first", "", "third"])
    }

    @Test func aLineCutShortWaitsForTheRestOfIt() throws {
        let pipe = try Pipe()
        var reader = LineReader(fd: pipe.readEnd)
        pipe.write("whole\npar")
        #expect(reader.nextLines() == ["whole"])
        pipe.write("tial\n")
        #expect(reader.nextLines() == ["partial"])
    }

    @Test func aCharacterSplitBetweenWritesArrivesWhole() throws {
        let pipe = try Pipe()
        var reader = LineReader(fd: pipe.readEnd)
        let bytes = Array("서울 OK\n".utf8)
        pipe.write(Array(bytes[..<2]))  // inside the first character's three bytes
        // The rest comes later, while the reader is waiting in `read` with the two bytes it has.
        let rest = Array(bytes[2...]), fd = pipe.writeEnd
        let writer = Thread {
            usleep(100_000)
            rest.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        }
        writer.start()
        #expect(reader.nextLines() == ["서울 OK"])
    }

    @Test func theLastLineNeedsNoNewlineAndTheEndIsNil() throws {
        let pipe = try Pipe()
        var reader = LineReader(fd: pipe.readEnd)
        pipe.write("one\nlast")
        pipe.closeWriting()
        #expect(reader.nextLines() == ["one"])
        #expect(reader.nextLines() == ["last"])
        #expect(reader.nextLines() == nil)
        #expect(reader.nextLines() == nil)
    }

    @Test func anEmptyInputIsAtItsEndAtOnce() throws {
        let pipe = try Pipe()
        var reader = LineReader(fd: pipe.readEnd)
        pipe.closeWriting()
        #expect(reader.nextLines() == nil)
    }
}
