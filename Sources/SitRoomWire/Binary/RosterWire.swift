import Foundation
import SitRoomCore

// The roster on the wire: the `officer.*` changes take kind codes 70-79 (70-72 used), a snapshot's
// roster follows the security tables (format SRSNAP04), and a change's origin follows the change
// in a journal record tagged 0x03.

extension RosterAction {
    static let wireCodes: ClosedRange<UInt8> = 70...79

    func write(to w: inout WireWriter) {
        switch self {
        case .add(let o): w.byte(70); w.value(o)
        case .edit(let o): w.byte(71); w.value(o)
        case .retire(let id): w.byte(72); w.string(id)
        }
    }

    init(wire r: inout WireReader, code: UInt8) throws {
        switch code {
        case 70: self = .add(try r.value())
        case 71: self = .edit(try r.value())
        case 72: self = .retire(id: try r.string())
        default: throw WireReader.damage("unknown change kind \(code)")
        }
    }
}

extension Officer: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(name)
        w.string(desk)
        w.code(role)
        w.array(osUsers)
        w.array(keys)
        w.array(publicKeys)
        w.optional(retired)
    }

    init(wire r: inout WireReader) throws {
        self.init(id: try r.string(), name: try r.string(), desk: try r.string(), role: try r.code(OfficerRole.self),
                  osUsers: try r.array(), keys: try r.array(), publicKeys: try r.array(), retired: try r.optional())
    }
}

extension OfficerRole: WireEnum {
    static let wireCases: [OfficerRole] = [.watch, .officer, .supervisor, .admin]
}

extension Origin: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(osUser)
        w.optional(key)
    }

    init(wire r: inout WireReader) throws {
        self.init(osUser: try r.string(), key: try r.optional())
    }
}

/// The roster of a snapshot, by officer id.
enum RosterWire {
    static func write(_ board: Board, to w: inout WireWriter) {
        w.array(board.roster.values.sorted { $0.id < $1.id })
    }

    static func read(_ r: inout WireReader, into board: inout Board) throws {
        let officers: [Officer] = try r.array()
        board.roster = Dictionary(officers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }
}
