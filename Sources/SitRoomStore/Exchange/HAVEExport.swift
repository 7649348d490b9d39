import Foundation
import SitRoomCore

/// `sitroom export --format have`: the hospitals' ER and bed status as an OASIS EDXL-HAVE 1.0
/// `HospitalStatus` document (standalone, not wrapped in an EDXL-DE envelope).
///
/// Element names, namespaces and order follow the schema edxl-have.xsd and the OASIS CIQ 3.0
/// schemas it imports (xNL names, xAL addresses, xPIL party details), read from the XMLBeans
/// classes generated from them in github.com/huangdy/xCore-1.3.3 (em/xmlbeans-have/target/
/// generated-sources/xmlbeans/): the sequences, in order, are
/// - Hospital: Organization, EmergencyDepartmentStatus?, HospitalBedCapacityStatus?,
///   ServiceCoverageStatus?, HospitalFacilityStatus?, HospitalResourcesStatus?, LastUpdateTime
///   (x0/oasisNamesTcEmergencyEDXLHAVE1/impl/HospitalStatusDocumentImpl.java); ServiceCoverageStatus
///   from the capability reports is `HAVEServiceCoverage`'s;
/// - Organization: OrganizationInformation, OrganizationGeoLocation?, CommentText*
///   (impl/OrganizationDocumentImpl.java); OrganizationInformation is an xpil:OrganisationDetailsType:
///   xpil:FreeTextLines?, xnl:OrganisationName*, xpil:Addresses?, xpil:Accounts?, xpil:ContactNumbers?, …
///   (oasisNamesTcCiqXpil3/impl/OrganisationDetailsTypeImpl.java); xnl:OrganisationName: xnl:NameElement*,
///   xnl:SubDivisionName*, qualified attributes such as xnl:OrganisationID and ct:LanguageCode
///   (oasisNamesTcCiqXnl3/impl/OrganisationNameTypeImpl.java); xpil:Address is an xal:AddressType:
///   xal:FreeTextAddress? (xal:AddressLine*), xal:Country?, … (oasisNamesTcCiqXal3/impl/AddressTypeImpl.java);
/// - EmergencyDepartmentStatus: EMSTraffic?, EMSCapacity?, EMSCensus?, EMSAmbulanceStatus?,
///   EMSAirTransportStatus?, CommentText*; EMSTraffic: EMSTrafficStatus?, EMSTrafficReason?, CommentText?
///   (impl/EmergencyDepartmentStatusImpl.java);
/// - HospitalBedCapacityStatus: BedCapacity*; BedCapacity: BedType, SubCategoryBedType, Capacity,
///   CommentText; Capacity: CapacityStatus?, AvailableCount?, BaselineCount?,
///   AdditionalCapacityCount24Hr?, AdditionalCapacityCount72Hr? (HospitalBedCapacityStatus.java, Capacity.java);
/// - HospitalResourcesStatus: Staffing?, FacilityOperations?, ClinicalOperations?,
///   ResourcesInformationText*, CommentText* (impl/HospitalResourcesStatusImpl.java).
/// Code lists: `HAVECode`. The mapping from sitroom's fields is in docs-export.md.
public enum HAVEExport {
    public static let namespace = "urn:oasis:names:tc:emergency:EDXL:HAVE:1.0"
    public static let xnl = "urn:oasis:names:tc:ciq:xnl:3"
    public static let xal = "urn:oasis:names:tc:ciq:xal:3"
    public static let xpil = "urn:oasis:names:tc:ciq:xpil:3"
    public static let ct = "urn:oasis:names:tc:ciq:ct:3"

    /// Hospitals that have at least one figure HAVE carries (ER status, beds, doctors, service
    /// coverage), in id order. A hospital with none has no status to exchange (and no
    /// LastUpdateTime, which HAVE requires).
    public static func hospitals(of board: Board) -> [Hospital] {
        board.hospitals.values.filter { lastUpdate($0, board) != nil }.sorted { $0.id < $1.id }
    }

    /// Hospitals left out because they have reported none of those figures, in id order.
    public static func leftOut(of board: Board) -> [Hospital] {
        board.hospitals.values.filter { lastUpdate($0, board) == nil }.sorted { $0.id < $1.id }
    }

