import Foundation
import Testing
@testable import SitRoomCore

@Suite struct ISO8601Tests {
    @Test func agreesWithFoundationOverManyTimes() {
        let foundation = ISO8601DateFormatter()
        var rng = SeededRandom(seed: testSeed())
        for _ in 0..<5000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &rng)))
            let text = ISO8601.format(date)
            #expect(text == foundation.string(from: date))
            #expect(ISO8601.parse(text) == date)
        }
    }

    @Test func earlyYearsArePaddedAndRoundTrip() {
        // ISO 8601 is proleptic Gregorian (Foundation switches to Julian before 1582).
        #expect(ISO8601.format(.distantPast) == "0000-12-30T00:00:00Z")
        #expect(ISO8601.parse(ISO8601.format(.distantPast)) == .distantPast)
        #expect(ISO8601.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func readsOffsetsAndFractions() {
        #expect(ISO8601.parse("2026-11-23T18:00:00+09:00") == ISO8601.parse("2026-11-23T09:00:00Z"))
        #expect(ISO8601.parse("2026-11-23T09:00:00-01:30")?.timeIntervalSince1970 == ISO8601.parse("2026-11-23T10:30:00Z")?.timeIntervalSince1970)
        #expect(ISO8601.parse("2026-11-23T09:00:00.5Z")?.timeIntervalSince1970 == ISO8601.parse("2026-11-23T09:00:00Z")!.timeIntervalSince1970 + 0.5)
        #expect(ISO8601.parse("2024-02-29T00:00:00Z") != nil)
    }

    @Test(arguments: ["", "2026-11-23", "2026-11-23 09:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T09:00:00", "2026-11-23T09:00:00Zjunk", "２０２６-11-23T09:00:00Z"])
    func rejectsWhatIsNotATime(_ text: String) {
        #expect(ISO8601.parse(text) == nil)
    }
}
