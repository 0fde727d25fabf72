// swift-tools-version: 6.2
import PackageDescription

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
    ],
    targets: [
        // System-library bridges (Debian -dev packages).
        .systemLibrary(
            name: "CSystemd", pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CICal", pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]),

        // One target per stage of the data flow (see docs/architecture in README).
        .target(
            name: "Plans",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]),
        .target(
            name: "Signals",
            dependencies: ["HTTPTransport", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HTTPTransport",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        .target(name: "Forecast"),
        .target(name: "Calendars", dependencies: ["CICal", "Plans"]),
        .target(name: "Staffing"),
        .target(
            name: "Engine",
            dependencies: [
                "Plans", "Signals", "Forecast", "Calendars", "Staffing",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(name: "Daemon", dependencies: ["CSystemd", "Plans", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "forewarn",
            dependencies: [
                "Daemon", "Plans", "Signals", "Forecast", "Calendars", "Staffing", "Engine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .executableTarget(
            name: "signals-bench", dependencies: ["Signals"], path: "Benchmarks/signals", exclude: ["README.md"]),
        .executableTarget(
            name: "StaffingBenchmark", dependencies: ["Staffing"], path: "Benchmarks/staffing/StaffingBenchmark"),
        .executableTarget(
            name: "ForecastBenchmark", dependencies: ["Forecast"], path: "Benchmarks/forecast/ForecastBenchmark"),

        .testTarget(name: "PlansTests", dependencies: ["Plans"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SignalsTests",
            dependencies: ["Signals", "HTTPTransport", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CalendarsTests", dependencies: ["Calendars"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StaffingTests", dependencies: ["Staffing"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ForewarnTests", dependencies: ["forewarn", "Plans"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon"]),
        .testTarget(
            name: "EngineTests", dependencies: ["Engine", "Plans", "Signals", "Forecast", "Calendars"]),
        .executableTarget(
            name: "EngineBenchmark", dependencies: ["Engine", "Plans", "Forecast", "Signals"],
            path: "Benchmarks/engine/EngineBenchmark"),
        .testTarget(
            name: "HTTPTransportTests", dependencies: ["HTTPTransport"], resources: [.copy("Fixtures")]),
    ]
)