    public static func document(_ board: Board) -> String {
        var w = XMLWriter()
        w.start("HospitalStatus", [
            ("xmlns", namespace), ("xmlns:xnl", xnl), ("xmlns:xal", xal), ("xmlns:xpil", xpil), ("xmlns:ct", ct),
        ])
        for h in hospitals(of: board) {
            hospital(h, board, &w)
        }
        w.end()
        return w.document
    }

    /// The newest stamp of the figures HAVE carries.
    static func lastUpdate(_ h: Hospital, _ board: Board) -> Date? {
        [h.erStatus?.at, h.erBeds?.at, h.icuBeds?.at, h.nicuBeds?.at, h.picuBeds?.at, h.erDoctors?.at, h.icuDoctors?.at,
         HAVEServiceCoverage.lastUpdate(board.capabilities[h.id])]
            .compactMap { $0 }.max()
    }

    private static func hospital(_ h: Hospital, _ board: Board, _ w: inout XMLWriter) {
        guard let updated = lastUpdate(h, board) else { return }
        w.start("Hospital")
        organization(h, &w)

        if let status = h.erStatus?.value {
            w.start("EmergencyDepartmentStatus")
            w.start("EMSTraffic")
            w.leaf("EMSTrafficStatus", HAVECode.EMSTrafficStatus(status.state).rawValue)
            if !status.reason.isEmpty {
                w.leaf("EMSTrafficReason", status.reason)
            }
            if status.state == .diverting || status.state == .closed {
                w.leaf("CommentText", "sitroom ER state: \(status.state.rawValue)")
            }
            w.end()
            w.end()
        }

        let beds: [(HAVECode.BedType, Reported<Capacity>?)] = [
            (.emergencyDepartment, h.erBeds), (.adultICU, h.icuBeds), (.neonatalICU, h.nicuBeds), (.pediatricICU, h.picuBeds),
        ]
        if beds.contains(where: { $0.1 != nil }) {
            w.start("HospitalBedCapacityStatus")
            for case let (type, reported?) in beds {
                w.start("BedCapacity")
                w.leaf("BedType", type.rawValue)
                w.start("Capacity")
                w.leaf("CapacityStatus", HAVECode.CapacityStatus(reported.value).rawValue)
                w.leaf("AvailableCount", String(reported.value.available))
                w.leaf("BaselineCount", String(reported.value.staffed))
                w.end()
                w.leaf("CommentText", "as of \(ISO8601.format(reported.at))")
                w.end()
            }
            w.end()
        }

        HAVEServiceCoverage.write(board.capabilities[h.id], &w)

        let doctors = [("ER", h.erDoctors), ("ICU", h.icuDoctors)].compactMap { unit, r in r.map { (unit, $0) } }
        if !doctors.isEmpty {
            w.start("HospitalResourcesStatus")
            w.leaf("Staffing", HAVECode.Staffing(doctors.map(\.1.value)).rawValue)
            for (unit, r) in doctors {
                w.leaf("CommentText", "\(unit) doctors on duty \(r.value.onDuty), minimum \(r.value.minimum), as of \(ISO8601.format(r.at))")
            }
            w.end()
        }

        w.leaf("LastUpdateTime", ISO8601.format(updated))
        w.end()
    }

    private static func organization(_ h: Hospital, _ w: inout XMLWriter) {
        w.start("Organization")
        w.start("OrganizationInformation")
        w.start("xnl:OrganisationName", [("xnl:OrganisationID", h.id), ("ct:LanguageCode", "ko")])
        w.leaf("xnl:NameElement", h.name)
        w.end()
        if !h.romanizedName.isEmpty {
            w.start("xnl:OrganisationName", [("ct:LanguageCode", "en")])
            w.leaf("xnl:NameElement", h.romanizedName)
            w.end()
        }
        if !h.address.isEmpty {
            w.start("xpil:Addresses")
            w.start("xpil:Address")
            w.start("xal:FreeTextAddress")
            w.leaf("xal:AddressLine", h.address)
            w.end()
            w.end()
            w.end()
        }
        w.end()
        w.end()
    }
}
