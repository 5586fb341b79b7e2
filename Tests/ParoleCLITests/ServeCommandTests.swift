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

        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1/countries?lang=ru"))
        var body: String?
        // The corpus is loaded before the port is bound: wait for it, within a bound.
        for _ in 0..<150 where body == nil {
            if let (data, _) = try? await URLSession.shared.data(from: url) {
                body = String(decoding: data, as: UTF8.self)
            } else {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        let answer = try #require(body)
        #expect(answer.contains("\"corpus\": \"sha256:"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
