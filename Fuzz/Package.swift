// swift-tools-version: 6.0
// Fuzz targets for ParoleAtlas, a package of its own so that `swift build` and `swift test` of the main package
// never build them: they need the fuzzer runtime (`-sanitize=fuzzer`), which a normal build must not link.
// Build and run them with ./run.sh (see README.md).
import PackageDescription

let package = Package(
    name: "ParoleAtlasFuzz",
    // As the main package: its libraries need macOS 13.
    platforms: [.macOS(.v13)],
    dependencies: [
        // The checkout this folder sits in; named so that the products below resolve whatever the folder is called.
        .package(name: "ParoleAtlas", path: ".."),
    ],
    targets: [
        // What each fuzz target does with one input; FuzzRegressionTests in the main package replays the same file.
        .target(
            name: "FuzzEntries",
            dependencies: [
                .product(name: "AtlasInput", package: "ParoleAtlas"),
                .product(name: "AtlasModel", package: "ParoleAtlas"),
                .product(name: "AtlasCorpus", package: "ParoleAtlas"),
                .product(name: "SafeXML", package: "ParoleAtlas"),
            ]
        ),
        .executableTarget(name: "corpus-document", dependencies: ["FuzzEntries"]),
        .executableTarget(name: "case-file", dependencies: ["FuzzEntries"]),
        .executableTarget(name: "batch-lines", dependencies: ["FuzzEntries"]),
        .executableTarget(name: "term-and-date", dependencies: ["FuzzEntries"]),
    ],
    swiftLanguageModes: [.v6]
)
