import Foundation
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The hand-written wire coding (payload tag 0x02, snapshot "SRSNAP02") and what it replaced.
@Suite struct WireCodingTests {
    static func record(_ change: Change) throws -> ScannedRecord {
        var bytes: [UInt8] = []
        try JournalRecord.encode(change, seq: 7, into: &bytes)
        let (records, tail) = JournalScanner.scan(bytes)
        #expect(tail == .clean)
        return try #require(records.first)
    }

    /// A record as sitroom wrote it before the wire coding: tag 0x01 and the generic `BinaryEncoder`.
    static func legacyRecord(_ change: Change) throws -> ScannedRecord {
        var bytes: [UInt8] = []
        JournalRecord.encode(seq: 7, payload: [JournalRecord.legacyBinaryTag] + (try BinaryEncoder().encode(change)), into: &bytes)
        return try #require(JournalScanner.scan(bytes).records.first)
    }

    @Test func everyKindWithEveryFieldRoundTrips() throws {
        #expect(Set(WireSamples.full.map(\.type)) == Set(ChangeAction.allTypes), "a kind of change has no sample")
        for change in WireSamples.changes {
            let record = try Self.record(change)
            #expect(record.payload.first == JournalRecord.binaryTag)
            #expect(try JournalRecord.decodeChange(record.payload) == change, "\(change.action.type)")
        }
    }

    /// A change's origin follows the change in a record tagged 0x03: the OS user, then the key.
    @Test func anOriginRidesBehindTheChange() throws {
        for origin in [Origin(osUser: "sitroom", key: "SHA256:" + String(repeating: "k", count: 43)), Origin(osUser: "김")] {
            var change = WireSamples.changes[1]
            change.origin = origin
            let record = try Self.record(change)
            #expect(record.payload.first == 0x03)
            let bare = try Self.record(WireSamples.changes[1]).payload
            var tail: [UInt8] = [UInt8(origin.osUser.utf8.count)] + Array(origin.osUser.utf8)
            tail += origin.key.map { [1, UInt8($0.utf8.count)] + Array($0.utf8) } ?? [0]
            #expect(Array(record.payload.dropFirst()) == Array(bare.dropFirst()) + tail)
            #expect(try JournalRecord.decodeChange(record.payload) == change)
            // In JSON (whole seconds, as JSON keeps them): `"origin": {"os_user": …, "key": …}`.
            let plain = Change(officer: "kim", at: WireSamples.t0, action: .removeLog(id: "l1"), origin: origin)
            let json = try SitRoomJSON.encoder().encode(plain)
            #expect(String(decoding: json, as: UTF8.self).contains("\"origin\":{"))
            #expect(try SitRoomJSON.decoder().decode(Change.self, from: json) == plain)
        }
    }

    /// The kinds there were while records were written with the generic coding (tag 0x01): the
    /// ones added since (capability's, from `conditions.set` on) never were.
    static let legacyKinds = Set(ChangeAction.Kind.allCases.prefix(while: { $0 != .setConditions }))

    @Test func oldBinaryRecordsStillReadToTheSameChanges() throws {
        #expect(Self.legacyKinds.count == 30)
        for change in WireSamples.changes where Self.legacyKinds.contains(change.action.kind) {
            let legacy = try Self.legacyRecord(change)
            #expect(legacy.payload.first == 0x01)
            let old = try JournalRecord.decodeChange(legacy.payload)
            #expect(old == change, "\(change.action.type)")
            #expect(old == (try JournalRecord.decodeChange(try Self.record(change).payload)), "\(change.action.type)")
        }
    }

    /// The format itself, byte by byte: a change of the wire coding cannot slip in unnoticed (older
    /// journals hold these bytes).
    @Test func aReportIsWrittenAsSpecified() throws {
        let at = Date(timeIntervalSince1970: 1_795_430_000)
        let change = Change(officer: "kim", at: at, action: .reportHospital(id: "A1", HospitalReport(
            erState: .diverting, icuBeds: Capacity(available: -1, staffed: 70), policePost: true)))
        var expected: [UInt8] = [0x02, 3] + Array("kim".utf8)
        withUnsafeBytes(of: at.timeIntervalSince1970.bitPattern.littleEndian) { expected += $0 }
        expected += [3, 2] + Array("A1".utf8)          // hospital.report, its id
        expected += [1, 2, 0, 0]                        // erState diverting, no reason, no ER beds
        expected += [1, 1, 140, 1]                      // ICU beds -1 / 70 (zigzag varints)
        expected += [0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0] // the other capacities, staffing and counts
        expected += [1, 1, 0]                           // police post true, no open incidents
        #expect(Array(try Self.record(change).payload) == expected)
    }

