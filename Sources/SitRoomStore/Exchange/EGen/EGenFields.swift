/// The NEMC open API's field names that sitroom reads, and what each becomes. The README's
/// "E-Gen feed" section prints this table; keep the two together.
public enum EGenFields {
    /// The institution id (기관코드), matched with the hospital's id.
    public static let hospitalId = "hpid"
    public static let name = "dutyName"
    /// The input time of the real-time figures (입력일시), yyyyMMddHHmmss in Korea's time.
    public static let inputTime = "hvidate"

    /// Real-time available beds (getEmrrmRltmUsefulSckbdInfoInqire): field, what, the board's figure.
    public static let beds: [(field: String, korean: String, figure: String)] = [
        ("hvec", "응급실", "ER beds available"),
        ("hvicc", "일반중환자", "ICU beds available"),
        ("hvncc", "신생중환자", "NICU beds available"),
    ]

    // Key equipment: the fields of `Equipment.egen` (…ayn Y/N, hv10 and hv11 counts), read as they are named there.

    /// Severe-condition acceptance (getSrsillDissAceptncPosblInfoInqire): MKioskTy1 … MKioskTy27
    /// answer the severe emergency conditions in the order of the condition list (MKioskTy1 the
    /// first, Y0010); MKioskTy28 is the ER's gatekeeping flag, not a condition. Y available,
    /// N not available, anything the service says for "no information" (정보미제공, empty) unknown.
    public static let conditionPrefix = "MKioskTy"
    public static let conditionCount = 27
    /// The reason the service gives for a condition, MKioskTy<n>Msg.
    public static let messageSuffix = "Msg"
}
