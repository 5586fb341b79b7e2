import Foundation
import Testing

/// Every seed and every saved crash of the fuzz targets (Fuzz/Seeds/<target>, Fuzz/Regressions/<target>), replayed
/// through the targets' own entry code: FuzzEntries.swift here is a link to Fuzz/Sources/FuzzEntries, so what
/// the fuzzer ran is what the test runs, without the fuzzer runtime. No input may trap, every rejection must be a
/// thrown error of one line, and no input may break what the target checks (see `FuzzFindings`).
@Suite struct FuzzRegressionTests {
    /// Fuzz/, found from this file so that the test runs from any working directory.
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FuzzRegressionTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root
        .appendingPathComponent("Fuzz")

    /// The inputs of one target and folder, by name; none when the folder does not exist (no crash saved yet).
    static func inputs(of target: FuzzTarget, in folder: String) -> [URL] {
        let directory = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    // The targets run side by side; each keeps its scratch files to itself, and one target's inputs run in order.
    @Test(arguments: FuzzTarget.allCases)
    func everySeedAndSavedCrashRunsClean(_ target: FuzzTarget) throws {
        let seeds = Self.inputs(of: target, in: "Seeds")
        // An empty seed list would pass vacuously: it means the folder moved, not that all is well.
        #expect(!seeds.isEmpty, "no seeds in Fuzz/Seeds/\(target.rawValue)")
        target.prepare()
        for file in seeds + Self.inputs(of: target, in: "Regressions") {
            let bytes = try Data(contentsOf: file)
            let findings = bytes.withUnsafeBytes { target.run($0) }
            let place = "\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent)"
            #expect(findings.violations.isEmpty, "\(place): \(findings.violations.joined(separator: "; "))")
        }
    }
}
