import ArgumentParser
import AtlasCorpus
import AtlasInput
import AtlasOutput
import AtlasReport
import Foundation

/// The `parole` command: validate the corpus, show a regime, simulate a sentence.
@main
struct Parole: ParsableCommand {
    // Every command names itself: a name derived from the type costs a reflective lookup per command at startup,
    // a few milliseconds of every run.
    static let configuration = CommandConfiguration(
        commandName: "parole",
        abstract: "ParoleAtlas: how a Kazakh sentence fares under each jurisdiction's early-release law.",
        discussion: """
            Every figure comes from the XML corpus, with its citation. Examples:

              parole simulate --term 9y --category grave --start 2022-01-10
              parole show kz
              parole countries --family post-soviet
              parole compare kz ru --aspect thresholds
              parole validate --coverage

            Exit status: 0 success, 64 bad command-line input, 65 bad data (corpus or case file),
            66 a file that cannot be read, 73 an output file that cannot be written.
            """,
        version: Provenance.programVersion,
        subcommands: [Simulate.self, WhatIf.self, Reforms.self, Cohort.self, Roster.self, Show.self, Search.self, Instruments.self, Cite.self, Countries.self, Compare.self, Conformance.self, Annex.self, Stats.self, Validate.self, Serve.self]
    )

    /// Parses, runs, and maps every failure to one line on standard error and a sysexits status.
    static func main() {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] { printVersion() }
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            fail(message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments",
                 status: .usage)
        }
        do {
            let width = (command as? WritesText)?.output.layoutWidth(environment: ProcessInfo.processInfo.environment)
            try TextLayout.$width.withValue(width) { try command.run() }
        } catch let error as CLIFailure {
            fail(error.message, status: error.status)
        } catch let error as CorpusError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(CLIFailure.Status.data.rawValue)
        } catch let error as OutputError {
            if error.kind == .closedPipe { PipeClosed.exitQuietly() }
            fail(error.description, status: .cantCreate)
        } catch let error as CaseFileError {
            fail(error.description, status: error.kind == .unreadable ? .noInput : .data)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            fail(message(for: error), status: code.rawValue == 64 ? .usage : .software)
        }
    }

    /// The program's version and the digest of the corpus it would use, so that a computation can be cited.
    static func printVersion() -> Never {
        let location = CorpusLocation.resolve(explicit: nil)
        let digest = (try? CorpusLoader(location: location).digestOfFiles()).flatMap { $0 }
        print("parole \(Provenance.programVersion) · corpus " + (digest.map { "sha256:" + $0 } ?? "not found")
            + " (\(location.corpusDirectory))")
        Foundation.exit(0)
    }

    static func fail(_ message: String, status: CLIFailure.Status) -> Never {
        FileHandle.standardError.write(Data("parole: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}

/// The reader of standard output went away (`parole … | head`): end as a program killed by SIGPIPE would, with
/// nothing on standard error, since nothing went wrong that the user must hear of.
enum PipeClosed {
    static func exitQuietly() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        Foundation.exit(141)
    }
}

/// A failure the command reports as one line with a sysexits status.
struct CLIFailure: Error {
    enum Status: Int32 {
        case usage = 64, data = 65, noInput = 66, software = 70, cantCreate = 73
    }
    var message: String
    var status: Status
    static func usage(_ m: String) -> CLIFailure { CLIFailure(message: m, status: .usage) }
    static func data(_ m: String) -> CLIFailure { CLIFailure(message: m, status: .data) }
}
