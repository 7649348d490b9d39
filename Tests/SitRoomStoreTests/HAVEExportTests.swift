import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
#if canImport(FoundationXML)
import FoundationXML
#endif

// What the standard allows, written out here independently of the exporter's own tables, from
// the OASIS EDXL-HAVE 1.0 schema (edxl-have.xsd) and the CIQ 3.0 schemas it imports, as read from
// the XMLBeans classes generated from them in github.com/huangdy/xCore-1.3.3
// (em/xmlbeans-have/target/generated-sources/xmlbeans/; see HAVEExport.swift for the files).

/// Every element's allowed children, in the schema's sequence order (prefixes: have = the HAVE
/// namespace, xnl/xal/xpil = CIQ 3.0 names/addresses/party).
private let contentModel: [String: [String]] = [
    "have:HospitalStatus": ["have:Hospital"],
    "have:Hospital": [
        "have:Organization", "have:EmergencyDepartmentStatus", "have:HospitalBedCapacityStatus",
        "have:ServiceCoverageStatus", "have:HospitalFacilityStatus", "have:HospitalResourcesStatus", "have:LastUpdateTime",
    ],
    "have:Organization": ["have:OrganizationInformation", "have:OrganizationGeoLocation", "have:CommentText"],
    "have:OrganizationInformation": [
        "xpil:FreeTextLines", "xnl:OrganisationName", "xpil:Addresses", "xpil:Accounts", "xpil:ContactNumbers",
        "xpil:Documents", "xpil:ElectronicAddressIdentifiers", "xpil:Events", "xpil:Identifiers", "xpil:Memberships",
        "xpil:Relationships", "xpil:Revenues", "xpil:Stocks", "xpil:Vehicles", "xpil:OrganisationInfo",
    ],
    "xnl:OrganisationName": ["xnl:NameElement", "xnl:SubDivisionName"],
    "xpil:Addresses": ["xpil:Address"],
    "xpil:Address": [
        "xal:FreeTextAddress", "xal:Country", "xal:AdministrativeArea", "xal:Locality", "xal:Thoroughfare",
        "xal:Premises", "xal:PostCode", "xal:RuralDelivery", "xal:PostalDeliveryPoint", "xal:PostOffice",
        "xal:GeoRSS", "xal:LocationByCoordinates",
    ],
    "xal:FreeTextAddress": ["xal:AddressLine"],
    "have:EmergencyDepartmentStatus": [
        "have:EMSTraffic", "have:EMSCapacity", "have:EMSCensus", "have:EMSAmbulanceStatus", "have:EMSAirTransportStatus",
        "have:CommentText",
    ],
    "have:EMSTraffic": ["have:EMSTrafficStatus", "have:EMSTrafficReason", "have:CommentText"],
    "have:HospitalBedCapacityStatus": ["have:BedCapacity"],
    "have:BedCapacity": ["have:BedType", "have:SubCategoryBedType", "have:Capacity", "have:CommentText"],
    "have:Capacity": [
        "have:CapacityStatus", "have:AvailableCount", "have:BaselineCount", "have:AdditionalCapacityCount24Hr",
        "have:AdditionalCapacityCount72Hr",
    ],
    "have:HospitalResourcesStatus": [
        "have:Staffing", "have:FacilityOperations", "have:ClinicalOperations", "have:ResourcesInformationText",
        "have:CommentText",
    ],
    // complexType ServiceCoverageStatus; the …Indicator elements are a choice of the parent or its sub-types.
    "have:ServiceCoverageStatus": [
        "have:Burn", "have:CardiologyIndicator", "have:Dialysis", "have:EmergencyDepartment", "have:HyperbaricChamber",
        "have:InfectiousDisease", "have:Neonatology", "have:NeurologyIndicator", "have:OBGYNIndicator", "have:Ophthalmology",
        "have:Orthopedic", "have:Pediatrics", "have:PsychiatricIndicator", "have:SurgeryIndicator",
        "have:TransportServicesIndicator", "have:TraumaCenterServicesIndicator", "have:CommentText",
    ],
    "have:CardiologyIndicator": ["have:Cardiology", "have:CardiologySubType"],
    "have:CardiologySubType": ["have:CardiologyInvasive", "have:CardiologyNonInvasive"],
    "have:NeurologyIndicator": ["have:Neurology", "have:NeurologySubType"],
    "have:NeurologySubType": ["have:NeurologyInvasive", "have:NeurologyNonInvasive"],
    "have:OBGYNIndicator": ["have:OBGYN", "have:OBGYNSubType"],
    "have:OBGYNSubType": ["have:OBGYNWithLaborDelivery", "have:OBGYNWithoutLaborDelivery"],
    "have:PsychiatricIndicator": ["have:Psychiatric", "have:PsychiatricSubType"],
    "have:PsychiatricSubType": ["have:PsychiatricAdultGeneral", "have:PsychiatricPediatric"],
    "have:SurgeryIndicator": ["have:Surgery", "have:SurgerySubType"],
    "have:SurgerySubType": [
        "have:General", "have:AdultGeneralSurgery", "have:Pediatrics", "have:Orthopedics", "have:Neurosurgery", "have:Facial",
        "have:CardioThoracic", "have:Hand", "have:Reimplantation", "have:Spinal", "have:Vascular", "have:Anesthesia",
    ],
]

