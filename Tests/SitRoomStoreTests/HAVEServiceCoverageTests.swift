import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// `export --format have` carries capability as ServiceCoverageStatus (the mapping in the README).
@Suite struct HAVEServiceCoverageTests {
    static let t0 = Sample.t0

    static func board(_ conditions: [String: Availability], equipment: [String: Int] = [:]) throws -> Board {
        var board = Board()
        let actions: [ChangeAction] = [
            .addHospital(Hospital(id: "H1", name: "서울대학교병원", region: "Seoul", hospitalClass: .regionalCentre)),
            .addHospital(Hospital(id: "H2", name: "빈칸병원")),
            .reportCapability(id: "H1", CapabilityReport(conditions: conditions.mapValues { ConditionStatus($0) }, equipment: equipment)),
        ]
        for (n, action) in actions.enumerated() {
            try board.apply(Change(officer: "kim", at: t0.addingTimeInterval(Double(n)), action: action))
        }
        return board
    }

    @Test func conditionsMapToTheirElementsNestedInTheSchemasOrder() throws {
        let board = try Self.board([
            "Y0010": .available, "Y0020": .unavailable, "Y0031": .unavailable, "Y0032": .available, "Y0111": .available,
            "Y0113": .unavailable, "Y0120": .unknown, "Y0081": .available, "Y0141": .unavailable, "Y0142": .available,
            "Y0042": .unavailable,
        ], equipment: ["hvoxyayn": 1, "hvctayn": 1])
        let xml = HAVEExport.document(board)
        #expect(xml.contains("""
                <ServiceCoverageStatus>
                  <CardiologyIndicator>
                    <CardiologySubType>
                      <CardiologyInvasive>true</CardiologyInvasive>
                    </CardiologySubType>
                  </CardiologyIndicator>
                  <Dialysis>true</Dialysis>
                  <HyperbaricChamber>true</HyperbaricChamber>
                  <NeurologyIndicator>
                    <NeurologySubType>
                      <NeurologyInvasive>false</NeurologyInvasive>
                    </NeurologySubType>
                  </NeurologyIndicator>
                  <OBGYNIndicator>
                    <OBGYNSubType>
                      <OBGYNWithLaborDelivery>true</OBGYNWithLaborDelivery>
                      <OBGYNWithoutLaborDelivery>false</OBGYNWithoutLaborDelivery>
                    </OBGYNSubType>
                  </OBGYNIndicator>
                  <SurgeryIndicator>
                    <SurgerySubType>
                      <Neurosurgery>true</Neurosurgery>
                      <Vascular>false</Vascular>
                    </SurgerySubType>
                  </SurgeryIndicator>
                  <CommentText>capability reported to sitroom (severe emergency conditions), as of 2026-11-23T10:33:22Z</CommentText>
                </ServiceCoverageStatus>
                <LastUpdateTime>2026-11-23T10:33:22Z</LastUpdateTime>
            """), "\(xml)")
        // Unknown (Y0120 burns) and unmapped (Y0081 endoscopy, CT) are not carried.
        #expect(!xml.contains("<Burn>") && !xml.contains("Endoscopy"))
        // A hospital whose only report is its capability is exported, not left out.
        #expect(HAVEExport.hospitals(of: board).map(\.id) == ["H1"])
        #expect(HAVEExport.leftOut(of: board).map(\.id) == ["H2"])
    }

    @Test func anElementOfSeveralConditionsIsTrueWhenAnyIsAvailableAndFalseOnlyWhenAllReportedAreNot() throws {
        func dialysis(_ c: [String: Availability]) throws -> Bool? {
            HAVEServiceCoverage.values(try Self.board(c).capabilities["H1"]).first { $0.path == "Dialysis" }?.value
        }
        #expect(try dialysis(["Y0141": .available, "Y0142": .unavailable]) == true)
        #expect(try dialysis(["Y0141": .unavailable, "Y0142": .unavailable]) == false)
        #expect(try dialysis(["Y0141": .unavailable, "Y0142": .unknown]) == false)
        #expect(try dialysis(["Y0141": .unknown]) == nil)
        #expect(HAVEServiceCoverage.values(nil).isEmpty)
    }

    @Test func everyMappedCodeIsInTheDefaultTableAndEveryPathIsWritten() {
        for (code, element) in HAVEServiceCoverage.conditionElements {
            #expect(ConditionTable.egenDefault.condition(code: code) != nil, "\(code)")
            #expect(HAVEServiceCoverage.schemaOrder.contains(element.described), "\(element.described)")
        }
        for (code, element) in HAVEServiceCoverage.equipmentElements {
            #expect(Equipment.item(code: code) != nil, "\(code)")
            #expect(HAVEServiceCoverage.schemaOrder.contains(element.described), "\(element.described)")
        }
    }
}
