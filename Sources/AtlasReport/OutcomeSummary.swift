import AtlasEngine
import AtlasModel

/// The summary detail level of a simulation: one case as a batch line (line 1), per jurisdiction and mechanism
/// the status, the dates and the rule that gives them, without the traces and citations that make the full
/// document hundreds of kilobytes. Its contract is the batch line's (docs/simulate.schema.json, `$defs/batchLine`);
/// the full explanation stays one request away (`--detail full`, the default).
///
/// A value compiles the law of its jurisdictions once, so that a server answering many cases does not compile it
/// for each one.
public struct OutcomeSummary: Sendable {
    private let law: CompiledLaw
    private let layout: BatchLine

    /// The summaries of cases in `jurisdictions` of `corpus`, each carrying `provenance`.
    public init(jurisdictions: [Jurisdiction], corpus: Corpus, provenance: Provenance?) {
        law = CompiledLaw(jurisdictions: jurisdictions, crosswalk: corpus.crosswalk, home: corpus.home)
        layout = BatchLine(jurisdictions: jurisdictions, provenance: provenance,
                           nonCustodialKinds: corpus.vocabulary.nonCustodialKinds)
    }

    /// The summary of `facts`, as one JSON object (no trailing newline).
    public func json(of facts: Case) -> String {
        var results: [EligibilityResult] = []
        results.reserveCapacity(layout.resultCount)
        law.decide(facts, into: &results)
        let bytes = OutputBytes(capacity: 1 << 14)
        layout.write(line: 1, facts: facts, results: results, into: bytes)
        var text = bytes.withBytes { String(decoding: $0, as: UTF8.self) }
        while text.last == "\n" { text.removeLast() }
        return text
    }

    /// The summary of `facts` in `jurisdictions` of `corpus`, as one JSON object (no trailing newline).
    public static func json(of facts: Case, in jurisdictions: [Jurisdiction], corpus: Corpus,
                            provenance: Provenance?) -> String {
        OutcomeSummary(jurisdictions: jurisdictions, corpus: corpus, provenance: provenance).json(of: facts)
    }
}
