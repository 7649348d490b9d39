#if SITROOM_LIBFUZZER
import Foundation
import SitRoomFuzz

// Built with `-sanitize=fuzzer -D SITROOM_LIBFUZZER` (`make fuzz`), libFuzzer owns `main` and
// calls this for every input; the target comes from the environment, since libFuzzer's own flags
// fill the command line.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SITROOM_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("SITROOM_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(64)
    }
    return target
}()

// SwiftPM links an executable with `main` bound to `<module>_main`: hand the process to libFuzzer's
// driver from there.
@_cdecl("sitroom_fuzz_main")
public func sitroomFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = selectedTarget.run(bytes)
    return 0
}
#endif
