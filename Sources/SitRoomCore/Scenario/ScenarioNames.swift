import Foundation

// GENERATED DATA. The regions, districts and family names are real; the hospitals and people built
// from them are made up. A name may by chance match a real hospital or person: nothing else about
// it (figures, phones, reports) is real. Phone numbers use the unassigned 0000 exchange, e-mail
// addresses the reserved .example domain.

/// A province or metropolitan city, with what a hospital there is made of.
struct ScenarioRegion: Sendable {
    /// Short Korean name, as in hospital names: 서울, 경기.
    var korean: String
    /// As `Hospital.region` holds it (the demo's convention): Seoul, Gyeonggi.
    var roman: String
    /// The first word of an address: 서울특별시, 경기도.
    var province: String
    /// Telephone area code.
    var area: String
    /// Two digits of a hospital id.
    var code: Int
    /// Share of the population, in per cent: where hospitals are.
    var weight: Double
    var districts: [ScenarioDistrict]
}

/// A district or city of a region: its address word, and the name part hospitals there take (if any).
struct ScenarioDistrict: Sendable {
    var address: String
    var korean: String?
    var roman: String?

    init(_ address: String, _ korean: String? = nil, _ roman: String? = nil) {
        self.address = address
        self.korean = korean
        self.roman = roman
    }
}

/// A person's name in Hangul and in the Revised Romanisation.
public struct ScenarioPersonName: Sendable, Equatable {
    public var korean: String
    /// Given name first, family name last: "Min-jun Kim".
    public var roman: String
    /// For an e-mail address or officer name: "kim", "minjun".
    public var familyRoman: String
    public var givenRoman: String
}

enum ScenarioNames {
    typealias D = ScenarioDistrict

