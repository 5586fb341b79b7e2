import AtlasModel

/// How a standards verdict moves under a stack of reforms: the verdict on the law as it stands when the reforms
/// enter into force, and on the reformed law, for the same check.
public struct ConformanceChange: Sendable {
    public enum Direction: String, Sendable {
        /// A conflict resolved, or a compliance the reform's rules add to.
        case closer
        /// A compliance lost, or a conflict the reform's rules add to.
        case away
        /// The verdict becomes not assessable, or stays so with other rules.
        case changed
    }

    public var before: ConformanceVerdict
    public var after: ConformanceVerdict
    public var direction: Direction
    /// Rule ids the reformed law's evidence has that the law's had not, and the reverse.
    public var added: [String]
    public var removed: [String]
    /// The reforms that add or remove those rules, or every reform of the jurisdiction when the verdict changes
    /// without naming one.
    public var reforms: [String]

    /// The checks whose verdict or evidence differ between `before` and `after` (the same checks, in order).
    public static func changes(before: [ConformanceVerdict], after: [ConformanceVerdict], stack: ReformStack,
                               jurisdiction: String) -> [ConformanceChange] {
        let byRule = stack.reformsByRule
        let all = stack.reforms.filter { $0.jurisdiction == jurisdiction }.map(\.id)
        var changes: [ConformanceChange] = []
        for (b, a) in zip(before, after) {
            // A version split at the entry into force keeps its id with the reform's appended: the same rule.
            let was = Set(b.evidence.map(baseID)), now = Set(a.evidence.map(baseID))
            let added = now.subtracting(was).sorted(), removed = was.subtracting(now).sorted()
            guard a.result != b.result || !added.isEmpty || !removed.isEmpty else { continue }
            let direction: Direction
            switch (b.result, a.result) {
            case (.conflicts, .complies): direction = .closer
            case (.complies, .conflicts): direction = .away
            case (.complies, .complies): direction = added.isEmpty ? .away : .closer
            case (.conflicts, .conflicts): direction = added.isEmpty ? .closer : .away
            // What could not be judged now can: the reform states what the sources left open.
            case (.notAssessable, .complies): direction = .closer
            case (.notAssessable, .conflicts): direction = .away
            default: direction = .changed
            }
            var reforms: [String] = []
            for id in added + removed { for r in byRule[id] ?? [] where !reforms.contains(r) { reforms.append(r) } }
            changes.append(ConformanceChange(before: b, after: a, direction: direction, added: added, removed: removed,
                                             reforms: reforms.isEmpty ? all : reforms))
        }
        return changes
    }

    static func baseID(_ id: String) -> String { id.split(separator: "+", maxSplits: 1).first.map(String.init) ?? id }
}
