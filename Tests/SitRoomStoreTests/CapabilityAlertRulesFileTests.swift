import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// alerts.toml's [capability] section.
@Suite struct CapabilityAlertRulesFileTests {
    @Test func theDefaultsWatchEveryConditionWithEveryRuleOn() throws {
        let rules = try AlertRulesFile.parse(AlertRulesFile.defaultText)
        #expect(rules.watchedConditions.isEmpty)
        #expect(rules.capableInRegionBelow == 1 && rules.capableNationallyBelow == 1)
        #expect(rules.capabilityLostBelowNormal == 1 && rules.restrictionAtRegionalCentre)
        #expect(rules.watched(in: .egenDefault).count == 27)
    }

    @Test func everySettingIsRead() throws {
        let rules = try AlertRulesFile.parse("""
            [capability]
            watch = ["Y0010", "Y0020", "Y0111"]
            region_below = 2
            national_below = 5
            lost_below_normal = 0
            restriction_at_regional_centre = false
            """)
        var expected = AlertRules()
        expected.watchedConditions = ["Y0010", "Y0020", "Y0111"]
        expected.capableInRegionBelow = 2
        expected.capableNationallyBelow = 5
        expected.capabilityLostBelowNormal = 0
        expected.restrictionAtRegionalCentre = false
        #expect(rules == expected)
        #expect(rules.watched(in: .egenDefault).map(\.short) == ["STEMI", "stroke", "deliv"])
    }

    @Test(arguments: [
        ("[capability]\nwatch = \"Y0010\"", "capability.watch must be a list of condition codes"),
        ("[capability]\nwatch = [10, 20]", "capability.watch must be a list of condition codes"),
        ("[capability]\nwatch = [\"Y0010\", \"Y0010\"]", "capability.watch lists Y0010 twice"),
        ("[capability]\nwatch = [\"stroke reperfusion\"]", "capability.watch: \"stroke reperfusion\" is not a condition code"),
        ("[capability]\nwatch = [\"\"]", "is not a condition code"),
        ("[capability]\nregion_below = -1", "capability.region_below must be a whole number from 0 to 10000"),
        ("[capability]\nnational_below = \"one\"", "capability.national_below must be a whole number"),
        ("[capability]\nrestriction_at_regional_centre = 1", "capability.restriction_at_regional_centre must be true or false"),
        ("[capability]\nwatched = []", "unknown key capability.watched; known: lost_below_normal, national_below, region_below, restriction_at_regional_centre, watch"),
    ])
    func badSettingsAreRefusedWithTheReason(text: String, message: String) {
        #expect {
            try AlertRulesFile.parse(text)
        } throws: { error in
            (error as? AlertRulesError)?.message.contains(message) ?? false
        }
    }
}
