// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitroom", targets: ["sitroom"]),
        .executable(name: "sitroom-bench", targets: ["sitroom-bench"]),
        .executable(name: "sitroom-drill", targets: ["sitroom-drill"]),
        .executable(name: "sitroom-fuzz", targets: ["sitroom-fuzz"]),
    ],
    dependencies: [
        // Command-line parsing for the `sitroom` subcommands and their --help.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // TOML parsing for the colour themes in themes/.
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        // CSV reading and writing for `sitroom import` and `sitroom export --format csv`.
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // The situation model, changes and their validation. No I/O.
        .target(name: "SitRoomCore"),
        // Durable storage: journal, snapshots, recovery, locking, history; import and export.
        .target(
            name: "SitRoomStore",
            dependencies: [
                "SitRoomCore",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Screen buffer, layout, widgets, themes, keys and the app's update loop. No ncurses.
        .target(
            name: "SitRoomUI",
            dependencies: ["SitRoomCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // ncursesw, only ever imported by the executable.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .executableTarget(
            name: "sitroom",
            dependencies: [
                "SitRoomCore", "SitRoomStore", "SitRoomUI", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Debian's libsqlite3, only ever imported by the bench (the side-by-side durable commit).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Prints speed and size figures; never part of the tests.
        .executableTarget(
            name: "sitroom-bench",
            dependencies: [
                "SitRoomCore", "SitRoomStore", "SitRoomUI", "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fault drills (I/O error loop, short writes, kill during compaction), for the tests and sitroom-drill.
        .target(name: "SitRoomDrills", dependencies: ["SitRoomCore", "SitRoomStore"]),
        // Runs the drills at full size (the tests run them bounded): the store's, and kill -9
        // loops against the real binary.
        .executableTarget(
            name: "sitroom-drill",
            dependencies: [
                "SitRoomCore", "SitRoomStore", "SitRoomDrills",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz targets (journal, snapshot, CSV import, quick commands, themes) and a deterministic mutator.
        .target(name: "SitRoomFuzz", dependencies: ["SitRoomCore", "SitRoomStore", "SitRoomUI"]),
        // Replays and mutates without libFuzzer; `make fuzz` builds it with libFuzzer, which owns main.
        .executableTarget(
            name: "sitroom-fuzz",
            dependencies: ["SitRoomFuzz", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Reports/ holds the reviewed SITREPs the report tests compare with.
        .testTarget(name: "SitRoomCoreTests", dependencies: ["SitRoomCore"], exclude: ["Reports"]),
        // Fixtures/ holds files the tests read by path (#filePath), e.g. the portal's CP949 CSV.
        .testTarget(
            name: "SitRoomStoreTests",
            dependencies: ["SitRoomCore", "SitRoomStore", "SitRoomDrills", .product(name: "CSV", package: "CSV.swift")],
            exclude: ["Fixtures"]
        ),
        // Screens/ holds the reviewed golden screens the render tests compare with.
        .testTarget(name: "SitRoomUITests", dependencies: ["SitRoomCore", "SitRoomUI"], exclude: ["Screens"]),
        // The bounded fuzz run; Corpus/<target>/ holds the seeds and every input that once crashed.
        .testTarget(name: "FuzzTests", dependencies: ["SitRoomFuzz"], path: "Tests/Fuzz", exclude: ["Corpus"]),
        .testTarget(name: "EndToEndTests", dependencies: ["sitroom", "sitroom-drill", "SitRoomCore"]),
    ],
    swiftLanguageModes: [.v6]
)