/// The …Indicator elements hold one of their two children, never both (xsd:choice).
private let choices: Set<String> = [
    "have:CardiologyIndicator", "have:NeurologyIndicator", "have:OBGYNIndicator", "have:PsychiatricIndicator", "have:SurgeryIndicator",
]

/// ServiceCoverageStatus's leaves are xsd:boolean.
private let booleans: Set<String> = [
    "have:Burn", "have:Cardiology", "have:CardiologyInvasive", "have:CardiologyNonInvasive", "have:Dialysis",
    "have:EmergencyDepartment", "have:HyperbaricChamber", "have:InfectiousDisease", "have:Neonatology", "have:Neurology",
    "have:NeurologyInvasive", "have:NeurologyNonInvasive", "have:OBGYN", "have:OBGYNWithLaborDelivery",
    "have:OBGYNWithoutLaborDelivery", "have:Ophthalmology", "have:Orthopedic", "have:Pediatrics", "have:Psychiatric",
    "have:PsychiatricAdultGeneral", "have:PsychiatricPediatric", "have:Surgery", "have:General", "have:AdultGeneralSurgery",
    "have:Orthopedics", "have:Neurosurgery", "have:Facial", "have:CardioThoracic", "have:Hand", "have:Reimplantation",
    "have:Spinal", "have:Vascular", "have:Anesthesia",
]

/// Children that may occur more than once under their parent; every other child at most once.
private let repeatable: Set<String> = [
    "have:HospitalStatus/have:Hospital", "have:Organization/have:CommentText",
    "have:OrganizationInformation/xnl:OrganisationName", "xnl:OrganisationName/xnl:NameElement",
    "xpil:Addresses/xpil:Address", "xal:FreeTextAddress/xal:AddressLine",
    "have:EmergencyDepartmentStatus/have:CommentText", "have:HospitalBedCapacityStatus/have:BedCapacity",
    "have:BedCapacity/have:Capacity", "have:BedCapacity/have:CommentText",
    "have:HospitalResourcesStatus/have:CommentText", "have:HospitalResourcesStatus/have:ResourcesInformationText",
    "have:ServiceCoverageStatus/have:CommentText",
]

/// Children the schema requires.
private let required: [String: [String]] = [
    "have:Hospital": ["have:Organization", "have:LastUpdateTime"],
    "have:Organization": ["have:OrganizationInformation"],
    "have:BedCapacity": ["have:BedType"],
]

/// Code lists (enumerations of the schema).
private let codeLists: [String: Set<String>] = [
    "have:EMSTrafficStatus": ["Normal", "Advisory", "Closed", "NotApplicable"],
    "have:BedType": [
        "AdultICU", "PediatricICU", "NeonatalICU", "EmergencyDepartment", "NurseryBeds", "MedicalSurgical",
        "RehabLongTermCare", "Burn", "Pediatrics", "AdultPsychiatric", "PediatricPsychiatric", "NegativeFlowIsolation",
        "OtherIsolation", "OperatingRooms",
    ],
    "have:CapacityStatus": ["Vacant/Available", "NotAvailable"],
    "have:Staffing": ["Adequate", "Insufficient"],
]

