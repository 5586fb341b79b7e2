import AtlasModel

/// States the reason the walk decided (`DecisionReason`) as a cited `Reason`: data, worded by the report layer.
enum Explanation {
    static func notInForce(_ mechanism: ReleaseMechanism, asOf: CalendarDate) -> Reason {
        let first = mechanism.versions.compactMap(\.validity.from).min()
        let phrase = first.flatMap { asOf < $0 ? $0 : nil }.map {
            Phrase(.notInForceFirstStarts, [PhraseSlot("asOf", .date(asOf)), PhraseSlot("first", .date($0))])
        } ?? Phrase(.notInForce, [PhraseSlot("asOf", .date(asOf))])
        return Reason(ruleID: mechanism.id, phrase: phrase, citations: mechanism.versions.first?.citations ?? [])
    }

    static func outOfScope(_ v: MechanismVersion) -> Reason {
        Reason(ruleID: v.id, phrase: Phrase(.outOfScope, [PhraseSlot("rule", Phrase.label(v.scope.labels, v.id))]),
               citations: v.scope.citations)
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
            return Reason(ruleID: v.source.id, phrase: Phrase(.noThresholdApplies), citations: v.source.citations)
        case .termEndsFirst:
            guard let index = d.governing, let end = termEnd, let date = d.result.earliestDate else { return nil }
            let t = v.thresholds[index].source
            return Reason(ruleID: t.id, phrase: Phrase(.termEndsFirst, [PhraseSlot("end", .date(end)),
                                                                        PhraseSlot("date", .date(date))]),
                          citations: t.citations)
        case .excluded(let index):
            let x = v.exclusions[index].source
            return Reason(ruleID: x.id, phrase: Phrase(.excluded, [PhraseSlot("rule", Phrase.label(x.labels, x.id)),
                                                                   PhraseSlot("note", Phrase.inForceNote(x.validity))]),
                          citations: x.citations)
        case .mayBeExcluded(let index, let missing):
            let x = v.exclusions[index].source
            return Reason(ruleID: x.id, phrase: Phrase(.mayBeExcluded, [PhraseSlot("rule", Phrase.label(x.labels, x.id)),
                                                                        PhraseSlot("facts", Phrase.facts(missing))]),
                          citations: x.citations)
        case .conditionUnmet(let index):
            let g = v.grantConditions[index].source
            return Reason(ruleID: g.id, phrase: Phrase(.conditionNotMet, [PhraseSlot("rule", Phrase.label(g.labels, g.id))]),
                          citations: g.citations)
        case .dependsOnFacts:
            return Reason(ruleID: nil, phrase: Phrase(.dependsOnFacts, [PhraseSlot("facts", Phrase.facts(d.missing))]),
                          citations: [])
        }
    }
}
