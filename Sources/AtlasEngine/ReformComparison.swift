import AtlasModel

/// What a stack of reforms changes for one case: the outcomes under the law and under the reformed law, each
/// decided by the same simulator, side by side, and per mechanism what differs and which reforms' rules the
/// reformed decision went through.
public struct ReformComparison: Sendable {
    public var before: [JurisdictionOutcome]
    public var after: [JurisdictionOutcome]
    public var differences: [OutcomeDifference]

    /// Compares outcomes of the same jurisdictions and mechanisms, in order.
    public init(before: [JurisdictionOutcome], after: [JurisdictionOutcome], stack: ReformStack) {
        self.before = before
        self.after = after
        let byRule = stack.reformsByRule
        var differences: [OutcomeDifference] = []
        for (b, a) in zip(before, after) {
            let ofJurisdiction = stack.reforms.filter { $0.jurisdiction == a.jurisdiction.id }.map(\.id)
            for (mb, ma) in zip(b.mechanisms, a.mechanisms) where OutcomeDifference.differs(mb, ma) {
                var rules: [String] = []
                for id in Self.ruleIDs(ma) + Self.ruleIDs(mb) where byRule[id] != nil && !rules.contains(id) {
                    rules.append(id)
                }
                var reforms: [String] = []
                for id in rules { for r in byRule[id] ?? [] where !reforms.contains(r) { reforms.append(r) } }
                // A change can act without naming a rule of its own on the way (the split of the version at the
                // entry into force is named by the version): then every reform of the jurisdiction may be it.
                if reforms.isEmpty { reforms = ofJurisdiction }
                differences.append(OutcomeDifference(jurisdiction: a.jurisdiction.id, before: mb, after: ma,
                                                     reforms: reforms, rules: rules))
            }
        }
        self.differences = differences
    }

    /// Every rule id the outcome's decision names: the reason's rule, the governing threshold, and the trace.
    private static func ruleIDs(_ o: MechanismOutcome) -> [String] {
        var ids: [String] = []
        if let r = o.reason?.ruleID { ids.append(r) }
        if let t = o.threshold?.id { ids.append(t) }
        func walk(_ steps: [TraceStep]) {
            for s in steps {
                if let id = s.ruleID { ids.append(id) }
                walk(s.children)
            }
        }
        walk(o.trace)
        return ids
    }
}

/// How one mechanism's outcome differs under the reforms.
public struct OutcomeDifference: Sendable {
    public var jurisdiction: String
    public var before: MechanismOutcome
    public var after: MechanismOutcome
    /// The reforms whose rules the decision went through, in stack order.
    public var reforms: [String]
    /// The reformed rules named on the way.
    public var rules: [String]

    public var mechanism: String { after.mechanism.id }

    /// Days from the earliest date under the law to that under the reforms (negative: earlier), when both are known.
    public var days: Int? {
        guard before.available, after.available, let b = before.earliestDate, let a = after.earliestDate else { return nil }
        return b.days(until: a)
    }

    static func differs(_ a: MechanismOutcome, _ b: MechanismOutcome) -> Bool {
        a.status != b.status || a.earliestDate != b.earliestDate || a.mandatory != b.mandatory
            || a.missingFacts != b.missingFacts
    }
}