private let prefixes = [
    "urn:oasis:names:tc:emergency:EDXL:HAVE:1.0": "have", "urn:oasis:names:tc:ciq:xnl:3": "xnl",
    "urn:oasis:names:tc:ciq:xal:3": "xal", "urn:oasis:names:tc:ciq:xpil:3": "xpil", "urn:oasis:names:tc:ciq:ct:3": "ct",
]

/// A parsed element: its name as prefix:local (by namespace URI, whatever prefix the document used).
final class Element {
    let name: String
    let attributes: [String: String]
    var children: [Element] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
    func first(_ name: String) -> Element? { children.first { $0.name == name } }
    func descendants(_ name: String) -> [Element] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
}

/// Parses with Foundation's XMLParser (libxml2), namespaces resolved; throws if not well-formed.
final class TreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [Element] = []
    private(set) var root: Element?
    private(set) var unknownNamespaces: Set<String> = []

    static func parse(_ text: String) throws -> Element {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        #expect(builder.unknownNamespaces.isEmpty, "elements outside HAVE/CIQ: \(builder.unknownNamespaces)")
        return root
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let uri = namespaceURI ?? ""
        if prefixes[uri] == nil { unknownNamespaces.insert(uri) }
        let element = Element(name: "\(prefixes[uri] ?? uri):\(elementName)", attributes: attributes)
        stack.last?.children.append(element)
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let element = stack.removeLast()
        if stack.isEmpty { root = element }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// Checks one element and everything under it against the content model and code lists.
private func checkSchema(_ e: Element, path: String = "") {
    let here = path + "/" + e.name
    if let values = codeLists[e.name] {
        #expect(values.contains(e.text), "\(here): \"\(e.text)\" is not in the code list")
    }
    if booleans.contains(e.name) {
        #expect(["true", "false", "1", "0"].contains(e.text), "\(here): \"\(e.text)\" is not an xsd:boolean")
    }
    if choices.contains(e.name) {
        #expect(Set(e.children.map(\.name)).count <= 1, "\(here) holds both choices: \(e.children.map(\.name))")
    }
    guard let model = contentModel[e.name] else {
        #expect(e.children.isEmpty, "\(here) should hold text only, has \(e.children.map(\.name))")
        return
    }
    var last = -1
    for child in e.children {
        guard let index = model.firstIndex(of: child.name) else {
            Issue.record("\(here): \(child.name) is not allowed here (allowed: \(model))")
            continue
        }
        #expect(index >= last, "\(here): \(child.name) comes after \(model[last]), the schema's order is \(model)")
        if index == last {
            #expect(repeatable.contains("\(e.name)/\(child.name)"), "\(here): \(child.name) may occur only once")
        }
        last = index
    }
    for name in required[e.name] ?? [] {
        #expect(e.first(name) != nil, "\(here) lacks the required \(name)")
    }
    for child in e.children {
        checkSchema(child, path: here)
    }
}

@Suite struct HAVEExportTests {
    @Test func documentIsWellFormedAndFollowsTheSchema() throws {
        let board = try ExportFixture.board()
        let xml = HAVEExport.document(board)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HospitalStatus xmlns=\"urn:oasis:names:tc:emergency:EDXL:HAVE:1.0\""))
        let root = try TreeBuilder.parse(xml)
        #expect(root.name == "have:HospitalStatus")
        checkSchema(root)
        // Every hospital but the one that reported nothing, in id order.
        let ids = root.all("have:Hospital").map { $0.descendants("xnl:OrganisationName").first?.attributes["xnl:OrganisationID"] }
        #expect(ids == board.hospitals.keys.sorted().filter { $0 != "Z9000002" })
        #expect(HAVEExport.leftOut(of: board).map(\.id) == ["Z9000002"])
    }

    @Test func elementsComeInTheSchemasOrder() throws {
        let board = try ExportFixture.board()
        let root = try TreeBuilder.parse(HAVEExport.document(board))
        let hospital = try #require(root.all("have:Hospital").first { $0.descendants("xnl:NameElement").first?.text == "서울대학교병원" })
        #expect(hospital.children.map(\.name) == [
            "have:Organization", "have:EmergencyDepartmentStatus", "have:HospitalBedCapacityStatus",
            "have:ServiceCoverageStatus", "have:HospitalResourcesStatus", "have:LastUpdateTime",
        ])
        let info = try #require(hospital.first("have:Organization")?.first("have:OrganizationInformation"))
        #expect(info.children.map(\.name) == ["xnl:OrganisationName", "xnl:OrganisationName", "xpil:Addresses"])
        let bed = try #require(hospital.first("have:HospitalBedCapacityStatus")?.first("have:BedCapacity"))
        #expect(bed.children.map(\.name) == ["have:BedType", "have:Capacity", "have:CommentText"])
        #expect(bed.first("have:Capacity")?.children.map(\.name) == ["have:CapacityStatus", "have:AvailableCount", "have:BaselineCount"])
    }

    @Test func figuresAndCodesMatchTheBoard() throws {
        let board = try ExportFixture.board()
        let root = try TreeBuilder.parse(HAVEExport.document(board))
        let expectedTraffic: [ERState: String] = [.open: "Normal", .limited: "Advisory", .diverting: "Closed", .closed: "Closed"]
        var seenTraffic: Set<String> = []
        for element in root.all("have:Hospital") {
            let names = element.descendants("xnl:OrganisationName")
            let id = try #require(names.first?.attributes["xnl:OrganisationID"])
            let h = try #require(board.hospitals[id])
            #expect(names.first?.attributes["ct:LanguageCode"] == "ko")
            #expect(names.first?.first("xnl:NameElement")?.text == h.name)
            #expect(names.dropFirst().first?.first("xnl:NameElement")?.text == h.romanizedName)
            #expect(element.descendants("xal:AddressLine").first?.text == h.address)

            let traffic = element.first("have:EmergencyDepartmentStatus")?.first("have:EMSTraffic")
            let status = try #require(traffic?.first("have:EMSTrafficStatus")?.text)
            #expect(status == expectedTraffic[try #require(h.erStatus?.value.state)])
            seenTraffic.insert(status)
            #expect(traffic?.first("have:EMSTrafficReason")?.text == (h.erStatus!.value.reason.isEmpty ? nil : h.erStatus!.value.reason.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}")))
            if [.diverting, .closed].contains(h.erStatus!.value.state) {
                #expect(traffic?.first("have:CommentText")?.text == "sitroom ER state: \(h.erStatus!.value.state.rawValue)")
            }

            let beds = Dictionary(uniqueKeysWithValues: element.descendants("have:BedCapacity").map {
                ($0.first("have:BedType")!.text, $0.first("have:Capacity")!)
            })
            let expected: [(String, Reported<Capacity>?)] = [
                ("EmergencyDepartment", h.erBeds), ("AdultICU", h.icuBeds), ("NeonatalICU", h.nicuBeds), ("PediatricICU", h.picuBeds),
            ]
            #expect(Set(beds.keys) == Set(expected.filter { $0.1 != nil }.map(\.0)))
            for case let (type, reported?) in expected {
                let capacity = try #require(beds[type])
                #expect(capacity.first("have:AvailableCount")?.text == String(reported.value.available))
                #expect(capacity.first("have:BaselineCount")?.text == String(reported.value.staffed))
                #expect(capacity.first("have:CapacityStatus")?.text == (reported.value.available > 0 ? "Vacant/Available" : "NotAvailable"))
            }

            let staffing = element.first("have:HospitalResourcesStatus")?.first("have:Staffing")?.text
            let short = [h.erDoctors, h.icuDoctors].contains { $0?.value.isShort == true }
            #expect(staffing == (short ? "Insufficient" : "Adequate"))

            let updated = try #require(element.first("have:LastUpdateTime").flatMap { ISO8601.parse($0.text) })
            // Capability counts where it is carried: a mapped condition reported available or not, hyperbaric oxygen.
            let mapped = Set(HAVEServiceCoverage.conditionElements.map(\.code))
            let cap = board.capabilities[id]
            let coverage = (cap?.conditions.filter { mapped.contains($0.key) && $0.value.value.availability != .unknown }.map(\.value.at) ?? [])
                + [cap?.equipment["hvoxyayn"]?.at]
            let newest = ([h.erStatus?.at, h.erBeds?.at, h.icuBeds?.at, h.nicuBeds?.at, h.picuBeds?.at, h.erDoctors?.at, h.icuDoctors?.at]
                + coverage).compactMap { $0 }.max()!
            #expect(updated == Date(timeIntervalSince1970: newest.timeIntervalSince1970.rounded(.down)))
        }
        #expect(seenTraffic == ["Normal", "Advisory", "Closed"], "the demo covers every ER state")
    }

    @Test func specialCharactersAreEscapedAndKoreanSurvives() throws {
        let board = try ExportFixture.board()
        let xml = HAVEExport.document(board)
        #expect(xml.contains("<xnl:NameElement>시험 &quot;병원&quot;, 본관 &amp; &lt;별관&gt;</xnl:NameElement>"))
        #expect(xml.contains("CT down &amp; MRI &lt;2h&gt;, &quot;no&quot; neurosurgeon&#13;\nsecond line\u{FFFD}"))
        #expect(!xml.contains("\u{7}"), "a control character XML does not allow is replaced")
        let root = try TreeBuilder.parse(xml)
        let hospital = try #require(root.all("have:Hospital").first {
            $0.descendants("xnl:OrganisationName").first?.attributes["xnl:OrganisationID"] == "Z9000001"
        })
        #expect(hospital.descendants("xnl:NameElement").map(\.text) == ["시험 \"병원\", 본관 & <별관>", "Test \"Hospital\", Main & <Annex>"])
        #expect(hospital.descendants("xal:AddressLine").first?.text == "서울특별시 중구, 1층\n응급실 옆")
        #expect(hospital.descendants("have:EMSTrafficReason").first?.text == "CT down & MRI <2h>, \"no\" neurosurgeon\r\nsecond line\u{FFFD}")
    }

    @Test func writerEscapesTextAndAttributes() throws {
        #expect(XMLWriter.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLWriter.escape("line\nnext\ttab\r") == "line\nnext\ttab&#13;")
        #expect(XMLWriter.escape("line\nnext\ttab", inAttribute: true) == "line&#10;next&#9;tab")
        #expect(XMLWriter.escape("bell\u{7} nul\u{0} ok\u{FFFE}") == "bell\u{FFFD} nul\u{FFFD} ok\u{FFFD}")
        #expect(XMLWriter.escape("서울 🚑") == "서울 🚑")
        var w = XMLWriter()
        w.start("a", [("k", "x\"y\n<z>")])
        w.leaf("b", "1 < 2 & 3")
        w.end()
        let root = try TreeBuilder.parse(w.document.replacingOccurrences(of: "<a ", with: "<a xmlns=\"urn:oasis:names:tc:emergency:EDXL:HAVE:1.0\" "))
        #expect(root.attributes["k"] == "x\"y\n<z>")
        #expect(root.first("have:b")?.text == "1 < 2 & 3")
    }

    @Test func emptyBoardGivesAnEmptyHospitalStatus() throws {
        let root = try TreeBuilder.parse(HAVEExport.document(Board()))
        #expect(root.name == "have:HospitalStatus" && root.children.isEmpty)
    }
}