    /// A revert's fields are written by name, as when they were strings: the bytes older journals
    /// hold. A name the record does not have is damage, told with the names it has.
    @Test func aRevertsFieldsAreWrittenByName() throws {
        let at = Date(timeIntervalSince1970: 1_795_430_000)
        let change = Change(officer: "kim", at: at, action: .revertContact(
            id: "c", fields: [.lastVerified, .phone], to: Contact(id: "c", agencyId: "k", person: "p")))
        var head: [UInt8] = [0x02, 3] + Array("kim".utf8)
        withUnsafeBytes(of: at.timeIntervalSince1970.bitPattern.littleEndian) { head += $0 }
        head += [15, 1] + Array("c".utf8)                                      // contact.revert, its id
        head += [2, 12] + Array("lastVerified".utf8) + [5] + Array("phone".utf8) // two fields by name
        let payload = Array(try Self.record(change).payload)
        #expect(payload.starts(with: head))
        let phony = Array(payload[..<(head.count - 5)]) + Array("phony".utf8) + Array(payload[head.count...])
        let error = #expect(throws: BinaryDecodingError.self) { try JournalRecord.decodeChange(phony[...]) }
        #expect(error?.description.hasPrefix("unknown contact field \"phony\" to revert; known: agencyId, person,") == true,
                "\(String(describing: error))")
    }

    @Test func everyEnumCaseHasOneCode() {
        func check<E: WireEnum & CaseIterable & Hashable>(_: E.Type) {
            #expect(E.wireCases.count == E.allCases.count && Set(E.wireCases) == Set(E.allCases), "\(E.self)")
        }
        check(HospitalClass.self)
        check(ERState.self)
        check(ActionStatus.self)
        check(AgencyKind.self)
        check(CallOutcome.self)
        check(AlertRule.self)
        check(Severity.self)
        check(StrikeForm.self)
        check(Availability.self)
        check(SecurityLevel.self)
        check(SecurityStep.self)
        check(SecurityOutcome.self)
    }

    /// Cut short anywhere, a payload is refused (the coding is prefix-free and must be read to its end).
    @Test func everyTruncatedPayloadIsRefused() throws {
        for change in WireSamples.changes {
            let payload = Array(try Self.record(change).payload)
            for cut in 1..<payload.count {
                #expect(throws: BinaryDecodingError.self, "\(change.action.type) cut at \(cut)") {
                    try JournalRecord.decodeChange(payload[..<cut])
                }
            }
            #expect(throws: BinaryDecodingError.self) { try JournalRecord.decodeChange((payload + [0])[...]) }
        }
    }

    /// Hostile lengths and counts: refused before anything is read or reserved, never a trap.
    @Test func hostileLengthsAndCountsAreRefused() throws {
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]  // 2^64 - 1
        let half: [UInt8] = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]  // 2^63
        let tooLong: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        for length in [huge, half, tooLong, [0x10]] {
            #expect(throws: BinaryDecodingError.self) { try JournalRecord.decodeChange(([0x02] + length + [0x41])[...]) }
        }
        // A revert whose field list claims 2^63 entries.
        var head: [UInt8] = [0x02, 1, 0x6B] + [UInt8](repeating: 0, count: 8) + [4, 1, 0x41]
        #expect(throws: BinaryDecodingError.self) { try JournalRecord.decodeChange((head + half + [0x41])[...]) }
        head = [0x02, 1, 0x6B] + [UInt8](repeating: 0, count: 8) + [200]
        #expect(throws: BinaryDecodingError.self, "unknown kind") { try JournalRecord.decodeChange(head[...]) }
        var reader = [UInt8](huge + [1, 2, 3]).withUnsafeBytes { raw in
            var r = WireReader(raw)
            return Result { try r.count() }
        }
        #expect(throws: BinaryDecodingError.self) { try reader.get() }
        reader = [UInt8]([3, 1, 2, 3]).withUnsafeBytes { raw in
            var r = WireReader(raw)
            return Result { try r.count(minimumSize: 2) }
        }
        #expect(throws: BinaryDecodingError.self, "three elements of two bytes do not fit in three") { try reader.get() }
    }
}

extension WireCodingTests {
    /// Replaying the journal after a snapshot appends to the log: it must not start by doubling it.
    @Test func aSnapshotLeavesTheLogRoomToGrow() throws {
        let board = DemoSituation.board(now: Sample.t0)
        let read = try Snapshot.decode(try Snapshot.encode(board, seq: 1)).board
        #expect(read.log.count == board.log.count && read.log.count > 0)
        #expect(read.log.capacity >= read.log.count + BoardWire.logHeadroom(read.log.count))
    }
}
