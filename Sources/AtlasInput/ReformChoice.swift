import AtlasModel

/// The reforms a case is decided under, chosen from the corpus: a reform id, a package id (`PACKAGE@2` takes
/// variant 2 of the package's alternative drafts), and changes written on the line (`rule=value`), stacked in the
/// order given. Shared by the command line (`--reform`, `--set`) and the web's what-if page, which say the
/// problems in their own words; reading a reform file stays with the command line, since the web reads no files.
public enum ReformChoice {
    /// Why a name or a change cannot be taken.
    public enum Problem: Error, Sendable, Equatable {
        /// `name` names a package whose alternative drafts have no variant `variant` (`variants` they have).
        case noSuchVariant(name: String, package: String, variant: Int, variants: [Int])
        /// `name` names a package of alternative drafts without choosing one of `variants`.
        case alternatives(name: String, package: String, variants: [Int])
    }

    /// The reforms the reform or package id `name` names, or nil when it names none of the corpus's.
    public static func reforms(named name: String, in corpus: Corpus) throws(Problem) -> [Reform]? {
        if let found = corpus.reform(name) { return [found.reform] }
        let (packageID, variant) = variantSuffix(name)
        guard let package = corpus.reformPackage(packageID) else { return nil }
        return try pick(package, variant: variant, named: name)
    }

    /// Every id a name could have meant: the packages and their reforms.
    public static func ids(in corpus: Corpus) -> [String] {
        corpus.reformPackages.flatMap { [$0.id] + $0.reforms.map(\.id) }
    }

    /// Every reform of `package`, taking variant `variant` of its alternative drafts; without one, a package with
    /// alternatives is refused (taking both would contradict the report's pairing).
    public static func pick(_ package: ReformPackage, variant: Int?, named name: String) throws(Problem) -> [Reform] {
        let variants = Set(package.reforms.compactMap(\.variant)).sorted()
        if let variant {
            guard variants.contains(variant) else {
                throw .noSuchVariant(name: name, package: package.id, variant: variant, variants: variants)
            }
            return package.reforms.filter { $0.variant == nil || $0.variant == variant }
        }
        guard variants.count <= 1 else { throw .alternatives(name: name, package: package.id, variants: variants) }
        return package.reforms
    }

    /// The stack of `chosen` then one reform per change in `sets`, against `corpus`'s law.
    public static func stack(_ chosen: [Reform], sets: [String], corpus: Corpus) throws(ReformError) -> ReformStack {
        var reforms = chosen
        // A change may tune a rule a chosen reform adds, so it is read against the law with those reforms applied.
        var law = corpus.jurisdictions
        if !sets.isEmpty, !chosen.isEmpty {
            law = try ReformStack(chosen).apply(to: law, effective: CalendarDate(year: 2100, month: 1, day: 1)!)
        }
        for (index, text) in sets.enumerated() {
            reforms.append(try ReformAssignment.reform(text, index: index + 1, jurisdictions: law))
        }
        return try ReformStack(reforms)
    }

    /// The reform scenarios of a cohort, as `parole cohort` and the cohort page count them: one stack per entry of
    /// `chosen` (a reform or package as picked), in order, then one for all the changes of `sets` together, if any.
    public static func scenarios(_ chosen: [[Reform]], sets: [String], corpus: Corpus) throws(ReformError) -> [ReformStack] {
        var stacks: [ReformStack] = []
        for reforms in chosen { stacks.append(try ReformStack(reforms)) }
        if !sets.isEmpty { stacks.append(try stack([], sets: sets, corpus: corpus)) }
        return stacks
    }

    /// `corpus` with `stack` applied to its law from `effective` on.
    public static func apply(_ stack: ReformStack, to corpus: Corpus, effective: CalendarDate) throws(ReformError)
        -> Corpus
    {
        var reformed = corpus
        reformed.jurisdictions = try stack.apply(to: corpus.jurisdictions, effective: effective)
        return reformed
    }

    /// `PACKAGE@2` → (`PACKAGE`, 2).
    static func variantSuffix(_ name: String) -> (String, Int?) {
        guard let at = name.lastIndex(of: "@"), let n = Int(name[name.index(after: at)...]) else { return (name, nil) }
        return (String(name[..<at]), n)
    }
}