extension HAVEExportTests {
    /// Every condition and item the mapping carries, available at one ER and not at another: the
    /// ServiceCoverageStatus written follows the schema (order, choices, booleans).
    @Test func serviceCoverageFollowsTheSchema() throws {
        var board = try ExportFixture.board()
        let everything = Dictionary(uniqueKeysWithValues: ConditionTable.egenDefault.codes.map { ($0, ConditionStatus(.available)) })
        let nothing = everything.mapValues { _ in ConditionStatus(.unavailable) }
        let reports: [(String, CapabilityReport)] = [
            ("A1100017", CapabilityReport(conditions: everything, equipment: ["hvoxyayn": 1])),
            ("Z9000001", CapabilityReport(conditions: nothing, equipment: ["hvoxyayn": 0])),
        ]
        for (id, report) in reports {
            try board.apply(Change(officer: "kim", at: Sample.t0.addingTimeInterval(60), action: .reportCapability(id: id, report)))
        }
        let root = try TreeBuilder.parse(HAVEExport.document(board))
        checkSchema(root)
        for (id, value) in [("A1100017", "true"), ("Z9000001", "false")] {
            let hospital = try #require(root.all("have:Hospital").first {
                $0.descendants("xnl:OrganisationName").first?.attributes["xnl:OrganisationID"] == id
            })
            let coverage = try #require(hospital.first("have:ServiceCoverageStatus"))
            let leaves = booleans.flatMap { coverage.descendants($0) }
            #expect(leaves.count == 16, "\(id): \(leaves.map(\.name))")
            #expect(leaves.allSatisfy { $0.text == value }, "\(id)")
        }
    }
}
