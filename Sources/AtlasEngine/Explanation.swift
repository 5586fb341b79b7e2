import AtlasModel

/// Words the reason the walk decided (`DecisionReason`) as a cited `Reason`.
enum Explanation {
    private static func label(_ labels: [LocalizedString], _ fallback: String) -> String {
        labels.text(in: "en") ?? fallback
    }

    static func notInForce(_ mechanism: ReleaseMechanism, asOf: CalendarDate) -> Reason {
        let first = mechanism.versions.compactMap(\.validity.from).min()
        let text = first.map {
            asOf < $0 ? "no version of this mechanism is in force on \(asOf); the first starts \($0)"
                : "no version of this mechanism is in force on \(asOf)"
        } ?? "no version of this mechanism is in force on \(asOf)"
        return Reason(ruleID: mechanism.id, text: text, citations: mechanism.versions.first?.citations ?? [])
    }

    static func outOfScope(_ v: MechanismVersion) -> Reason {
        Reason(ruleID: v.id, text: "outside the mechanism's scope: " + label(v.scope.labels, "scope"),
               citations: v.scope.citations)
    }

    static func exclusionDateNote(_ x: Exclusion) -> String {
        x.validity.from.map { " (in force from \($0)\(x.validity.basis == .lawDate ? ", date of the law" : ""))" } ?? ""
    }

    /// The reason for a decided mechanism, if the walk gave one.
    static func reason(_ d: Decided, _ m: CompiledMechanism, _ version: CompiledVersion?, asOf: CalendarDate,
                       termEnd: CalendarDate?) -> Reason? {
        guard let reason = d.reason else { return nil }
        guard let v = version else { return notInForce(m.source, asOf: asOf) }
        switch reason {
        case .notInForce:
            return notInForce(m.source, asOf: asOf)
        case .outOfScope:
            return outOfScope(v.source)
        case .noThreshold:
            return Reason(ruleID: v.source.id, text: "no threshold of this mechanism applies to this case",
                          citations: v.source.citations)
        case .termEndsFirst:
            guard let index = d.governing, let end = termEnd, let date = d.result.earliestDate else { return nil }
            let t = v.thresholds[index].source
            return Reason(ruleID: t.id, text: "the term ends on \(end), before the required time is served (\(date))",
                          citations: t.citations)
        case .excluded(let index):
            let x = v.exclusions[index].source
            return Reason(ruleID: x.id, text: "excluded: " + label(x.labels, x.id) + exclusionDateNote(x),
                          citations: x.citations)
        case .mayBeExcluded(let index, let missing):
            let x = v.exclusions[index].source
            return Reason(ruleID: x.id,
                          text: "may be excluded (\(label(x.labels, x.id))); give "
                              + missing.sortedNames.map { "--\($0)" }.joined(separator: ", ") + " to decide",
                          citations: x.citations)
        case .conditionUnmet(let index):
            let g = v.grantConditions[index].source
            return Reason(ruleID: g.id, text: "condition not met: " + label(g.labels, g.id), citations: g.citations)
        case .dependsOnFacts:
            return Reason(ruleID: nil,
                          text: "depends on facts not given: " + d.missing.sortedNames.map { "--\($0)" }.joined(separator: ", "),
                          citations: [])
        }
    }
}
