import Foundation

/// The seed of a randomised test, printed so that a failing run can be replayed: SITROOM_TEST_SEED=<n>.
func testSeed(_ test: String = #function) -> UInt64 {
    let seed = ProcessInfo.processInfo.environment["SITROOM_TEST_SEED"].flatMap { UInt64($0) } ?? .random(in: 0...UInt64.max)
    print("\(test): seed \(seed) (SITROOM_TEST_SEED=\(seed) replays it)")
    return seed
}
