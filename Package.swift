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
        .executable(name: "sitroom-manual", targets: ["sitroom-manual"]),
    ],
    dependencies: [
        // Command-line parsing for the `sitroom` subcommands and their --help.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // TOML parsing for the colour themes in themes/.
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        // CSV reading and writing for `sitroom import` and `sitroom export --format csv`.
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        // The PostgreSQL wire protocol, for `--store postgres://...`: many sites sharing one change log.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // postgres-nio's own foundations, named because the store uses them directly: its event loop
        // (NIOCore, NIOPosix) and the logger every connection takes.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // An HTTP(S) client for `sitroom import egen --url`: the NEMC open API over the network,
        // with timeouts, redirects and TLS that a hand-written client would get wrong.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // SHA-256 for SSH key fingerprints on the roster (`sitroom officers add --key FILE.pub`);
        // already built for postgres-nio's SCRAM, so it costs the build nothing.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3" ..< "6.0.0"),
    ],
    targets: [
        // The situation model, changes and their validation. No I/O.
        .target(name: "SitRoomCore"),
        // The ChangeStore protocol every change log keeps (a data directory, a server), with what
        // both share in words: StoreError, the history's points and the BoardHistory protocol.
        .target(name: "SitRoomChangeStore", dependencies: ["SitRoomCore"]),
        // The bytes both stores keep: the wire coding of changes and boards, journal records,
        // snapshots, CRC-32C. No files, no server.
        .target(name: "SitRoomWire", dependencies: ["SitRoomCore", "SitRoomChangeStore"], exclude: ["README.md"]),
        // The change log kept in a data directory: journal files, recovery, locking, history;
        // import and export (CSV, TOML).
        .target(
            name: "SitRoomStore",
            dependencies: [
                "SitRoomCore", "SitRoomChangeStore", "SitRoomWire",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            exclude: ["README.md"]
        ),
        // Screen buffer, layout, widgets, themes, keys and the app's update loop. No ncurses.
        .target(
            name: "SitRoomUI",
            dependencies: ["SitRoomCore", "SitRoomChangeStore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The change log kept in PostgreSQL instead of a data directory (the same ChangeStore protocol
        // and wire coding); it links no data-directory code.
        .target(
            name: "SitRoomPostgres",
            dependencies: [
                "SitRoomCore", "SitRoomChangeStore", "SitRoomWire",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),
        // `sitroom migrate`: a data directory's change log onto a server, so it needs both stores.
        .target(
            name: "SitRoomMigration",
            dependencies: ["SitRoomCore", "SitRoomChangeStore", "SitRoomWire", "SitRoomStore", "SitRoomPostgres"]
        ),
        // Fetching feeds over HTTP (the E-Gen open API); the executable's `import egen --url`.
        .target(
            name: "SitRoomFeed",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // ncursesw, only ever imported by the executable.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .executableTarget(
            name: "sitroom",
            dependencies: [
                "SitRoomCore", "SitRoomChangeStore", "SitRoomStore", "SitRoomPostgres", "SitRoomMigration", "SitRoomUI", "SitRoomFeed", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Debian's libsqlite3, only ever imported by the bench (the side-by-side durable commit).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Prints speed and size figures; never part of the tests.
        .executableTarget(
            name: "sitroom-bench",
            dependencies: [
                "SitRoomCore", "SitRoomChangeStore", "SitRoomWire", "SitRoomStore", "SitRoomUI", "CSQLite", "SitRoomPostgres", "SitRoomDrills", "SitRoomProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        // Starting processes (posix_spawn with a clean signal state) and driving programs in tmux,
        // for the tests, the bench and the drills.
        .target(name: "SitRoomProcess"),
        // The fault drills (I/O error loop, short writes, kill during compaction), for the tests and sitroom-drill.
        .target(name: "SitRoomDrills", dependencies: ["SitRoomCore", "SitRoomWire", "SitRoomStore", "SitRoomProcess"], exclude: ["README.md"]),
        // Runs the drills at full size (the tests run them bounded): the store's, and kill -9
        // loops against the real binary.
        .executableTarget(
            name: "sitroom-drill",
            dependencies: [
                "SitRoomCore", "SitRoomStore", "SitRoomDrills", "SitRoomProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz targets (journal, snapshot, CSV import, quick commands, themes) and a deterministic mutator.
        .target(name: "SitRoomFuzz", dependencies: ["SitRoomCore", "SitRoomWire", "SitRoomStore", "SitRoomUI"]),
        // Replays and mutates without libFuzzer; `make fuzz` builds it with libFuzzer, which owns main.
        .executableTarget(
            name: "sitroom-fuzz",
            dependencies: ["SitRoomFuzz", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Writes the man page `make install` installs, from a built sitroom's ArgumentParser help.
        .executableTarget(name: "sitroom-manual", dependencies: ["SitRoomProcess"]),
        // Reports/ holds the reviewed SITREPs the report tests compare with.
        .testTarget(name: "SitRoomCoreTests", dependencies: ["SitRoomCore"], exclude: ["Reports"]),
        // Fixtures/ holds files the tests read by path (#filePath), e.g. the portal's CP949 CSV.
        .testTarget(
            name: "SitRoomStoreTests",
            dependencies: [
                "SitRoomCore", "SitRoomChangeStore", "SitRoomWire", "SitRoomStore", "SitRoomDrills",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        // Screens/ holds the reviewed golden screens the render tests compare with.
        .testTarget(name: "SitRoomUITests", dependencies: ["SitRoomCore", "SitRoomUI"], exclude: ["Screens"]),
        // The bounded fuzz run; Corpus/<target>/ holds the seeds and every input that once crashed.
        .testTarget(name: "FuzzTests", dependencies: ["SitRoomFuzz"], path: "Tests/Fuzz", exclude: ["Corpus"]),
        // The ChangeStore protocol's shared suite, run on a data directory and on a throwaway
        // PostgreSQL server (started by the tests from Debian's packages), and the server's own tests.
        .testTarget(
            name: "SitRoomPostgresTests",
            dependencies: [
                "SitRoomCore", "SitRoomChangeStore", "SitRoomWire", "SitRoomStore", "SitRoomPostgres", "SitRoomMigration",
                "SitRoomDrills", "SitRoomProcess",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["sitroom", "sitroom-drill", "sitroom-manual", "SitRoomCore", "SitRoomChangeStore", "SitRoomStore", "SitRoomPostgres", "SitRoomDrills", "SitRoomProcess"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
