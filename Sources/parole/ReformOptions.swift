import ArgumentParser
import AtlasCorpus
import AtlasInput
import AtlasModel
import Foundation

/// The reforms a command applies on top of the law: `--reform`, `--set` and `--effective`, shared by `simulate`,
/// `whatif` and `conformance`.
struct ReformOptions: ParsableArguments {
    @Option(name: .customLong("reform"), help: ArgumentHelp(
        "A reform to apply (repeatable, in order): a reform id, a package id (PACKAGE@1 takes variant 1 of its "
            + "alternative drafts), or a reform file.", valueName: "id|file"))
    var reforms: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "A change written on the line (repeatable): kz-cc-72-3-grave=1/3, kz-parole.threshold[category=grave]=1/3, "
            + "kz-cc-72-5-life.fixed=20y, kz-cc-72-8-corruption=off.", valueName: "rule=value"))
    var sets: [String] = []

    @Option(help: ArgumentHelp("Entry into force of the reforms (default: the --as-of date, else today).",
                               valueName: "YYYY-MM-DD"))
    var effective: String?

    /// The long names above, offered when a fact flag is mistyped.
    static let names = ["reform", "set", "effective"]

    var isEmpty: Bool { reforms.isEmpty && sets.isEmpty }

    /// The stack the options name, against `corpus`.
    func stack(corpus: Corpus, schemaFile: String) throws -> ReformStack {
        var chosen: [Reform] = []
        for name in reforms { chosen += try Self.resolve(name, corpus: corpus, schemaFile: schemaFile) }
        do { return try ReformChoice.stack(chosen, sets: sets, corpus: corpus) } catch { throw CLIFailure.usage(error.description) }
    }

    /// The entry-into-force date: `--effective`, else the case's as-of date, else today.
    func effectiveDate(asOf: CalendarDate?) throws -> CalendarDate {
        guard let effective else { return asOf ?? .today }
        guard let date = CalendarDate(iso: effective) else {
            throw CLIFailure.usage("--effective \(effective): not a date; write YYYY-MM-DD, e.g. --effective 2027-01-01")
        }
        return date
    }

    /// `corpus` with the stack applied to its law from `effective` on.
    static func apply(_ stack: ReformStack, to corpus: Corpus, effective: CalendarDate) throws -> Corpus {
        do { return try ReformChoice.apply(stack, to: corpus, effective: effective) }
        catch { throw CLIFailure.usage(error.description) }
    }

    /// The reforms one `--reform` value names.
    static func resolve(_ name: String, corpus: Corpus, schemaFile: String) throws -> [Reform] {
        if let named = try chosen({ () throws(ReformChoice.Problem) in try ReformChoice.reforms(named: name, in: corpus) }) {
            return named
        }
        if name.hasSuffix(".xml") || name.contains("/") || FileManager.default.fileExists(atPath: name) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), !isFolder.boolValue,
                  FileManager.default.isReadableFile(atPath: name) else {
                throw CLIFailure(message: "--reform \(name): " + (isFolder.boolValue ? "is a folder, not a reform file; name a file"
                                                                 : "cannot read the file; check the path"), status: .noInput)
            }
            let package = try CorpusLoader.readReformFile(name, schemaFile: schemaFile, corpus: corpus)
            return try chosen { () throws(ReformChoice.Problem) in try ReformChoice.pick(package, variant: nil, named: name) }
        }
        let near = Suggestion.nearest(to: name, among: ReformChoice.ids(in: corpus), count: 3)
        throw CLIFailure.usage("--reform \(name): no such reform, package or file"
            + (near.isEmpty ? "" : "; nearest: " + near.joined(separator: ", ")) + " (parole reforms lists them)")
    }

    /// The library's choice, its problem said as the command line says it.
    private static func chosen<T>(_ choose: () throws(ReformChoice.Problem) -> T) throws -> T {
        do { return try choose() } catch {
            switch error {
            case .noSuchVariant(let name, let package, let variant, let variants):
                throw CLIFailure.usage("--reform \(name): \(package) has no variant \(variant)"
                    + (variants.isEmpty ? "" : " (it has \(variants.map(String.init).joined(separator: ", ")))"))
            case .alternatives(let name, let package, let variants):
                throw CLIFailure.usage("--reform \(name): \(package) holds alternative drafts; take one: "
                    + variants.map { "\(package)@\($0)" }.joined(separator: " or "))
            }
        }
    }
}
