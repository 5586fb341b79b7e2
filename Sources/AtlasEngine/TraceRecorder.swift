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

    private func label(_ labels: [LocalizedString], _ fallback: String) -> String { labels.text(in: "en") ?? fallback }

    private static func flags(_ missing: MissingFacts) -> String {
        missing.sortedNames.map { "--\($0)" }.joined(separator: ", ")
    }

    mutating func notInForce(_ mechanism: CompiledMechanism, asOf: CalendarDate) {
        let reason = Explanation.notInForce(mechanism.source, asOf: asOf)
        trace.append(TraceStep(kind: .lawInForce, ruleID: mechanism.source.id, message: reason.text,
                               citations: reason.citations))
    }

    mutating func lawInForce(_ version: CompiledVersion, facts: Case) {
        let v = version.source
        let j = compiled
        trace.append(TraceStep(
            kind: .lawInForce, ruleID: v.id,
            message: "law in force on \(facts.asOf): "
                + (v.validity.from.map { "version from \($0)" } ?? "the source does not date this law; "
                    + "it is taken as in force on the as-of date")
                + (v.validity.to.map { " to \($0)" } ?? "")
                + (v.validity.basis == .lawDate ? " (date of the enacting law; entry into force not stated)" : "")
                + (v.validity.basis == .yearOnly ? " (the source gives only the year; 1 January is used)" : ""),
            value: v.id, citations: v.citations))
        if j.source.id != home, version.readsCategory {
            if let m = j.categoryMapping {
                trace.append(TraceStep(kind: .crosswalk, ruleID: m.id, message: "crosswalk: " + label(m.labels, m.id),
                                       value: facts.category, citations: m.citations))
            } else {
                trace.append(TraceStep(kind: .crosswalk, message: "crosswalk: no mapping reads the Kazakh category "
                    + "under \(j.source.id)'s rules, so conditions on it stay undetermined"))
            }
        }
        trace.append(TraceStep(kind: .assumption, message: "the sentence is taken as imposed under this law, "
            + "term unchanged (\(facts.term))"))
    }

    mutating func scope(_ version: CompiledVersion, _ truth: Truth) {
        let v = version.source
        switch truth {
        case .no:
            trace.append(TraceStep(kind: .scope, ruleID: v.id, message: Explanation.outOfScope(v).text, value: "no",
                                   citations: v.scope.citations))
        case .unknown(let missing):
            trace.append(TraceStep(kind: .scope, ruleID: v.id,
                                   message: "scope depends on facts not given: "
                                       + missing.sortedNames.joined(separator: ", "),
                                   value: "unknown", citations: v.scope.citations))
        case .yes:
            trace.append(TraceStep(kind: .scope, ruleID: v.id, message: "within scope: " + label(v.scope.labels, "scope"),
                                   value: "yes", citations: v.scope.citations))
        }
    }

    mutating func noThresholdStated(_ version: CompiledVersion) {
        let notes = version.source.notStated
        trace.append(TraceStep(kind: .notStated, ruleID: version.source.id,
                               message: notes.first?.notes.text(in: "en") ?? "the source states no minimum time to serve",
                               citations: notes.flatMap(\.citations)))
    }

    mutating func thresholdNotForLife(_ threshold: CompiledThreshold) {
        let t = threshold.source
        trace.append(TraceStep(kind: .threshold, ruleID: t.id,
                               message: "not applicable to a life sentence (a share of a life term cannot be "
                                   + "computed): " + label(t.labels, t.id),
                               citations: t.citations))
    }

    mutating func thresholdOverridden(_ threshold: CompiledThreshold, by: CompiledThreshold) {
        let t = threshold.source
        trace.append(TraceStep(kind: .thresholdOverridden, ruleID: t.id,
                               message: "displaced by \(by.source.id): " + label(t.labels, t.id), citations: t.citations))
    }

    mutating func thresholdDate(_ threshold: CompiledThreshold, _ date: CalendarDate, facts: Case) {
        let t = threshold.source
        var children: [TraceStep] = []
        if let f = t.fraction, case .fixed(let term) = facts.term {
            let d = ServedTime.date(servingFraction: f, of: term, from: facts.start)
            let served = CalendarDuration.between(facts.start, d)
            let base = t.fractionBase == .remainder ? "the unserved remainder now being served (--term)" : "the term"
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      message: "\(f) of \(base) \(term.compact) from \(facts.start) = \(served.spelledOut), "
                                          + "reached on \(d)", value: served.iso8601, citations: t.citations))
            if t.fractionBase == .remainder {
                children.append(TraceStep(kind: .assumption, ruleID: t.id,
                                          message: "after a revoked parole, --term is read as the unserved remainder "
                                              + "being served"))
            }
        }
        if let m = t.minimum {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      message: "minimum \(m.spelledOut) from \(facts.start), reached on \(m.end(from: facts.start))",
                                      value: m.iso8601, citations: t.citations))
        }
        if let fixed = t.fixed {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      message: "\(fixed.spelledOut) actually served from \(facts.start), reached on "
                                          + "\(fixed.end(from: facts.start))", value: fixed.iso8601, citations: t.citations))
        }
        if children.filter({ $0.kind == .computation }).count > 1 {
            children.append(TraceStep(kind: .computation, ruleID: t.id,
                                      message: "\(t.combination.rawValue) the dates above: \(date)"))
        }
        trace.append(TraceStep(kind: .threshold, ruleID: t.id, message: label(t.labels, t.id),
                               value: t.fraction?.description ?? t.fixed?.iso8601 ?? t.minimum?.iso8601,
                               citations: t.citations, children: children))
    }

    mutating func thresholdMayApply(_ threshold: CompiledThreshold, missing: MissingFacts, changesDate: Bool,
                                    date: CalendarDate) {
        let t = threshold.source
        trace.append(TraceStep(kind: .threshold, ruleID: t.id,
                               message: (changesDate ? "may apply, depending on " : "may apply but would not change the date; depends on ")
                                   + missing.sortedNames.joined(separator: ", ") + ": " + label(t.labels, t.id)
                                   + " (would give \(date))",
                               value: "unknown", citations: t.citations))
    }

    mutating func severalThresholds(_ thresholds: [CompiledThreshold]) {
        trace.append(TraceStep(kind: .assumption, message: "several thresholds apply ("
            + thresholds.map(\.source.id).joined(separator: ", ") + "); the latest date is used"))
    }

    /// Records each discrepancy about the governing threshold, with the range of dates between the encoded value
    /// and every claim that gives a computable value.
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
                TraceStep(kind: .discrepancy, ruleID: c.id,
                          message: (c.statements.text(in: "en") ?? c.id) + (c.id == d.encodedClaim ? " (encoded)" : ""),
                          value: claimDates.first { $0.0 == c.id }.map { $0.1.description }, citations: c.citations)
            }
            trace.append(TraceStep(
                kind: .discrepancy, ruleID: d.id,
                message: "sources disagree: " + label(d.labels, d.id)
                    + (range.earliest.flatMap { e in range.latest.map { l in e == l ? "" : " (dates \(e) to \(l))" } } ?? ""),
                children: children))
        }
    }

    /// Shows each discrepancy recorded about `ruleIDs` that is not shown yet: rules whose value is in dispute are
    /// never applied silently.
    private mutating func noteDiscrepancies(about ruleIDs: [String]) {
        for d in jurisdiction.discrepancies(about: ruleIDs)
        where !discrepancies.contains(where: { $0.discrepancy.id == d.id }) {
            discrepancies.append(DiscrepancyRange(discrepancy: d, claimDates: [], earliest: nil, latest: nil))
            trace.append(TraceStep(
                kind: .discrepancy, ruleID: d.id, message: "sources disagree: " + label(d.labels, d.id),
                children: d.claims.map { c in
                    TraceStep(kind: .discrepancy, ruleID: c.id,
                              message: (c.statements.text(in: "en") ?? c.id) + (c.id == d.encodedClaim ? " (encoded)" : ""),
                              citations: c.citations)
                }))
        }
    }

    mutating func exclusionNotInForce(_ exclusion: CompiledExclusion, asOf: CalendarDate) {
        let x = exclusion.source
        noteDiscrepancies(about: [x.id] + x.exceptions.map(\.id))
        trace.append(TraceStep(kind: .exclusion, ruleID: x.id,
                               message: "not applied: not in force on \(asOf)"
                                   + (x.validity.from.map { " (from \($0))" } ?? "") + ": " + label(x.labels, x.id),
                               value: "not-in-force", citations: x.citations))
    }

    mutating func exclusion(_ exclusion: CompiledExclusion, matches: Truth, exceptions: [(CompiledRule, Truth)],
                            rescued: Truth) {
        let x = exclusion.source
        noteDiscrepancies(about: [x.id] + x.exceptions.map(\.id))
        let text = label(x.labels, x.id)
        let dateNote = Explanation.exclusionDateNote(x)
        let exceptionTrace = exceptions.map { rule, t in
            TraceStep(kind: .exception, ruleID: rule.source.id,
                      message: (t == .yes ? "applies: " : t == .no ? "does not apply: "
                          : "depends on " + Self.flags(t.missing) + ": ") + label(rule.source.labels, rule.source.id),
                      value: t == .yes ? "yes" : t == .no ? "no" : "unknown", citations: rule.source.citations)
        }
        switch (matches, rescued) {
        case (.yes, .yes):
            trace.append(TraceStep(kind: .exclusion, ruleID: x.id, message: "matches, but an exception applies: " + text + dateNote,
                                   value: "lifted", citations: x.citations, children: exceptionTrace))
        case (.yes, .no):
            trace.append(TraceStep(kind: .exclusion, ruleID: x.id, message: "excluded: " + text + dateNote,
                                   value: "excluded", citations: x.citations, children: exceptionTrace))
        default:
            trace.append(TraceStep(kind: .exclusion, ruleID: x.id,
                                   message: "may exclude, depending on " + Self.flags(matches.missing.union(rescued.missing))
                                       + ": " + text + dateNote,
                                   value: "unknown", citations: x.citations, children: exceptionTrace))
        }
    }

    mutating func grantCondition(_ rule: CompiledRule, _ truth: Truth) {
        let g = rule.source
        let text = label(g.labels, g.id)
        noteDiscrepancies(about: [g.id])
        switch truth {
        case .yes:
            trace.append(TraceStep(kind: .grantCondition, ruleID: g.id, message: "met: " + text, value: "yes",
                                   citations: g.citations))
        case .no:
            trace.append(TraceStep(kind: .grantCondition, ruleID: g.id, message: "not met: " + text, value: "no",
                                   citations: g.citations))
        case .unknown(let missing):
            pending.append(PendingCondition(ruleID: g.id, text: text, missingFacts: missing.sortedNames,
                                            citations: g.citations))
            trace.append(TraceStep(kind: .grantCondition, ruleID: g.id,
                                   message: "to be shown at the hearing (not in the case: " + Self.flags(missing) + "): " + text,
                                   value: "unknown", citations: g.citations))
        }
    }

    mutating func mandatoryByLaw(_ version: CompiledVersion) {
        let v = version.source
        trace.append(TraceStep(kind: .mandatory, ruleID: v.id,
                               message: "release is \(v.decision.rawValue) once the conditions hold", value: "yes",
                               citations: v.citations))
    }

    mutating func mandatoryRule(_ rule: CompiledRule, _ truth: Truth) {
        let m = rule.source
        noteDiscrepancies(about: [m.id])
        let text = label(m.labels, m.id)
        switch truth {
        case .yes:
            trace.append(TraceStep(kind: .mandatory, ruleID: m.id, message: "release is owed: " + text, value: "yes",
                                   citations: m.citations))
        case .no:
            trace.append(TraceStep(kind: .mandatory, ruleID: m.id,
                                   message: "release is at the court's discretion (mandatory rule not met): " + text,
                                   value: "no", citations: m.citations))
        case .unknown(let missing):
            pending.append(PendingCondition(ruleID: m.id, text: "release becomes mandatory if: " + text,
                                            missingFacts: missing.sortedNames, citations: m.citations))
            trace.append(TraceStep(kind: .mandatory, ruleID: m.id,
                                   message: "discretionary unless shown (" + Self.flags(missing) + "): " + text,
                                   value: "unknown", citations: m.citations))
        }
    }
}
