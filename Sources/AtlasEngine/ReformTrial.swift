import AtlasModel

/// One case decided under the law and under the law with a stack of reforms (`parole whatif`, the web's what-if
/// page): the comparison with each difference attributed to the reforms it needs, and the standards verdicts on
/// both sides. Shared so that the command line and the web answer alike.
public struct ReformTrial: Sendable {
    public let comparison: ReformComparison
    /// The verdicts of each jurisdiction's outcome, by jurisdiction id, under the law and under the reforms.
    public let conformanceBefore: [String: [ConformanceVerdict]]
    public let conformanceAfter: [String: [ConformanceVerdict]]

    /// Decides `facts` in the jurisdictions `ids` (none: those the stack changes) of `law` and of `reformed` (the
    /// law with `stack` applied from `effective`); a stack that cannot be applied without one of its reforms is
    /// the library's error.
    public init(_ facts: Case, law: Corpus, reformed: Corpus, stack: ReformStack, effective: CalendarDate,
                jurisdictions ids: [String] = []) throws(ReformError) {
        let touched = Set(stack.reforms.map(\.jurisdiction))
        let ids = ids.isEmpty ? law.jurisdictions.map(\.id).filter(touched.contains) : ids
        let before = Simulator(corpus: law).simulate(facts, in: ids.compactMap(law.jurisdiction))
        let after = Simulator(corpus: reformed).simulate(facts, in: ids.compactMap(reformed.jurisdiction))
        var comparison = ReformComparison(before: before, after: after, stack: stack)
        do {
            try comparison.attribute(stack) { other in
                var corpus = law
                corpus.jurisdictions = try other.apply(to: law.jurisdictions.filter { ids.contains($0.id) },
                                                       effective: effective)
                return Simulator(corpus: corpus, explains: false).simulate(facts, in: corpus.jurisdictions)
            }
        } catch let error as ReformError {
            throw error
        } catch {
            preconditionFailure("only a reform can fail to apply: \(error)")
        }
        self.comparison = comparison
        func verdicts(_ corpus: Corpus, _ outcomes: [JurisdictionOutcome]) -> [String: [ConformanceVerdict]] {
            let evaluator = ConformanceEvaluator(corpus: corpus)
            return Dictionary(uniqueKeysWithValues: outcomes.map {
                ($0.jurisdiction.id, evaluator.verdicts(for: $0, facts: facts))
            })
        }
        conformanceBefore = verdicts(law, before)
        conformanceAfter = verdicts(reformed, after)
    }

    /// The standards verdicts the reforms change, jurisdiction by jurisdiction in the order of the outcomes.
    public func conformanceChanges(_ stack: ReformStack) -> [ConformanceChange] {
        comparison.after.flatMap { outcome in
            let id = outcome.jurisdiction.id
            return ConformanceChange.changes(before: conformanceBefore[id] ?? [], after: conformanceAfter[id] ?? [],
                                             stack: stack, jurisdiction: id)
        }
    }
}
