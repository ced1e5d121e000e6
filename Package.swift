// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// A stage of the pipeline. Each stage depends only on the stages listed before it, so the
/// compiler refuses a reference that points forward.
func stage(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, swiftSettings: strictSettings)
}

let package = Package(
    name: "handbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .library(name: "HandbookBuild", targets: ["HandbookBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        /// Linux's atomic exchange of two paths, which Swift's Glibc module does not expose.
        .target(name: "CRenameExchange"),
        // Ids, model types, routes and slugs, anchors, dates, durations, diagnostics.
        stage("HandbookModel", []),
        // The only stage that imports cmark.
        stage("HandbookMarkdown", ["HandbookModel", "CCmark"]),
        stage("HandbookLoading", ["HandbookModel", "HandbookMarkdown", .product(name: "Yams", package: "Yams")]),
        stage("HandbookValidation", ["HandbookModel", "HandbookMarkdown", "HandbookLoading"]),
        stage("HandbookSearch", ["HandbookModel", "HandbookMarkdown", "HandbookLoading"]),
        stage(
            "HandbookVersions",
            [
                "HandbookModel", "HandbookMarkdown", "HandbookLoading", "HandbookValidation", "HandbookSearch",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
            ]),
        .target(
            name: "HandbookRendering",
            dependencies: [
                "HandbookModel", "HandbookMarkdown", "HandbookLoading", "HandbookSearch", "HandbookVersions",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedDefaultTheme"]),
        /// The fuzzing target: `Scripts/fuzz.sh` builds it with libFuzzer; without it, it replays inputs.
        .executableTarget(
            name: "HandbookFuzz",
            dependencies: ["HandbookModel", "HandbookMarkdown", "HandbookLoading", "HandbookValidation"],
            swiftSettings: strictSettings),
        /// Writes `themes/default` into a Swift source at build time: the built-in theme.
        .executableTarget(name: "ThemeEmbedder", swiftSettings: strictSettings),
        .plugin(
            name: "EmbedDefaultTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"],
            path: "Sources/EmbedDefaultTheme"),
        stage(
            "HandbookBuild",
            [
                "HandbookModel", "HandbookLoading", "HandbookValidation", "HandbookSearch", "HandbookVersions",
                "HandbookRendering", "CRenameExchange",
            ]),
        /// Watching folders for `handbook serve`: beside the stages, used by the command only.
        stage("HandbookWatching", []),
        /// The preview server of `handbook serve`: a site in memory over HTTP.
        stage(
            "HandbookServer",
            [
                "HandbookModel", "HandbookLoading", "HandbookRendering", "HandbookBuild", "HandbookWatching",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookModel", "HandbookLoading", "HandbookValidation", "HandbookVersions", "HandbookRendering", "HandbookBuild",
                "HandbookServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HandbookTests",
            dependencies: [
                "HandbookModel", "HandbookMarkdown", "HandbookLoading", "HandbookValidation", "HandbookSearch",
                "HandbookVersions", "HandbookRendering", "HandbookBuild", "HandbookWatching", "HandbookServer", "CRenameExchange",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
