import Foundation
import SitRoomCore

// The board's alert rules (`rules.set`, kind code 80) and the figures' origins on the wire. The rules
// go as their JSON (keys sorted): a rule added later reads its default from an older record, which
// a positional coding could not do without a new tag. They follow the roster in a snapshot
// (format SRSNAP05), then the origins.

extension AlertRules: WireCodable {
    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    func write(to w: inout WireWriter) {
        // Encoding a struct of plain numbers, flags and strings cannot fail.
        let data = (try? Self.encoder.encode(self)) ?? Data("{}".utf8)
        w.string(String(decoding: data, as: UTF8.self))
    }

    init(wire r: inout WireReader) throws {
        let text = try r.string()
        do {
            self = try JSONDecoder().decode(AlertRules.self, from: Data(text.utf8))
        } catch {
            throw WireReader.damage("alert rules are not readable: \(error)")
        }
    }
}

extension FigureOrigin: WireCodable {
    func write(to w: inout WireWriter) {
        w.value(stamp)
        w.value(origin)
    }

    init(wire r: inout WireReader) throws {
        self.init(stamp: try r.value(), origin: try r.value())
    }
}

/// A snapshot's alert rules and the figures' origins (by hospital id, in id order).
enum AlertRulesWire {
    static let code: UInt8 = 80

    static func write(_ board: Board, to w: inout WireWriter) {
        w.optional(board.alertRules)
        w.array(board.figureOrigins.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.value(entry.value)
        }
    }

    static func read(_ r: inout WireReader, into board: inout Board) throws {
        board.alertRules = try r.optional(AlertRules.self)
        let origins = try r.array { r in (try r.string(), try r.value(FigureOrigin.self)) }
        board.figureOrigins = Dictionary(origins, uniquingKeysWith: { _, last in last })
    }
}