    static let regions: [ScenarioRegion] = [
        ScenarioRegion(korean: "서울", roman: "Seoul", province: "서울특별시", area: "02", code: 11, weight: 18.3, districts: [
            D("강남구", "강남", "Gangnam"), D("강동구", "강동", "Gangdong"), D("강북구", "강북", "Gangbuk"),
            D("강서구", "강서", "Gangseo"), D("관악구", "관악", "Gwanak"), D("광진구", "광진", "Gwangjin"),
            D("구로구", "구로", "Guro"), D("노원구", "노원", "Nowon"), D("도봉구", "도봉", "Dobong"),
            D("동대문구", "동대문", "Dongdaemun"), D("마포구", "마포", "Mapo"), D("서초구", "서초", "Seocho"),
            D("성북구", "성북", "Seongbuk"), D("송파구", "송파", "Songpa"), D("양천구", "목동", "Mokdong"),
            D("영등포구", "영등포", "Yeongdeungpo"), D("용산구", "용산", "Yongsan"), D("은평구", "은평", "Eunpyeong"),
            D("종로구", "종로", "Jongno"), D("중랑구", "중랑", "Jungnang"), D("중구"), D("동작구", "동작", "Dongjak"),
        ]),
        ScenarioRegion(korean: "부산", roman: "Busan", province: "부산광역시", area: "051", code: 21, weight: 6.4, districts: [
            D("해운대구", "해운대", "Haeundae"), D("동래구", "동래", "Dongnae"), D("부산진구", "서면", "Seomyeon"),
            D("사하구", "사하", "Saha"), D("금정구", "금정", "Geumjeong"), D("연제구", "연산", "Yeonsan"),
            D("남구"), D("서구"), D("북구", "구포", "Gupo"),
        ]),
        ScenarioRegion(korean: "대구", roman: "Daegu", province: "대구광역시", area: "053", code: 22, weight: 4.6, districts: [
            D("수성구", "수성", "Suseong"), D("달서구", "달서", "Dalseo"), D("달성군", "달성", "Dalseong"),
            D("중구"), D("동구", "동촌", "Dongchon"), D("북구", "칠곡", "Chilgok"),
        ]),
        ScenarioRegion(korean: "인천", roman: "Incheon", province: "인천광역시", area: "032", code: 23, weight: 5.8, districts: [
            D("남동구", "남동", "Namdong"), D("부평구", "부평", "Bupyeong"), D("연수구", "송도", "Songdo"),
            D("계양구", "계양", "Gyeyang"), D("미추홀구", "주안", "Juan"), D("서구", "검단", "Geomdan"),
            D("강화군", "강화", "Ganghwa"),
        ]),
        ScenarioRegion(korean: "광주", roman: "Gwangju", province: "광주광역시", area: "062", code: 24, weight: 2.8, districts: [
            D("광산구", "광산", "Gwangsan"), D("동구"), D("서구", "상무", "Sangmu"), D("북구", "첨단", "Cheomdan"), D("남구"),
        ]),
        ScenarioRegion(korean: "대전", roman: "Daejeon", province: "대전광역시", area: "042", code: 25, weight: 2.8, districts: [
            D("유성구", "유성", "Yuseong"), D("서구", "둔산", "Dunsan"), D("중구"), D("대덕구", "대덕", "Daedeok"), D("동구"),
        ]),
        ScenarioRegion(korean: "울산", roman: "Ulsan", province: "울산광역시", area: "052", code: 26, weight: 2.1, districts: [
            D("남구"), D("중구"), D("동구", "방어진", "Bangeojin"), D("울주군", "울주", "Ulju"),
        ]),
        ScenarioRegion(korean: "경기", roman: "Gyeonggi", province: "경기도", area: "031", code: 31, weight: 26.4, districts: [
            D("수원시", "수원", "Suwon"), D("성남시", "분당", "Bundang"), D("고양시", "일산", "Ilsan"),
            D("용인시", "용인", "Yongin"), D("부천시", "부천", "Bucheon"), D("안산시", "안산", "Ansan"),
            D("안양시", "안양", "Anyang"), D("남양주시", "남양주", "Namyangju"), D("화성시", "동탄", "Dongtan"),
            D("평택시", "평택", "Pyeongtaek"), D("의정부시", "의정부", "Uijeongbu"), D("시흥시", "시흥", "Siheung"),
            D("파주시", "파주", "Paju"), D("김포시", "김포", "Gimpo"), D("광명시", "광명", "Gwangmyeong"),
            D("구리시", "구리", "Guri"), D("이천시", "이천", "Icheon"),
        ]),
        ScenarioRegion(korean: "강원", roman: "Gangwon", province: "강원특별자치도", area: "033", code: 32, weight: 3.0, districts: [
            D("춘천시", "춘천", "Chuncheon"), D("원주시", "원주", "Wonju"), D("강릉시", "강릉", "Gangneung"),
            D("속초시", "속초", "Sokcho"), D("동해시", "동해", "Donghae"), D("삼척시", "삼척", "Samcheok"),
        ]),
        ScenarioRegion(korean: "충북", roman: "Chungbuk", province: "충청북도", area: "043", code: 33, weight: 3.1, districts: [
            D("청주시", "청주", "Cheongju"), D("충주시", "충주", "Chungju"), D("제천시", "제천", "Jecheon"),
            D("음성군", "음성", "Eumseong"),
        ]),
        ScenarioRegion(korean: "충남", roman: "Chungnam", province: "충청남도", area: "041", code: 34, weight: 4.2, districts: [
            D("천안시", "천안", "Cheonan"), D("아산시", "아산", "Asan"), D("서산시", "서산", "Seosan"),
            D("당진시", "당진", "Dangjin"), D("공주시", "공주", "Gongju"), D("논산시", "논산", "Nonsan"),
            D("홍성군", "홍성", "Hongseong"),
        ]),
        ScenarioRegion(korean: "전북", roman: "Jeonbuk", province: "전북특별자치도", area: "063", code: 35, weight: 3.4, districts: [
            D("전주시", "전주", "Jeonju"), D("익산시", "익산", "Iksan"), D("군산시", "군산", "Gunsan"),
            D("정읍시", "정읍", "Jeongeup"), D("남원시", "남원", "Namwon"),
        ]),
        ScenarioRegion(korean: "전남", roman: "Jeonnam", province: "전라남도", area: "061", code: 36, weight: 3.5, districts: [
            D("목포시", "목포", "Mokpo"), D("여수시", "여수", "Yeosu"), D("순천시", "순천", "Suncheon"),
            D("광양시", "광양", "Gwangyang"), D("나주시", "나주", "Naju"),
        ]),
        ScenarioRegion(korean: "경북", roman: "Gyeongbuk", province: "경상북도", area: "054", code: 37, weight: 5.0, districts: [
            D("포항시", "포항", "Pohang"), D("구미시", "구미", "Gumi"), D("경주시", "경주", "Gyeongju"),
            D("안동시", "안동", "Andong"), D("김천시", "김천", "Gimcheon"), D("경산시", "경산", "Gyeongsan"),
            D("영주시", "영주", "Yeongju"),
        ]),
        ScenarioRegion(korean: "경남", roman: "Gyeongnam", province: "경상남도", area: "055", code: 38, weight: 6.3, districts: [
            D("창원시", "창원", "Changwon"), D("김해시", "김해", "Gimhae"), D("진주시", "진주", "Jinju"),
            D("양산시", "양산", "Yangsan"), D("거제시", "거제", "Geoje"), D("통영시", "통영", "Tongyeong"),
            D("밀양시", "밀양", "Miryang"),
        ]),
        ScenarioRegion(korean: "제주", roman: "Jeju", province: "제주특별자치도", area: "064", code: 39, weight: 1.3, districts: [
            D("제주시"), D("서귀포시", "서귀포", "Seogwipo"),
        ]),
    ]

