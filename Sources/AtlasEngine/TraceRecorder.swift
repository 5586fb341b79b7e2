import AtlasModel

/// Keeps everything the walk tells: the ordered, cited trace, the discrepancies about the rules it used, and the
/// conditions it left to the hearing.
struct TraceRecorder: DecisionTracer {
    static var explains: Bool { true }

    let compiled: CompiledJurisdiction
    var jurisdiction: Jurisdiction { compiled.source }
    /// The jurisdiction whose terms the case is stated in (no crosswalk step there).
    let home: String
    var trace: [TraceStep] = []
    var discrepancies: [DiscrepancyRange] = []
    var pending: [PendingCondition] = []

    init(jurisdiction: CompiledJurisdiction, home: String) {
        compiled = jurisdiction
        self.home = home
    }

    /// A slot holding a rule's label.
    private static func rule(_ labels: [LocalizedString], _ id: String) -> PhraseSlot {
        PhraseSlot("rule", Phrase.label(labels, id))
    }

    private static func facts(_ missing: MissingFacts) -> PhraseSlot { PhraseSlot("facts", Phrase.facts(missing)) }

    /// Which date's law the intertemporal rule applies, and the versions it compared; said only where the
    /// mechanism's law has changed over time (otherwise every date's law is the same).
    mutating func lawInTime(_ mechanism: CompiledMechanism, rule: IntertemporalRule?, answer: LawInTime.Answer?,
                            asOf: CalendarDate) {
        guard !mechanism.changeDates.isEmpty else { return }
        let ruleSlot = PhraseSlot("rule", Phrase.label(rule?.labels ?? [], rule?.kind.rawValue ?? ""))
        guard let answer, let rule else {
            let phrase = rule == nil ? Phrase(.intertemporalNotStated, [PhraseSlot("asOf", .date(asOf))])
                : Phrase(.intertemporalAtDecision, [ruleSlot, PhraseSlot("asOf", .date(asOf))])
            trace.append(TraceStep(kind: .intertemporal, ruleID: rule?.id, phrase: phrase, citations: rule?.citations ?? []))
            return
        }
        let children: [TraceStep]
        let phrase: Phrase
        if answer.dependsOnOffenceDate {
            phrase = Phrase(.intertemporalDependsOnOffence, [ruleSlot])
            children = answer.ranges.map { r in
                let status = Self.statusSlots(r.choice.decided)
                let values = [PhraseSlot("through", .date(r.through)), PhraseSlot("lawDate", .date(r.choice.lawDate))]
                    + status + (r.from.map { [PhraseSlot("from", .date($0))] } ?? [])
                return TraceStep(kind: .intertemporal, ruleID: rule.id,
                                 phrase: Phrase(r.from == nil ? .offenceRangeOpen : .offenceRange, values))
            }
        } else {
            let choice = answer.choice
            let offenceGiven = answer.offenceGiven
            phrase = offenceGiven
                ? Phrase(rule.kind == .lawAtOffence ? .intertemporalAtOffence : .intertemporalMilder,
                         [ruleSlot, PhraseSlot("lawDate", .date(choice.lawDate))])
                : Phrase(.intertemporalAnyOffence, [ruleSlot, PhraseSlot("lawDate", .date(choice.lawDate))])
            children = choice.compared.enumerated().map { i, c in
                TraceStep(kind: .intertemporal, ruleID: mechanism.version(inForceOn: c.lawDate)?.id,
                          phrase: Phrase(.lawCompared, [
                              PhraseSlot("date", .date(c.lawDate)),
                              PhraseSlot("offence", i == 0 && offenceGiven ? .phrase(Phrase(.lawOfOffenceNote)) : .nothing),
                              PhraseSlot("applied", i == choice.chosen ? .phrase(Phrase(.lawAppliedNote)) : .nothing),
                          ] + Self.statusSlots(c.decided)))
            }
        }
        trace.append(TraceStep(kind: .intertemporal, ruleID: rule.id, phrase: phrase, value: rule.kind.rawValue,
                               citations: rule.citations, children: children))
    }

