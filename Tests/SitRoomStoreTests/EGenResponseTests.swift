import Foundation
import Testing
@testable import SitRoomStore

/// Reading the NEMC open API's XML envelope: items, paging, the result code, the gateway's errors.
@Suite struct EGenResponseTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/egen/\(name)")
        return try Data(contentsOf: url)
    }

    @Test func theRealTimeBedsResponseReadsItemByItemWithItsPaging() throws {
        let response = try EGenResponse.parse(Self.fixture("realtime-beds.xml"))
        #expect(response.resultCode == "00" && response.resultMessage == "NORMAL SERVICE.")
        #expect(response.items.map { $0["hpid"] } == ["A1100017", "A1100007", "A1100009", "A1100010", "A1199999"])
        #expect(response.items[0]["hvec"] == "4" && response.items[1]["hvec"] == "-2")
        #expect(response.items[0]["dutyName"] == "서울대학교병원")
        #expect(response.items[3]["hvidate"] == nil, "a missing field reads as nil")
        #expect(response.items.map(\.line) == [3, 4, 5, 6, 7])
        #expect(response.numOfRows == 10 && response.pageNo == 1 && response.totalCount == 5 && response.lastPage == 1)
    }

    @Test func pagingSaysHowManyPagesThereAre() throws {
        let first = try EGenResponse.parse(Self.fixture("realtime-page1.xml"))
        #expect(first.items.count == 2 && first.lastPage == 2)
    }

    @Test func aResultCodeOtherThan00IsRefusedWithTheServicesWords() {
        #expect(throws: EGenError.resultCode("22", "LIMITED NUMBER OF SERVICE REQUESTS EXCEEDS ERROR.")) {
            try EGenResponse.parse(Self.fixture("result-code-error.xml"))
        }
        let text = "\(EGenError.resultCode("22", "LIMITED NUMBER OF SERVICE REQUESTS EXCEEDS ERROR."))"
        #expect(text == "the service answered result code 22 (LIMITED NUMBER OF SERVICE REQUESTS EXCEEDS ERROR.): the key's request limit is exceeded")
    }

    @Test func theGatewaysOwnErrorEnvelopeIsRead() {
        #expect(throws: EGenError.resultCode("30", "SERVICE ERROR: SERVICE_KEY_IS_NOT_REGISTERED_ERROR")) {
            try EGenResponse.parse(Self.fixture("gateway-error.xml"))
        }
    }

    @Test func aFileThatIsNotXMLOrNotAResponseIsRefused() throws {
        #expect(throws: EGenError.notXML(line: 1, reason: "it does not start as XML (an HTML error page, or text?)")) {
            try EGenResponse.parse(Self.fixture("not-xml.xml"))
        }
        #expect(throws: EGenError.notXML(line: 2, reason: "it ends in the middle (cut short?)")) {
            try EGenResponse.parse(Data("<response><header><resultCode>00</resultCode>\n<body><items><item>".utf8))
        }
        #expect(throws: EGenError.notResponse("the root element is <rss>, not <response>")) {
            try EGenResponse.parse(Data("<rss><channel/></rss>".utf8))
        }
        #expect(throws: EGenError.notResponse("no <header><resultCode>")) {
            try EGenResponse.parse(Data("<response><body><items/></body></response>".utf8))
        }
        #expect(throws: EGenError.self) { try EGenResponse.parse(Data("<response><header>".utf8)) }
        #expect(throws: EGenError.self) { try EGenResponse.parse(Data()) }
    }
}