    /// Words a hospital's name is made of (Korean, romanised): some common in real names, some not.
    static let stems: [(String, String)] = [
        ("한빛", "Hanbit"), ("새봄", "Saebom"), ("참사랑", "Chamsarang"), ("우리", "Uri"), ("하나", "Hana"),
        ("성심", "Seongsim"), ("제일", "Jeil"), ("세종", "Sejong"), ("명지", "Myeongji"), ("한마음", "Hanmaeum"),
        ("늘푸른", "Neulpureun"), ("바른", "Bareun"), ("새희망", "Saehuimang"), ("현대", "Hyeondae"), ("미래", "Mirae"),
        ("큰사랑", "Keunsarang"), ("은혜", "Eunhye"), ("선린", "Seollin"), ("동산", "Dongsan"), ("온누리", "Onnuri"),
        ("힘찬", "Himchan"), ("다온", "Daon"), ("으뜸", "Eutteum"), ("튼튼", "Teunteun"), ("효성", "Hyoseong"),
        ("대림", "Daerim"), ("봄빛", "Bombit"), ("한사랑", "Hansarang"), ("보람", "Boram"), ("한솔", "Hansol"),
        ("푸른", "Pureun"), ("세강", "Segang"), ("중앙", "Jungang"), ("동신", "Dongsin"), ("효사랑", "Hyosarang"),
        ("가온", "Gaon"), ("누리", "Nuri"), ("한결", "Hangyeol"), ("새움", "Saeum"), ("해맑은", "Haemalgeun"),
        ("서울", "Seoul"), ("백제", "Baekje"), ("신라", "Silla"), ("고려", "Goryeo"), ("삼육", "Samyuk"),
    ]

    /// University names for teaching hospitals (invented, of the usual shape).
    static let universities: [(String, String)] = [
        ("한빛", "Hanbit"), ("동산", "Dongsan"), ("백제", "Baekje"), ("새한", "Saehan"), ("한마음", "Hanmaeum"),
        ("해오름", "Haeoreum"), ("청람", "Cheongram"), ("가온", "Gaon"), ("다솜", "Dasom"), ("누리", "Nuri"),
        ("한결", "Hangyeol"), ("미르", "Mireu"), ("온누리", "Onnuri"), ("선린", "Seollin"), ("세명", "Semyeong"),
        ("대한", "Daehan"), ("신라", "Silla"), ("고려", "Goryeo"),
    ]

