import Foundation
import Testing
@testable import SitRoomCore

private let now = Date(timeIntervalSince1970: 1_795_430_000)
private let small = ScenarioSpec(hospitals: 50, contacts: 20, log: 200, changes: 2_000)

/// The set-up and then every later change, as `GeneratedScenario` (what `sitroom generate` runs) takes them.
private func everyChange(_ generator: ScenarioGenerator) -> [Change] {
    generator.setupChanges() + Array(generator.laterChanges())
}

private func isHangul(_ s: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(s.value) }

@Suite struct ScenarioGeneratorTests {
    @Test func theSameSeedGivesTheSameChangesAnotherSeedOthers() {
        let a = everyChange(ScenarioGenerator(spec: small, seed: 42, now: now))
        let b = everyChange(ScenarioGenerator(spec: small, seed: 42, now: now))
        let c = everyChange(ScenarioGenerator(spec: small, seed: 43, now: now))
        #expect(a == b)
        #expect(a != c)
        // Another seed gives other hospitals, not just other figures.
        let names = { (changes: [Change]) in changes.compactMap { if case .addHospital(let h) = $0.action { h.name } else { nil } } }
        #expect(names(a) != names(c))
    }

    @Test func aSmallScenarioAppliesInOrderToAnEmptyBoard() throws {
        let generator = ScenarioGenerator(spec: small, seed: 7, now: now)
        var board = Board()
        let setup = generator.setupChanges()
        for (i, change) in setup.enumerated() {
            do { try board.apply(change) } catch {
                Issue.record("set-up change #\(i) (\(change.action.type)) refused: \(error)")
                return
            }
        }
        #expect(board.hospitals.count == 50)
        #expect(board.contacts.count == 20)
        #expect(board.log.count == 200)
        #expect(board.agencies.count == 15)
        #expect(board.strikes.count >= 3)
        #expect(board.actions.count >= 24)
        #expect(board.hospitals.values.allSatisfy { $0.erStatus != nil && $0.erBeds != nil }, "every hospital has a first report")

        var later = 0
        var types: [ChangeAction.Kind: Int] = [:]
        for change in generator.laterChanges() {
            do { try board.apply(change) } catch {
                Issue.record("later change #\(later) (\(change.action.type)) refused: \(error)")
                return
            }
            later += 1
            types[change.action.kind, default: 0] += 1
        }
        #expect(later == 2_000)
        #expect(board.hospitals.count == 50)
        #expect(board.contacts.count == 20)
        #expect(board.log.count == 200 + types[.addLog, default: 0])
        #expect(board.calls.count == types[.logCall, default: 0])
        // Dominated by hospital reports; the other kinds are there too.
        #expect(types[.reportHospital, default: 0] > 1_400)
        for kind: ChangeAction.Kind in [.addLog, .logCall, .setIncident, .markBriefing] {
            #expect(types[kind, default: 0] > 0, "\(kind)")
        }
        #expect(!board.briefings.isEmpty)
        // The incident's period is the one that holds the last change.
        #expect(board.incident.periodStart <= now && now.timeIntervalSince(board.incident.periodStart) < 12 * 3_600 + 60)
    }

    @Test func idsAreUniqueAndNamesKoreanWithARomanisedName() {
        let changes = ScenarioGenerator(spec: ScenarioSpec(hospitals: 3_000, contacts: 1_000, log: 0, changes: 0), seed: 1, now: now)
            .setupChanges()
        let hospitals = changes.compactMap { if case .addHospital(let h) = $0.action { h } else { nil } }
        let contacts = changes.compactMap { if case .addContact(let c) = $0.action { c } else { nil } }
        #expect(hospitals.count == 3_000)
        #expect(contacts.count == 1_000)
        #expect(Set(hospitals.map(\.id)).count == 3_000)
        #expect(Set(hospitals.map(\.name)).count == 3_000, "names are unique too")
        #expect(Set(contacts.map(\.id)).count == 1_000)
        for h in hospitals {
            #expect(h.id.count == 8 && h.id.first == "G" && h.id.dropFirst().allSatisfy(\.isASCII) && h.id.dropFirst().allSatisfy(\.isNumber), "\(h.id)")
            #expect(h.name.unicodeScalars.contains(where: isHangul), "\(h.name)")
            #expect(h.name.hasSuffix("병원") || h.name.hasSuffix("의료원") || h.name.hasSuffix("센터") || h.name.hasSuffix("분원"), "\(h.name)")
            #expect(!h.romanizedName.isEmpty && h.romanizedName.unicodeScalars.allSatisfy(\.isASCII), "\(h.romanizedName)")
            #expect((30...240).contains(h.updateIntervalMinutes))
            #expect(ScenarioNames.regions.contains { $0.roman == h.region })
            #expect(h.address.hasPrefix(ScenarioNames.regions.first { $0.roman == h.region }!.province + " "))
        }
        for c in contacts {
            #expect((2...4).contains(c.person.count) && c.person.unicodeScalars.allSatisfy(isHangul), "\(c.person)")
            #expect(c.email.hasSuffix("@\(c.agencyId).example"))
        }
        // Regional centres few, local centres more, local institutions most, registered ERs many.
        let classes = Dictionary(grouping: hospitals, by: \.hospitalClass).mapValues(\.count)
        let count = { (c: HospitalClass) in classes[c, default: 0] }
        #expect(count(.regionalCentre) > 10 && count(.regionalCentre) < count(.localCentre))
        #expect(count(.localCentre) < count(.registeredER))
        #expect(count(.registeredER) < count(.localInstitution))
        #expect(count(.localInstitution) > 1_200)
        // Every region has hospitals; Gyeonggi and Seoul the most.
        let regions = Dictionary(grouping: hospitals, by: \.region).mapValues(\.count)
        #expect(regions.count == 16)
        #expect(regions.values.max() == regions["Gyeonggi"])
    }

