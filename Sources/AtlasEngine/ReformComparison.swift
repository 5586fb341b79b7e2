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

    /// Narrows each difference's reforms to those it needs: a reform is kept when the case decided without it
    /// (`decide` runs the stack it is given, on the same case) comes out otherwise for that mechanism. Where no
    /// single reform is needed (two would each do it), the reforms the decision names are kept.
    public mutating func attribute(_ stack: ReformStack, decide: (ReformStack) throws -> [JurisdictionOutcome]) rethrows {
        guard stack.reforms.count > 1, !differences.isEmpty else { return }
        var needed: [Int: [String]] = [:]
        for reform in stack.reforms where differences.contains(where: { $0.jurisdiction == reform.jurisdiction }) {
            // Dropping a reform cannot make a stack contradict itself.
            guard let without = try? ReformStack(stack.reforms.filter { $0.id != reform.id }) else { continue }
            let outcomes = try decide(without)
            for (i, d) in differences.enumerated() where d.jurisdiction == reform.jurisdiction {
                let other = outcomes.first { $0.jurisdiction.id == d.jurisdiction }?.mechanisms.first { $0.mechanism.id == d.mechanism }
                if let other, OutcomeDifference.differs(other, d.after) { needed[i, default: []].append(reform.id) }
            }
        }
        for i in differences.indices { if let reforms = needed[i], !reforms.isEmpty { differences[i].reforms = reforms } }
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