    // MARK: Hospitals

    /// A hospital's name and romanised name, the pattern chosen by its class: regional and local
    /// centres are mostly university and public hospitals, the rest mostly private hospitals.
    static func hospitalName(
        cls: HospitalClass, region: ScenarioRegion, district: ScenarioDistrict, random: inout SeededRandom
    ) -> (korean: String, roman: String) {
        // The place in the name: the district's own word, or the region's.
        let (place, placeRoman) = random.chance(0.6) && district.korean != nil
            ? (district.korean!, district.roman!) : (region.korean, region.roman)
        let (stem, stemRoman) = random.pick(stems)
        let (uni, uniRoman) = random.pick(universities)
        switch cls {
        case .regionalCentre, .localCentre:
            switch random.weighted(cls == .regionalCentre ? [4, 4, 1, 1, 1, 1, 1] : [2, 3, 2, 1, 2, 1, 2]) {
            case 0: return ("\(place)대학교병원", "\(placeRoman) University Hospital")
            case 1: return ("\(uni)대학교\(place)병원", "\(uniRoman) University \(placeRoman) Hospital")
            case 2: return ("\(place)성모병원", "\(placeRoman) St. Mary's Hospital")
            case 3: return ("\(place)세브란스병원", "\(placeRoman) Severance Hospital")
            case 4: return ("\(place)의료원", "\(placeRoman) Medical Center")
            case 5: return ("\(place)기독병원", "\(placeRoman) Christian Hospital")
            default: return ("\(uni)대학교\(place)성심병원", "\(uniRoman) University \(placeRoman) Sacred Heart Hospital")
            }
        case .localInstitution, .other:
            switch random.weighted([5, 2, 2, 1, 1]) {
            case 0: return ("\(place)\(stem)병원", "\(placeRoman) \(stemRoman) Hospital")
            case 1: return ("\(stem)종합병원", "\(stemRoman) General Hospital")
            case 2: return ("\(place)중앙병원", "\(placeRoman) Central Hospital")
            case 3: return ("\(place)\(stem)메디컬센터", "\(placeRoman) \(stemRoman) Medical Center")
            default: return ("\(place)의료원", "\(placeRoman) Medical Center")
            }
        case .registeredER:
            switch random.weighted([5, 3, 1]) {
            case 0: return ("\(place)\(stem)병원", "\(placeRoman) \(stemRoman) Hospital")
            case 1: return ("\(stem)병원", "\(stemRoman) Hospital")
            default: return ("\(stem)\(place)병원", "\(stemRoman) \(placeRoman) Hospital")
            }
        }
    }

    /// Road-name words for addresses.
    static let roads = ["중앙로", "대학로", "시민로", "병원로", "문화로", "평화로", "번영로", "희망로", "새마을로", "역전로",
                        "구청로", "공원로", "강변로", "산업로", "동서로", "남북로", "청사로", "의료원로"]

    // MARK: People

