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
        // A --set may tune a rule a named reform adds, so it is read against the law with those reforms applied.
        var law = corpus.jurisdictions
        if !sets.isEmpty, !chosen.isEmpty {
            do { law = try ReformStack(chosen).apply(to: law, effective: CalendarDate(year: 2100, month: 1, day: 1)!) }
            catch { throw CLIFailure.usage(error.description) }
        }
        for (index, text) in sets.enumerated() {
            do { chosen.append(try ReformAssignment.reform(text, index: index + 1, jurisdictions: law)) }
            catch { throw CLIFailure.usage(error.description) }
        }
        do { return try ReformStack(chosen) } catch { throw CLIFailure.usage(error.description) }
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
        var reformed = corpus
        do { reformed.jurisdictions = try stack.apply(to: corpus.jurisdictions, effective: effective) }
        catch { throw CLIFailure.usage(error.description) }
        return reformed
    }

    /// The reforms one `--reform` value names.
    static func resolve(_ name: String, corpus: Corpus, schemaFile: String) throws -> [Reform] {
        if let found = corpus.reform(name) { return [found.reform] }
        let (packageID, variant) = Self.variantSuffix(name)
        if let package = corpus.reformPackage(packageID) { return try pick(package, variant: variant, named: name) }
        if name.hasSuffix(".xml") || name.contains("/") || FileManager.default.fileExists(atPath: name) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), !isFolder.boolValue,
                  FileManager.default.isReadableFile(atPath: name) else {
                throw CLIFailure(message: "--reform \(name): " + (isFolder.boolValue ? "is a folder, not a reform file; name a file"
                                                                 : "cannot read the file; check the path"), status: .noInput)
            }
            let package = try CorpusLoader.readReformFile(name, schemaFile: schemaFile, corpus: corpus)
            return try pick(package, variant: nil, named: name)
        }
        let ids = corpus.reformPackages.flatMap { [$0.id] + $0.reforms.map(\.id) }
        let near = Suggestion.nearest(to: name, among: ids, count: 3)
        throw CLIFailure.usage("--reform \(name): no such reform, package or file"
            + (near.isEmpty ? "" : "; nearest: " + near.joined(separator: ", ")) + " (parole reforms lists them)")
    }

    /// `PACKAGE@2` → (`PACKAGE`, 2).
    private static func variantSuffix(_ name: String) -> (String, Int?) {
        guard let at = name.lastIndex(of: "@"), let n = Int(name[name.index(after: at)...]) else { return (name, nil) }
        return (String(name[..<at]), n)
    }

    /// Every reform of `package`, taking variant `variant` of its alternative drafts; without one, a package with
    /// alternatives is refused (taking both would contradict the report's pairing).
    private static func pick(_ package: ReformPackage, variant: Int?, named name: String) throws -> [Reform] {
        let variants = Set(package.reforms.compactMap(\.variant))
        if let variant {
            guard variants.contains(variant) else {
                throw CLIFailure.usage("--reform \(name): \(package.id) has no variant \(variant)"
                    + (variants.isEmpty ? "" : " (it has \(variants.sorted().map(String.init).joined(separator: ", ")))"))
            }
            return package.reforms.filter { $0.variant == nil || $0.variant == variant }
        }
        guard variants.count <= 1 else {
            throw CLIFailure.usage("--reform \(name): \(package.id) holds alternative drafts; take one: "
                + variants.sorted().map { "\(package.id)@\($0)" }.joined(separator: " or "))
        }
        return package.reforms
    }
}
