// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "arcadia-cloud",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arcadia", targets: ["arcadia"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", "4.5.2"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // libxml2, the system library the design names for XML (JUnit validation and merging).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLiteTuning", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CAllocatorTuning"),
        // Floor 0: the values every floor speaks (Money in integer cents, Timestamp in UTC seconds),
        // which are not DigitalOcean concepts.
        .target(name: "MoneyAndTime"),
        // Floor 1: what talks DigitalOcean's API (models, client, transport protocol).
        .target(name: "DigitalOcean", dependencies: ["MoneyAndTime"]),
        // Floor 2a: the ledger and the engines.
        .target(name: "ArcadiaCore", dependencies: [
            "MoneyAndTime", "DigitalOcean", "CSQLiteTuning",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Floor 2b: the one deliberate fake.
        .target(name: "FakeDigitalOcean", dependencies: [
            "MoneyAndTime", "DigitalOcean", .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // Floor 2b, served: the fake over real HTTP or HTTPS (a certificate made at start-up). Only the
        // CLI (and its tests) import it, so the engines and the simulator never pay for Hummingbird or TLS.
        .target(name: "FakeDigitalOceanServer", dependencies: [
            "FakeDigitalOcean", "DigitalOcean", "MoneyAndTime",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ]),
        // The service: the ledger over an authenticated HTTP API. Only the CLI (and its tests) import
        // it, so the engines and the simulator never pay for Hummingbird or JWT verification.
        .target(name: "ArcadiaServer", dependencies: [
            "ArcadiaCore", "DigitalOcean", "MoneyAndTime",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Floor 3: scenarios, virtual clock, simulator, goldens, reports.
        .target(name: "Workbench", dependencies: [
            "ArcadiaCore", "FakeDigitalOcean", "DigitalOcean", "MoneyAndTime", "CLibXML2",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Collections", package: "swift-collections"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Floor 4: the only place that prints and picks exit codes.
        .executableTarget(name: "arcadia", dependencies: [
            "Workbench", "ArcadiaCore", "DigitalOcean", "MoneyAndTime", "FakeDigitalOcean", "FakeDigitalOceanServer", "ArcadiaServer",
            "CAllocatorTuning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Test fixtures, one target per floor, so a floor's tests link only that floor and below.
        .target(name: "TestSupport"),
        .target(name: "CoreTestSupport", dependencies: [
            "ArcadiaCore", "DigitalOcean", "MoneyAndTime", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "WorkbenchTestSupport", dependencies: ["Workbench", "ArcadiaCore", "DigitalOcean", "MoneyAndTime", "TestSupport"]),
        .target(name: "ServedFakeTestSupport", dependencies: ["FakeDigitalOceanServer", "FakeDigitalOcean"]),
        .testTarget(name: "MoneyAndTimeTests", dependencies: ["MoneyAndTime"]),
        .testTarget(name: "DigitalOceanTests", dependencies: ["DigitalOcean", "MoneyAndTime", "TestSupport"]),
        .testTarget(name: "FakeDigitalOceanTests", dependencies: ["FakeDigitalOcean", "DigitalOcean", "MoneyAndTime", "TestSupport"]),
        .testTarget(name: "ArcadiaCoreTests", dependencies: [
            "ArcadiaCore", "DigitalOcean", "MoneyAndTime", "FakeDigitalOcean", "TestSupport", "CoreTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "WorkbenchTests", dependencies: [
            "Workbench", "ArcadiaCore", "DigitalOcean", "MoneyAndTime", "FakeDigitalOcean", "TestSupport", "CoreTestSupport",
            "WorkbenchTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "arcadiaTests", dependencies: [
            "arcadia", "ArcadiaCore", "Workbench", "MoneyAndTime", "TestSupport", "CoreTestSupport", "WorkbenchTestSupport",
            "ServedFakeTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Goldens"]),
        .testTarget(name: "FakeDigitalOceanServerTests", dependencies: [
            "FakeDigitalOceanServer", "FakeDigitalOcean", "DigitalOcean", "MoneyAndTime", "ArcadiaCore", "Workbench", "TestSupport",
            "WorkbenchTestSupport", "ServedFakeTestSupport",
        ]),
        .testTarget(name: "ArcadiaServerTests", dependencies: [
            "ArcadiaServer", "ArcadiaCore", "DigitalOcean", "MoneyAndTime", "Workbench", "TestSupport", "WorkbenchTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Yams", package: "Yams"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