    /// Family names with their share of the population, in per cent, and their usual romanisation.
    static let families: [(String, String, Double)] = [
        ("김", "Kim", 21.5), ("이", "Lee", 14.7), ("박", "Park", 8.4), ("최", "Choi", 4.7), ("정", "Jung", 4.3),
        ("강", "Kang", 2.3), ("조", "Cho", 2.1), ("윤", "Yoon", 2.1), ("장", "Jang", 2.0), ("임", "Lim", 1.7),
        ("한", "Han", 1.5), ("오", "Oh", 1.5), ("서", "Seo", 1.5), ("신", "Shin", 1.5), ("권", "Kwon", 1.4),
        ("황", "Hwang", 1.4), ("안", "Ahn", 1.4), ("송", "Song", 1.3), ("류", "Ryu", 1.2), ("전", "Jeon", 1.1),
        ("홍", "Hong", 1.1), ("고", "Ko", 0.9), ("문", "Moon", 0.9), ("양", "Yang", 0.9), ("손", "Son", 0.9),
        ("배", "Bae", 0.8), ("백", "Baek", 0.7), ("허", "Heo", 0.6), ("유", "Yoo", 0.6), ("남", "Nam", 0.5),
        ("심", "Sim", 0.5), ("노", "Noh", 0.4), ("하", "Ha", 0.4), ("곽", "Kwak", 0.4), ("성", "Sung", 0.4),
        ("차", "Cha", 0.4), ("주", "Joo", 0.4), ("우", "Woo", 0.4), ("구", "Koo", 0.4), ("민", "Min", 0.3),
    ]
    private static let familyWeights = families.map(\.2)

    /// First and second syllables of given names (Revised Romanisation).
    static let firstSyllables: [(String, String)] = [
        ("민", "min"), ("서", "seo"), ("지", "ji"), ("현", "hyeon"), ("수", "su"), ("예", "ye"), ("도", "do"),
        ("하", "ha"), ("주", "ju"), ("준", "jun"), ("유", "yu"), ("은", "eun"), ("시", "si"), ("채", "chae"),
        ("윤", "yun"), ("승", "seung"), ("건", "geon"), ("태", "tae"), ("성", "seong"), ("재", "jae"),
        ("다", "da"), ("나", "na"), ("소", "so"), ("가", "ga"), ("연", "yeon"), ("정", "jeong"), ("영", "yeong"),
        ("혜", "hye"), ("동", "dong"), ("상", "sang"), ("진", "jin"), ("경", "gyeong"), ("미", "mi"),
        ("보", "bo"), ("세", "se"), ("해", "hae"), ("한", "han"), ("종", "jong"), ("형", "hyeong"),
    ]
    static let secondSyllables: [(String, String)] = [
        ("준", "jun"), ("연", "yeon"), ("우", "u"), ("민", "min"), ("윤", "yun"), ("아", "a"), ("은", "eun"),
        ("원", "won"), ("호", "ho"), ("진", "jin"), ("희", "hui"), ("영", "yeong"), ("빈", "bin"), ("서", "seo"),
        ("린", "rin"), ("율", "yul"), ("현", "hyeon"), ("후", "hu"), ("훈", "hun"), ("석", "seok"), ("혁", "hyeok"),
        ("수", "su"), ("경", "gyeong"), ("나", "na"), ("인", "in"), ("람", "ram"), ("솔", "sol"), ("환", "hwan"),
        ("철", "cheol"), ("규", "gyu"), ("완", "wan"), ("하", "ha"), ("지", "ji"), ("별", "byeol"), ("정", "jeong"),
    ]

    static func personName(_ random: inout SeededRandom) -> ScenarioPersonName {
        let family = families[random.weighted(familyWeights)]
        let first = random.pick(firstSyllables)
        var second = random.pick(secondSyllables)
        while second.0 == first.0 { second = random.pick(secondSyllables) }
        let given = first.1 + "-" + second.1
        return ScenarioPersonName(
            korean: family.0 + first.0 + second.0,
            roman: given.prefix(1).uppercased() + given.dropFirst() + " " + family.1,
            familyRoman: family.1.lowercased(),
            givenRoman: first.1 + second.1
        )
    }

    static let roles: [(String, Double)] = [
        ("상황실장 duty chief", 2), ("연락관 liaison", 4), ("당직 duty officer", 4), ("팀장 team lead", 2),
        ("주무관 desk officer", 3), ("과장 head of division", 1), ("대변인실 press office", 0.5),
        ("상황관리 담당 situation desk", 2),
    ]
    static let shifts: [(String, Double)] = [("day 08-20", 4), ("night 20-08", 3), ("24h", 2), ("day 09-18", 2)]
}