    /// A decision's status and earliest date as phrase slots.
    private static func statusSlots(_ d: Decided) -> [PhraseSlot] {
        [PhraseSlot("status", .status(d.result.status.rawValue)),
         PhraseSlot("earliest", d.result.earliestDate.map { .phrase(Phrase(.earliestNote, [PhraseSlot("date", .date($0))])) } ?? .nothing)]
    }

    mutating func notInForce(_ mechanism: CompiledMechanism, asOf: CalendarDate) {
        let reason = Explanation.notInForce(mechanism.source, asOf: asOf)
        trace.append(TraceStep(kind: .lawInForce, ruleID: mechanism.source.id, phrase: reason.phrase,
                               citations: reason.citations))
    }

    mutating func lawInForce(_ version: CompiledVersion, facts: Case, lawDate: CalendarDate) {
        let v = version.source
        let j = compiled
        let period = v.validity.from.map { Phrase(.versionFrom, [PhraseSlot("from", .date($0))]) } ?? Phrase(.versionUndated)
        let basis: PhraseValue = v.validity.basis == .lawDate ? .phrase(Phrase(.basisLawDate))
            : v.validity.basis == .yearOnly ? .phrase(Phrase(.basisYearOnly)) : .nothing
        trace.append(TraceStep(
            kind: .lawInForce, ruleID: v.id,
            phrase: Phrase(.lawInForce, [
                PhraseSlot("asOf", .date(lawDate)), PhraseSlot("period", .phrase(period)),
                PhraseSlot("until", v.validity.to.map { .phrase(Phrase(.versionUntil, [PhraseSlot("to", .date($0))])) } ?? .nothing),
                PhraseSlot("basis", basis),
            ]),
            value: v.id, citations: v.citations))
        if j.source.id != home, version.readsCategory {
            if let m = j.categoryMapping {
                trace.append(TraceStep(kind: .crosswalk, ruleID: m.id, phrase: Phrase(.crosswalk, [Self.rule(m.labels, m.id)]),
                                       value: facts.category, citations: m.citations))
            } else {
                trace.append(TraceStep(kind: .crosswalk, phrase: Phrase(.noCrosswalk, [
                    PhraseSlot("jurisdiction", .label(j.source.names, fallback: j.source.id)),
                ])))
            }
        }
        trace.append(TraceStep(kind: .assumption, phrase: Phrase(.termAsImposed, [PhraseSlot("term", .sentence(facts.term))])))
    }

    mutating func scope(_ version: CompiledVersion, _ truth: Truth) {
        let v = version.source
        switch truth {
        case .no:
            trace.append(TraceStep(kind: .scope, ruleID: v.id, phrase: Explanation.outOfScope(v).phrase, value: "no",
                                   citations: v.scope.citations))
        case .unknown(let missing):
            trace.append(TraceStep(kind: .scope, ruleID: v.id, phrase: Phrase(.scopeDepends, [Self.facts(missing)]),
                                   value: "unknown", citations: v.scope.citations))
        case .yes:
            trace.append(TraceStep(kind: .scope, ruleID: v.id, phrase: Phrase(.withinScope, [Self.rule(v.scope.labels, v.id)]),
                                   value: "yes", citations: v.scope.citations))
        }
    }

    mutating func noThresholdStated(_ version: CompiledVersion) {
        let notes = version.source.notStated
        let phrase = notes.first.map { Phrase(.notStatedNote, [PhraseSlot("note", .label($0.notes, fallback: ""))]) }
            ?? Phrase(.noThresholdStated)
        trace.append(TraceStep(kind: .notStated, ruleID: version.source.id, phrase: phrase,
                               citations: notes.flatMap(\.citations)))
    }

    mutating func thresholdNotForLife(_ threshold: CompiledThreshold) {
        let t = threshold.source
        trace.append(TraceStep(kind: .threshold, ruleID: t.id, phrase: Phrase(.thresholdNotForLife, [Self.rule(t.labels, t.id)]),
                               citations: t.citations))
    }

    mutating func thresholdOverridden(_ threshold: CompiledThreshold, by: CompiledThreshold) {
        let t = threshold.source
        trace.append(TraceStep(kind: .thresholdOverridden, ruleID: t.id,
                               phrase: Phrase(.thresholdDisplaced, [PhraseSlot("by", .ids([by.source.id])), Self.rule(t.labels, t.id)]),
                               citations: t.citations))
    }