    @Test func timesIncreaseOverAWeekAndEndWithinTheLastDay() {
        let generator = ScenarioGenerator(spec: small, seed: 3, now: now.addingTimeInterval(0.7))
        #expect(generator.now == now)
        let setup = generator.setupChanges()
        let later = Array(generator.laterChanges())
        let all = setup + later
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(all.allSatisfy { $0.at.timeIntervalSince1970 == $0.at.timeIntervalSince1970.rounded(.down) })
        #expect(all.first!.at >= now.addingTimeInterval(-7 * 86_400))
        #expect(all.last!.at <= now)
        #expect(all.last!.at > now.addingTimeInterval(-3_600))
        // The set-up's log comes before the later changes; a good part of those is within the last 24 hours.
        #expect(setup.last!.at <= later.first!.at)
        let lastDay = later.filter { $0.at > now.addingTimeInterval(-86_400) }.count
        #expect(lastDay > later.count / 10, "\(lastDay) of \(later.count) in the last 24 h")
        // Busier by day (08–18 KST) than by night (00–06 KST), and the HQ's own log most of all.
        let hour = { (c: Change) in (Int(c.at.timeIntervalSince1970) + 9 * 3_600) % 86_400 / 3_600 }
        let byDay = { (cs: [Change]) in cs.filter { (8..<18).contains(hour($0)) }.count }
        let byNight = { (cs: [Change]) in cs.filter { (0..<6).contains(hour($0)) }.count }
        #expect(byDay(later) > 2 * byNight(later))
        let log = later.filter { $0.action.kind == .addLog }
        #expect(byDay(log) > 4 * byNight(log))
    }

    @Test func laterChangesAreLazyAndExact() {
        let generator = ScenarioGenerator(spec: ScenarioSpec(hospitals: 20, contacts: 0, log: 0, changes: 5), seed: 1, now: now)
        var iterator = generator.laterChanges().makeIterator()
        var n = 0
        while iterator.next() != nil { n += 1 }
        #expect(n == 5)
        #expect(iterator.next() == nil)
        var board = Board()
        for change in everyChange(generator) { #expect(throws: Never.self) { try board.apply(change) } }
        #expect(board.contacts.isEmpty)
    }

    @Test func specParsing() throws {
        #expect(try ScenarioSpec(parsing: "") == .standard)
        #expect(try ScenarioSpec(parsing: "hospitals=100,contacts=50,log=500,changes=1000")
            == ScenarioSpec(hospitals: 100, contacts: 50, log: 500, changes: 1_000))
        #expect(try ScenarioSpec(parsing: "log=0, changes=10_000")
            == ScenarioSpec(hospitals: 3_000, contacts: 1_000, log: 0, changes: 10_000))
        for bad in ["beds=3", "hospitals", "hospitals=x", "hospitals=-1", "hospitals=0", "log=1.5", "log=1,log=2",
                    "changes=99999999999999999999", "hospitals=100001", ","] {
            #expect(throws: ScenarioSpecError.self, "\(bad)") { try ScenarioSpec(parsing: bad) }
        }
        #expect(ScenarioSpec.standard.description == "hospitals=3000,contacts=1000,log=100000,changes=200000")
    }

    @Test func seededRandomIsSplitMix64() {
        // The reference sequence of SplitMix64 seeded with 0.
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect((0..<1_000).allSatisfy { _ in (0..<7).contains(random.below(7)) })
    }
}
