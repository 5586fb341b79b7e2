// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ParoleAtlas",
    // macOS 14: Hummingbird 2's availability (AtlasWeb); the Linux build is unaffected.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parole", targets: ["parole"]),
        .library(name: "AtlasEngine", targets: ["AtlasEngine"]),
        // For the fuzz targets in Fuzz/ (a package of its own, built with the fuzzer runtime).
        .library(name: "AtlasInput", targets: ["AtlasInput"]),
        .library(name: "AtlasCorpus", targets: ["AtlasCorpus"]),
        .library(name: "AtlasModel", targets: ["AtlasModel"]),
        .library(name: "AtlasSearch", targets: ["AtlasSearch"]),
        .library(name: "SafeXML", targets: ["SafeXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 and HMAC for the corpus digest and the keyed validation stamps.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Property-based tests with shrinking (test targets only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // SQLite FTS5 for `parole search` (the system libsqlite3).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The ZIP container of DOCX and XLSX exports.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The HTTP server of `parole serve` (AtlasWeb), and its in-process test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The only module that sees libxml2's C API.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Safe parsing, XSD validation and XPath over libxml2; no Foundation (ICU clash, see README).
        .target(name: "SafeXML", dependencies: ["CLibXML2"]),
        // The law as data: jurisdictions, rules, conditions, citations, dates. Knows nothing of XML.
        .target(name: "AtlasModel"),
        // Slots filled on every core and read after: how values cross threads in the loader and the batch run.
        .target(name: "Parallel"),
        // Reads and checks corpus/ (XML + XSD) into AtlasModel values.
        .target(name: "AtlasCorpus", dependencies: [
            "SafeXML", "AtlasModel", "Parallel", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Case input (case files, batch lines): read strictly, with the place of every problem.
        .target(name: "AtlasInput", dependencies: ["AtlasModel"]),
        // Output that is complete or absent: temporary file, fsync, rename over a regular file only.
        .target(name: "AtlasOutput"),
        // Turns a case into per-jurisdiction outcomes with a cited trace.
        .target(name: "AtlasEngine", dependencies: ["AtlasModel"]),
        // Renders outcomes and regimes as JSON, text tables and Markdown (no terminal I/O).
        // Tables as files: Markdown, CSV, HTML, DOCX, XLSX, JSON, from one language-free document model.
        .target(name: "AtlasExport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "AtlasReport", dependencies: ["AtlasModel", "AtlasEngine", "AtlasExport", "AtlasSearch"],
                // The phrase tables: data, embedded so that no resource bundle has to be found at run time.
                resources: [.embedInCode("Wording/outcome-phrases.json"), .embedInCode("Wording/regime-phrases.json"),
                            .embedInCode("Wording/reform-phrases.json"), .embedInCode("Wording/cohort-phrases.json"),
                            .embedInCode("Wording/stats-phrases.json"), .embedInCode("Wording/find-phrases.json"),
                            .embedInCode("Wording/export-phrases.json"), .embedInCode("Wording/web-phrases.json")]),
        // Finding records: name resolution (ids, names, short names in any language) and the full-text index.
        .target(name: "AtlasSearch", dependencies: ["AtlasModel", .product(name: "GRDB", package: "GRDB.swift")]),
        // The read-only web UI and JSON API of `parole serve`: routes parse, call the library, render. HTTP
        // statuses live here only.
        .target(name: "AtlasWeb", dependencies: [
            "AtlasModel", "AtlasCorpus", "AtlasEngine", "AtlasReport", "AtlasInput", "AtlasExport", "AtlasSearch",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], resources: [
            // The JSON Schemas of docs/, embedded for /api/v1/openapi.json (a test keeps each equal to its docs/ file).
            .embedInCode("Schemas/simulate.schema.json"), .embedInCode("Schemas/countries.schema.json"),
            .embedInCode("Schemas/conformance.schema.json"), .embedInCode("Schemas/instruments.schema.json"),
            .embedInCode("Schemas/search.schema.json"), .embedInCode("Schemas/stats.schema.json"),
            .embedInCode("Schemas/api-error.schema.json"),
        ]),
        .executableTarget(
            name: "parole",
            dependencies: [
                "AtlasModel", "AtlasCorpus", "AtlasEngine", "AtlasReport", "AtlasInput", "AtlasOutput", "AtlasExport",
                "AtlasSearch", "AtlasWeb", "Parallel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process timings; not run by the tests (see Benchmarks/run.sh).
        .executableTarget(name: "AtlasBench", dependencies: ["AtlasCorpus", "AtlasEngine", "AtlasModel"],
                          path: "Benchmarks/AtlasBench"),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeXML"]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        .testTarget(name: "AtlasModelTests", dependencies: ["AtlasModel"]),
        .testTarget(
            name: "AtlasEngineTests",
            dependencies: [
                "AtlasModel", "AtlasCorpus", "AtlasEngine", "AtlasInput", "AtlasReport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden", "AnnexFixtures"]
        ),
        .testTarget(name: "AtlasSearchTests", dependencies: ["AtlasSearch", "AtlasCorpus", "AtlasModel"]),
        .testTarget(name: "AtlasCorpusTests", dependencies: ["AtlasCorpus", "AtlasModel", "SafeXML"]),
        .testTarget(name: "ParoleCLITests", dependencies: [
            "parole", "SafeXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Cohort"]),
        // Reads every export back: the ZIP parts through ZIPFoundation, their XML through SafeXML.
        .testTarget(name: "AtlasExportTests", dependencies: [
            "AtlasExport", "SafeXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "AtlasWebTests", dependencies: [
            "AtlasWeb", "AtlasCorpus", "AtlasEngine", "AtlasInput", "AtlasModel", "AtlasReport", "SafeXML",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "AtlasIOTests", dependencies: ["AtlasInput", "AtlasOutput", "AtlasModel"]),
        // Replays every fuzz seed and saved crash (Fuzz/Seeds, Fuzz/Regressions) through the fuzz targets' own entry
        // code, without the fuzzer runtime; the fuzzers themselves are a package of their own (Fuzz/README.md).
        .testTarget(name: "FuzzRegressionTests", dependencies: ["AtlasInput", "AtlasModel", "AtlasCorpus", "SafeXML"]),
    ],
    swiftLanguageModes: [.v6]
)
