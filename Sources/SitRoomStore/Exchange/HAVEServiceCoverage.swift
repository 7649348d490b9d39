import Foundation
import SitRoomCore

/// EDXL-HAVE 1.0's ServiceCoverageStatus from a hospital's capability: each element HAVE has for a
/// condition of E-Gen's list, true when the ER reports one of its conditions available, false when
/// every one reported is not available, left out when none is reported either way (unknown). The
/// element for hyperbaric treatment comes from the equipment item `hvoxyayn`.
///
/// The elements and their order are the schema's (edxl-have.xsd, complexType ServiceCoverageStatus,
/// read from github.com/huangdy/xCore-1.3.3, em/xmlbeans-have/src/main/xsd/external/edxl-have/1.0/):
/// Burn, CardiologyIndicator (Cardiology | CardiologySubType: CardiologyInvasive,
/// CardiologyNonInvasive), Dialysis, EmergencyDepartment, HyperbaricChamber, InfectiousDisease,
/// Neonatology, NeurologyIndicator (Neurology | NeurologySubType: NeurologyInvasive,
/// NeurologyNonInvasive), OBGYNIndicator (OBGYN | OBGYNSubType: OBGYNWithLaborDelivery,
/// OBGYNWithoutLaborDelivery), Ophthalmology, Orthopedic, Pediatrics, PsychiatricIndicator
/// (Psychiatric | PsychiatricSubType: …), SurgeryIndicator (Surgery | SurgerySubType: General,
/// AdultGeneralSurgery, Pediatrics, Orthopedics, Neurosurgery, Facial, CardioThoracic, Hand,
/// Reimplantation, Spinal, Vascular, Anesthesia), TransportServicesIndicator,
/// TraumaCenterServicesIndicator, CommentText*. The mapping table is in the README ("EDXL-HAVE
/// service coverage"); a condition of another table, or one HAVE has no element for (endoscopy,
/// bronchoscopy, biliary disease, interventional radiology), is not carried.
public enum HAVEServiceCoverage {
    /// An element of ServiceCoverageStatus, as its path below it.
    public struct Element: Sendable, Equatable {
        public var path: [String]
        public var name: String { path.last! }
        public var described: String { path.joined(separator: "/") }
    }

    static func element(_ path: String) -> Element { Element(path: path.split(separator: "/").map(String.init)) }

    /// Condition code (E-Gen's `symTypCod`) → element, in the table's order.
    public static let conditionElements: [(code: String, element: Element)] = [
        ("Y0010", element("CardiologyIndicator/CardiologySubType/CardiologyInvasive")),
        ("Y0020", element("NeurologyIndicator/NeurologySubType/NeurologyInvasive")),
        ("Y0031", element("SurgeryIndicator/SurgerySubType/Neurosurgery")),
        ("Y0032", element("SurgeryIndicator/SurgerySubType/Neurosurgery")),
        ("Y0041", element("SurgeryIndicator/SurgerySubType/CardioThoracic")),
        ("Y0042", element("SurgeryIndicator/SurgerySubType/Vascular")),
        ("Y0060", element("SurgeryIndicator/SurgerySubType/General")),
        ("Y0070", element("SurgeryIndicator/SurgerySubType/Pediatrics")),
        ("Y0100", element("Neonatology")),
        ("Y0111", element("OBGYNIndicator/OBGYNSubType/OBGYNWithLaborDelivery")),
        ("Y0112", element("OBGYNIndicator/OBGYNSubType/OBGYNWithLaborDelivery")),
        ("Y0113", element("OBGYNIndicator/OBGYNSubType/OBGYNWithoutLaborDelivery")),
        ("Y0120", element("Burn")),
        ("Y0131", element("SurgeryIndicator/SurgerySubType/Reimplantation")),
        ("Y0132", element("SurgeryIndicator/SurgerySubType/Reimplantation")),
        ("Y0141", element("Dialysis")),
        ("Y0142", element("Dialysis")),
        ("Y0150", element("PsychiatricIndicator/Psychiatric")),
        ("Y0160", element("Ophthalmology")),
    ]

    /// Equipment code → element.
    public static let equipmentElements: [(code: String, element: Element)] = [
        ("hvoxyayn", element("HyperbaricChamber")),
    ]

    /// Every element path sitroom may write, in the schema's order.
    static let schemaOrder: [String] = [
        "Burn", "CardiologyIndicator/CardiologySubType/CardiologyInvasive", "Dialysis", "HyperbaricChamber",
        "Neonatology", "NeurologyIndicator/NeurologySubType/NeurologyInvasive",
        "OBGYNIndicator/OBGYNSubType/OBGYNWithLaborDelivery", "OBGYNIndicator/OBGYNSubType/OBGYNWithoutLaborDelivery",
        "Ophthalmology", "PsychiatricIndicator/Psychiatric",
        "SurgeryIndicator/SurgerySubType/General", "SurgeryIndicator/SurgerySubType/Pediatrics",
        "SurgeryIndicator/SurgerySubType/Neurosurgery", "SurgeryIndicator/SurgerySubType/CardioThoracic",
        "SurgeryIndicator/SurgerySubType/Reimplantation", "SurgeryIndicator/SurgerySubType/Vascular",
    ]

    /// The elements' values for one ER (path → available), in the schema's order; empty when none is known.
    public static func values(_ cap: HospitalCapability?) -> [(path: String, value: Bool)] {
        guard let cap else { return [] }
        var any: [String: Bool] = [:]
        for (code, element) in conditionElements {
            guard let status = cap.conditions[code]?.value.availability, status != .unknown else { continue }
            any[element.described] = (any[element.described] ?? false) || status == .available
        }
        for (code, element) in equipmentElements {
            if let n = cap.equipment[code]?.value { any[element.described] = (any[element.described] ?? false) || n > 0 }
        }
        return schemaOrder.compactMap { path in any[path].map { (path, $0) } }
    }

    /// The newest stamp of the figures written.
    static func lastUpdate(_ cap: HospitalCapability?) -> Date? {
        guard let cap else { return nil }
        let conditions = conditionElements.compactMap { cap.conditions[$0.code].flatMap { $0.value.availability == .unknown ? nil : $0.at } }
        let equipment = equipmentElements.compactMap { cap.equipment[$0.code]?.at }
        return (conditions + equipment).max()
    }

    /// Writes ServiceCoverageStatus, nesting each path's containers once (paths in schema order
    /// share their containers when adjacent).
    static func write(_ cap: HospitalCapability?, _ w: inout XMLWriter) {
        let list = values(cap)
        guard !list.isEmpty, let updated = lastUpdate(cap) else { return }
        w.start("ServiceCoverageStatus")
        var open: [String] = []
        for (path, value) in list {
            let parts = path.split(separator: "/").map(String.init)
            let containers = Array(parts.dropLast())
            var shared = 0
            while shared < open.count, shared < containers.count, open[shared] == containers[shared] { shared += 1 }
            while open.count > shared {
                w.end()
                open.removeLast()
            }
            for c in containers[shared...] {
                w.start(c)
                open.append(c)
            }
            w.leaf(parts.last!, value ? "true" : "false")
        }
        while !open.isEmpty {
            w.end()
            open.removeLast()
        }
        w.leaf("CommentText", "capability reported to sitroom (severe emergency conditions), as of \(ISO8601.format(updated))")
        w.end()
    }
}