    mutating func thresholdDate(_ threshold: CompiledThreshold, _ date: CalendarDate, facts: Case) {
        let t = threshold.source
        var children: [TraceStep] = []
        if let f = t.fraction, case .fixed(let term) = facts.term {
            let d = ServedTime.date(servingFraction: f, of: term, from: facts.start)
            let served = CalendarDuration.between(facts.start, d)
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      phrase: Phrase(t.fractionBase == .remainder ? .shareOfRemainder : .shareOfTerm, [
                                          PhraseSlot("fraction", .fraction(f)), PhraseSlot("term", .duration(term)),
                                          PhraseSlot("start", .date(facts.start)), PhraseSlot("served", .duration(served)),
                                          PhraseSlot("date", .date(d)),
                                      ]), value: served.iso8601, citations: t.citations))
            if t.fractionBase == .remainder {
                children.append(TraceStep(kind: .assumption, ruleID: t.id, phrase: Phrase(.remainderRead)))
            }
        }
        if let m = t.minimum {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      phrase: Phrase(.minimumTime, [PhraseSlot("duration", .duration(m)),
                                                                    PhraseSlot("start", .date(facts.start)),
                                                                    PhraseSlot("date", .date(m.end(from: facts.start)))]),
                                      value: m.iso8601, citations: t.citations))
        }
        if let relative = threshold.relative {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      phrase: Phrase(.relativeTime, [PhraseSlot("duration", .duration(relative.before)),
                                                                     PhraseSlot("mechanism", Phrase.label(relative.mechanism.source.labels, relative.mechanism.id)),
                                                                     PhraseSlot("date", .date(date))]),
                                      value: relative.before.iso8601, citations: t.citations))
        }
        if let fixed = t.fixed {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      phrase: Phrase(.fixedTime, [PhraseSlot("duration", .duration(fixed)),
                                                                  PhraseSlot("start", .date(facts.start)),
                                                                  PhraseSlot("date", .date(fixed.end(from: facts.start)))]),
                                      value: fixed.iso8601, citations: t.citations))
        }
        if children.filter({ $0.kind == .computation }).count > 1 {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      phrase: Phrase(t.combination == .earlierOf ? .earliestOfDates : .latestOfDates,
                                                     [PhraseSlot("date", .date(date))])))
        }
        trace.append(TraceStep(kind: .threshold, ruleID: t.id, phrase: Phrase(.threshold, [Self.rule(t.labels, t.id)]),
                               value: t.fraction?.description ?? t.fixed?.iso8601 ?? t.minimum?.iso8601,
                               citations: t.citations, children: children))
    }

    mutating func thresholdMayApply(_ threshold: CompiledThreshold, missing: MissingFacts, changesDate: Bool,
                                    date: CalendarDate) {
        let t = threshold.source
        trace.append(TraceStep(kind: .threshold, ruleID: t.id,
                               phrase: Phrase(changesDate ? .thresholdMayApply : .thresholdMayApplyNoChange, [
                                   Self.facts(missing), Self.rule(t.labels, t.id), PhraseSlot("date", .date(date)),
                               ]),
                               value: "unknown", citations: t.citations))
    }

    mutating func severalThresholds(_ thresholds: [CompiledThreshold]) {
        trace.append(TraceStep(kind: .assumption, phrase: Phrase(.severalThresholds, [
            PhraseSlot("rules", .ids(thresholds.map(\.source.id))),
        ])))
    }

    /// Records each discrepancy about the governing threshold, with the range of dates between the encoded value
    /// and every claim that gives a computable value.
    mutating func notBeforeVersion(_ version: CompiledVersion, from: CalendarDate) {
        trace.append(TraceStep(kind: .lawInForce, ruleID: version.id,
                               phrase: Phrase(.notBeforeLawInForce, [PhraseSlot("date", .date(from))]),
                               value: from.description, citations: version.source.citations))
        // What each disputed source gives is subject to the same day: no date of the range precedes it.
        discrepancies = discrepancies.map { r in
            var r = r
            r.claimDates = r.claimDates.map { ($0.claimID, max($0.date, from)) }
            let dates = r.claimDates.map(\.date) + [from]
            r.earliest = dates.min()
            r.latest = dates.max()
            return r
        }
    }

    mutating func servedUnderPreviousVersion(_ version: CompiledVersion, date: CalendarDate, from: CalendarDate) {
        trace.append(TraceStep(kind: .lawInForce, ruleID: version.id,
                               phrase: Phrase(.servedUnderPreviousLaw, [PhraseSlot("date", .date(date)),
                                                                         PhraseSlot("from", .date(from))]),
                               value: date.description, citations: version.source.citations))
    }

    mutating func governingThreshold(_ threshold: CompiledThreshold, _ encodedDate: CalendarDate, facts: Case) {
        for d in jurisdiction.discrepancies(about: [threshold.source.id]) {
            var claimDates: [(String, CalendarDate)] = []
            for claim in d.claims {
                if let f = claim.fraction, case .fixed(let term) = facts.term {
                    claimDates.append((claim.id, ServedTime.date(servingFraction: f, of: term, from: facts.start)))
                } else if let dur = claim.duration {
                    claimDates.append((claim.id, dur.end(from: facts.start)))
                }
            }
            let dates = claimDates.map(\.1) + [encodedDate]
            let range = DiscrepancyRange(discrepancy: d, claimDates: claimDates, earliest: dates.min(), latest: dates.max())
            discrepancies.append(range)
            let children = d.claims.map { c in
                TraceStep(kind: .discrepancy, ruleID: c.id, phrase: Self.claim(c, encoded: c.id == d.encodedClaim),
                          value: claimDates.first { $0.0 == c.id }.map { $0.1.description }, citations: c.citations)
            }
            let phrase: Phrase
            if let earliest = range.earliest, let latest = range.latest, earliest != latest {
                phrase = Phrase(.sourcesDisagreeDates, [Self.rule(d.labels, d.id), PhraseSlot("earliest", .date(earliest)),
                                                        PhraseSlot("latest", .date(latest))])
            } else {
                phrase = Phrase(.sourcesDisagree, [Self.rule(d.labels, d.id)])
            }
            trace.append(TraceStep(kind: .discrepancy, ruleID: d.id, phrase: phrase, children: children))
        }
    }

    private static func claim(_ c: Discrepancy.Claim, encoded: Bool) -> Phrase {
        Phrase(encoded ? .claimEncoded : .claim, [PhraseSlot("claim", .label(c.statements, fallback: c.id))])
    }

    /// Shows each discrepancy recorded about `ruleIDs` that is not shown yet: rules whose value is in dispute are
    /// never applied silently.
    private mutating func noteDiscrepancies(about ruleIDs: [String]) {
        for d in jurisdiction.discrepancies(about: ruleIDs)
        where !discrepancies.contains(where: { $0.discrepancy.id == d.id }) {
            discrepancies.append(DiscrepancyRange(discrepancy: d, claimDates: [], earliest: nil, latest: nil))
            trace.append(TraceStep(
                kind: .discrepancy, ruleID: d.id, phrase: Phrase(.sourcesDisagree, [Self.rule(d.labels, d.id)]),
                children: d.claims.map { c in
                    TraceStep(kind: .discrepancy, ruleID: c.id, phrase: Self.claim(c, encoded: c.id == d.encodedClaim),
                              citations: c.citations)
                }))
        }
    }

    mutating func exclusionNotInForce(_ exclusion: CompiledExclusion, asOf: CalendarDate) {
        let x = exclusion.source
        noteDiscrepancies(about: [x.id] + x.exceptions.map(\.id))
        var values = [PhraseSlot("asOf", .date(asOf)), Self.rule(x.labels, x.id)]
        if let from = x.validity.from { values.append(PhraseSlot("from", .date(from))) }
        trace.append(TraceStep(kind: .exclusion, ruleID: x.id,
                               phrase: Phrase(x.validity.from == nil ? .exclusionNotInForce : .exclusionNotInForceFrom, values),
                               value: "not-in-force", citations: x.citations))
    }

    mutating func exclusion(_ exclusion: CompiledExclusion, matches: Truth, exceptions: [(CompiledRule, Truth)],
                            rescued: Truth) {
        let x = exclusion.source
        noteDiscrepancies(about: [x.id] + x.exceptions.map(\.id))
        let exceptionTrace = exceptions.map { rule, t in
            let label = Self.rule(rule.source.labels, rule.source.id)
            let phrase = t == .yes ? Phrase(.exceptionApplies, [label]) : t == .no ? Phrase(.exceptionDoesNotApply, [label])
                : Phrase(.exceptionDepends, [Self.facts(t.missing), label])
            return TraceStep(kind: .exception, ruleID: rule.source.id, phrase: phrase,
                             value: t == .yes ? "yes" : t == .no ? "no" : "unknown", citations: rule.source.citations)
        }
        let rule = Self.rule(x.labels, x.id)
        let note = PhraseSlot("note", Phrase.inForceNote(x.validity))
        switch (matches, rescued) {
        case (.yes, .yes):
            trace.append(TraceStep(kind: .exclusion, ruleID: x.id, phrase: Phrase(.exclusionLifted, [rule, note]),
                                   value: "lifted", citations: x.citations, children: exceptionTrace))
        case (.yes, .no):
            trace.append(TraceStep(kind: .exclusion, ruleID: x.id, phrase: Phrase(.excluded, [rule, note]),
                                   value: "excluded", citations: x.citations, children: exceptionTrace))
        default:
            trace.append(TraceStep(kind: .exclusion, ruleID: x.id,
                                   phrase: Phrase(.mayExclude, [Self.facts(matches.missing.union(rescued.missing)), rule, note]),
                                   value: "unknown", citations: x.citations, children: exceptionTrace))
        }
    }

    mutating func grantCondition(_ rule: CompiledRule, _ truth: Truth) {
        let g = rule.source
        let label = Self.rule(g.labels, g.id)
        noteDiscrepancies(about: [g.id])
        switch truth {
        case .yes:
            trace.append(TraceStep(kind: .grantCondition, ruleID: g.id, phrase: Phrase(.conditionMet, [label]), value: "yes",
                                   citations: g.citations))
        case .no:
            trace.append(TraceStep(kind: .grantCondition, ruleID: g.id, phrase: Phrase(.conditionNotMet, [label]), value: "no",
                                   citations: g.citations))
        case .unknown(let missing):
            pending.append(PendingCondition(ruleID: g.id, phrase: Phrase(.pendingCondition, [label]),
                                            missingFacts: missing.sortedNames, citations: g.citations))
            trace.append(TraceStep(kind: .grantCondition, ruleID: g.id,
                                   phrase: Phrase(.conditionAtHearing, [Self.facts(missing), label]),
                                   value: "unknown", citations: g.citations))
        }
    }

    mutating func mandatoryByLaw(_ version: CompiledVersion) {
        let v = version.source
        trace.append(TraceStep(kind: .mandatory, ruleID: v.id,
                               phrase: Phrase(v.decision == .automatic ? .releaseAutomatic : .releaseByLaw),
                               value: "yes", citations: v.citations))
    }

    mutating func mandatoryRule(_ rule: CompiledRule, _ truth: Truth) {
        let m = rule.source
        noteDiscrepancies(about: [m.id])
        let label = Self.rule(m.labels, m.id)
        switch truth {
        case .yes:
            trace.append(TraceStep(kind: .mandatory, ruleID: m.id, phrase: Phrase(.releaseOwed, [label]), value: "yes",
                                   citations: m.citations))
        case .no:
            trace.append(TraceStep(kind: .mandatory, ruleID: m.id, phrase: Phrase(.releaseDiscretionary, [label]),
                                   value: "no", citations: m.citations))
        case .unknown(let missing):
            pending.append(PendingCondition(ruleID: m.id, phrase: Phrase(.pendingMandatory, [label]),
                                            missingFacts: missing.sortedNames, citations: m.citations))
            trace.append(TraceStep(kind: .mandatory, ruleID: m.id, phrase: Phrase(.discretionaryUnless, [Self.facts(missing), label]),
                                   value: "unknown", citations: m.citations))
        }
    }
}
