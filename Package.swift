// swift-tools-version: 6.2
import PackageDescription

/// The release link of `forewarn` on Linux, for a small idle daemon (docs/daemon.md, "Memory"): lld with packed
/// relative relocations, no exported symbols, and the functions start-up runs laid out together —
/// `scripts/build-release.sh` passes the full order it derives from the objects in `FOREWARN_SYMBOL_ORDER`.
let symbolOrder =
    Context.environment["FOREWARN_SYMBOL_ORDER"] ?? "\(Context.packageDirectory)/Benchmarks/daemon/startup-order.txt"
let releaseLinkFlags = [
    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
    "-Xlinker", "--symbol-ordering-file=\(symbolOrder)",
    "-Xlinker", "--no-warn-symbol-ordering",
]

let package = Package(
    name: "forewarn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "forewarn", targets: ["forewarn"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // System-library bridges (Debian -dev packages).
        .systemLibrary(
            name: "CSystemd", pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-gnutls-dev"])]),
        .systemLibrary(
            // Links libical alone (its module map): libical.pc also names libicalss and libicalvcal, which
            // nothing here uses, and every linked library costs resident pages at start.
            name: "CICal", providers: [.apt(["libical-dev"])]),

        // One target per stage of the data flow (see docs/architecture in README).
        .target(name: "CivilDay"),
        .target(name: "Zones", dependencies: ["CICal"]),
        .target(
            name: "Plans",
            dependencies: [
                "CivilDay", "Zones",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]),
        .target(
            name: "Signals",
            dependencies: ["HTTPTransport", "CivilDay", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HTTPTransport",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        .target(name: "Store", dependencies: ["Engine", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "PostgresStore",
            dependencies: [
                "Store", "Engine", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "Delivery",
            dependencies: [
                "HTTPTransport", "Store", "CivilDay", "Zones",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]),
        .target(name: "Forecast", dependencies: ["CivilDay"]),
        .target(name: "Calendars", dependencies: ["CICal", "CivilDay", "Plans", "Zones"]),
        .target(name: "Staffing"),
        .target(
            name: "Engine",
            dependencies: [
                "CivilDay", "Zones", "Plans", "Signals", "Forecast", "Calendars", "Staffing",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(
            name: "Daemon",
            dependencies: [
                "CSystemd", "CivilDay", "Plans", "Signals", "HTTPTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]),
        .executableTarget(
            name: "forewarn",
            dependencies: [
                "Daemon", "Plans", "Signals", "Forecast", "Calendars", "Staffing", "Engine", "Delivery", "Store",
                "HTTPTransport", "PostgresStore", "CivilDay", "Zones",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [.unsafeFlags(releaseLinkFlags, .when(platforms: [.linux], configuration: .release))]),

        .executableTarget(
            name: "signals-bench", dependencies: ["Signals"], path: "Benchmarks/signals", exclude: ["README.md"]),
        .executableTarget(
            name: "StaffingBenchmark", dependencies: ["Staffing"], path: "Benchmarks/staffing/StaffingBenchmark"),
        .executableTarget(
            name: "ForecastBenchmark", dependencies: ["Forecast"], path: "Benchmarks/forecast/ForecastBenchmark"),

        // Shared test harnesses (real peers: NUT, Prometheus, Kannel, child processes), used by several test targets.
        .target(
            name: "TestPeers", dependencies: ["HTTPTransport"], path: "Tests/TestPeers",
            exclude: ["Fixtures/README.md"],
            resources: [.copy("Fixtures")]),

        .testTarget(name: "PlansTests", dependencies: ["Plans"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SignalsTests",
            dependencies: ["Signals", "HTTPTransport", "TestPeers", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "CivilDayTests", dependencies: ["CivilDay"]),
        .testTarget(name: "ZonesTests", dependencies: ["Zones"]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CalendarsTests", dependencies: ["Calendars", "Zones"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StaffingTests", dependencies: ["Staffing"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ForewarnTests", dependencies: ["forewarn", "Plans", "Store"]),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon", "forewarn", "Plans", "Signals", "Store", "HTTPTransport", "TestPeers",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "Store", "Plans", "Signals", "Forecast", "Calendars", "Zones"],
            exclude: ["Fixtures"]),
        .executableTarget(
            name: "delivery-bench",
            dependencies: ["Delivery", "Store", "HTTPTransport", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/delivery/DeliveryBenchmark"),
        .executableTarget(
            name: "EngineBenchmark", dependencies: ["Engine", "Plans", "Forecast", "Signals"],
            path: "Benchmarks/engine/EngineBenchmark"),
        .testTarget(
            name: "HTTPTransportTests", dependencies: ["HTTPTransport", "TestPeers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "Store", "TestPeers", "Engine", "Plans", "Signals", "Forecast",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "Delivery", "Store", "HTTPTransport", "TestPeers", "Zones",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            resources: [.copy("Fixtures")]),
    ]
)
