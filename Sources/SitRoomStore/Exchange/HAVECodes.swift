import SitRoomCore

/// Code lists of OASIS EDXL-HAVE 1.0 (namespace urn:oasis:names:tc:emergency:EDXL:HAVE:1.0) that
/// sitroom writes, and how sitroom's values map onto them.
///
/// Source of the values: the enumerations of the OASIS schema edxl-have.xsd
/// (http://docs.oasis-open.org/emergency/edxl-have/v1.0/edxl-have.xsd), read from the XMLBeans
/// classes generated from it in github.com/huangdy/xCore-1.3.3, em/xmlbeans-have/target/
/// generated-sources/xmlbeans/x0/oasisNamesTcEmergencyEDXLHAVE1/: EmergencyDepartmentStatus.java
/// (EMSTrafficStatus), HospitalBedCapacityStatus.java (BedType), Capacity.java (CapacityStatus),
/// HospitalResourcesStatus.java (Staffing). The meanings are the HAVE 1.0 specification's
/// (http://docs.oasis-open.org/emergency/edxl-have/v1.0/emergency_edxl_have-1.0.html).
public enum HAVECode {
    /// EMSTraffic/EMSTrafficStatus. The standard's definitions:
    /// Normal – accepting all EMS traffic; Advisory – experiencing specific resource limitations
    /// which may affect transport of some EMS traffic; Closed – requesting re-route of EMS traffic
    /// to other facilities; NotApplicable – the hospital has no emergency department.
    public enum EMSTrafficStatus: String, CaseIterable, Sendable {
        case normal = "Normal", advisory = "Advisory", closed = "Closed", notApplicable = "NotApplicable"

        /// open → Normal; limited → Advisory (resource limits, still taking some ambulances);
        /// diverting and closed → Closed (both ask ambulances to go elsewhere, which is what the
        /// standard calls Closed; the export keeps sitroom's own state in EMSTraffic/CommentText).
        public init(_ state: ERState) {
            switch state {
            case .open: self = .normal
            case .limited: self = .advisory
            case .diverting, .closed: self = .closed
            }
        }
    }

    /// BedCapacity/BedType: the four sitroom counts, out of the standard's fourteen
    /// (AdultICU PediatricICU NeonatalICU EmergencyDepartment NurseryBeds MedicalSurgical
    /// RehabLongTermCare Burn Pediatrics AdultPsychiatric PediatricPsychiatric NegativeFlowIsolation
    /// OtherIsolation OperatingRooms).
    public enum BedType: String, CaseIterable, Sendable {
        case emergencyDepartment = "EmergencyDepartment"
        case adultICU = "AdultICU"
        case neonatalICU = "NeonatalICU"
        case pediatricICU = "PediatricICU"
    }

    /// Capacity/CapacityStatus: the standard's two values, written as in the schema (with the slash).
    public enum CapacityStatus: String, CaseIterable, Sendable {
        case vacantAvailable = "Vacant/Available", notAvailable = "NotAvailable"

        /// Vacant/Available when at least one bed is available, else NotAvailable.
        public init(_ beds: Capacity) {
            self = beds.available > 0 ? .vacantAvailable : .notAvailable
        }
    }

    /// HospitalResourcesStatus/Staffing.
    public enum Staffing: String, CaseIterable, Sendable {
        case adequate = "Adequate", insufficient = "Insufficient"

        /// Insufficient when the ER or the ICU has fewer doctors on duty than its minimum.
        public init(_ units: [SitRoomCore.Staffing]) {
            self = units.contains { $0.isShort } ? .insufficient : .adequate
        }
    }
}
