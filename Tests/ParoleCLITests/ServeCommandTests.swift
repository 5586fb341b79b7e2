import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `parole serve` as a user starts it: the corpus loaded through the usual options, the site on the port asked for,
/// a clean stop on SIGTERM. The pages and the API themselves are tested without a port in AtlasWebTests.
@Suite struct ServeCommandTests {
    @Test("A port out of range is a usage error")
    func badPort() throws {
        let result = try CLI.run(["serve", "--port", "70000"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--port"))
    }

    @Test("serve answers the API on its port and stops cleanly on SIGTERM")
    func servesAndStops() async throws {
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PAROLE_CORPUS")
        environment["XDG_STATE_HOME"] = CLI.stateHome
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The corpus is loaded before the port is bound: wait for the first answer, within a bound.
        var countries: Data?
        for _ in 0..<150 where countries == nil {
            countries = try await fetch(port, "/api/v1/countries?lang=ru")
            if countries == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        let documents: [(path: String, schema: String, command: [String])] = [
            ("/api/v1/countries?lang=ru", "countries.schema.json", ["countries", "--format", "json", "--lang", "ru"]),
            ("/api/v1/simulate?term=9y&category=grave&start=2022-01-10&as-of=2026-01-01&offence=corruption",
             "simulate.schema.json", ["simulate", "--format", "json", "--term", "9y", "--category", "grave",
                                      "--start", "2022-01-10", "--as-of", "2026-01-01", "--offence", "corruption"]),
            ("/api/v1/conformance/kz?lang=kk", "conformance.schema.json", ["conformance", "kz", "--format", "json",
                                                                          "--lang", "kk"]),
        ]
        for (path, schema, command) in documents {
            let data = try #require(try await fetch(port, path), "\(path)")
            let served = try JSONSerialization.jsonObject(with: data)
            let validator = try JSONSchemaTests.validator(schema)
            let problems = validator.validate(served, against: validator.root)
            #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
            // The same document as the command's, compared after parsing.
            let printed = try CLI.run(command)
            let expected = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8))
            #expect(try canonical(served) == canonical(expected),
                    "\(path) differs from parole \(command.joined(separator: " "))")
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// `value` serialized with sorted keys: two parsed documents compare equal as their canonical forms do.
    private func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }

    /// The body of `path` on the local server, or nil while it does not answer.
    private func fetch(_ port: Int, _ path: String) async throws -> Data? {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)" + path))
        return try? await URLSession.shared.data(from: url).0
    }
}
