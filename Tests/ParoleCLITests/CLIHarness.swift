import Foundation

/// Runs the built `parole` binary and captures what a user would see.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `parole` executable built beside this test bundle.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("parole"),
            Bundle.main.bundleURL.appendingPathComponent("parole"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("parole"),
            root.appendingPathComponent(".build/debug/parole"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs `parole` with `arguments`; `standardOutput` sends its output to that file instead of a pipe (e.g.
    /// `/dev/full`, to see a failed write reported).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    standardOutput: String? = nil) throws -> CLIResult
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PAROLE_CORPUS")
        // Each run remembers checked corpora in a place of its own, never in the user's cache, unless a test
        // shares one on purpose.
        // The stamp key of the test runs, never the user's (see CheckedStamps).
        env["XDG_STATE_HOME"] = stateHome
        env["PAROLE_CACHE"] = FileManager.default.temporaryDirectory
            .appendingPathComponent("parole-cache-\(UUID().uuidString)").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let out = Pipe(), err = Pipe()
        if let standardOutput, let handle = FileHandle(forWritingAtPath: standardOutput) {
            process.standardOutput = handle
            // Nothing comes through the pipe; it is closed so that reading it ends.
            try out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// One state folder for every run of this test process.
    static let stateHome = FileManager.default.temporaryDirectory
        .appendingPathComponent("parole-state-\(ProcessInfo.processInfo.processIdentifier)").path

    /// A temporary copy of the bundled corpus.
    static func scratchCorpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parole-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: root.appendingPathComponent("corpus"), to: dir)
        return dir
    }
}
