import AtlasModel

/// Turns a case into an outcome for each mechanism of a jurisdiction, explaining every step with its citation.
/// It holds no legal value of its own: fractions, terms, exclusions and bodies all come from the corpus.
public struct Simulator: Sendable {
    public let vocabulary: Vocabulary
    /// Whether to explain: build the trace, discrepancies, procedure, supervision and conversions. Batch runs that
    /// print only dates, statuses and reasons turn it off for speed.
    public var explains: Bool

    /// How the case's facts are read under other jurisdictions (from corpus/crosswalk.xml).
    public let crosswalk: [CrosswalkMapping]
    /// The jurisdiction whose terms the case is stated in.
    public let home: String

    /// Jurisdiction id → the first crosswalk mapping that reads the Kazakh category there.
    private let categoryMappings: [String: CrosswalkMapping]

    public init(vocabulary: Vocabulary, crosswalk: [CrosswalkMapping] = [], home: String = "kz", explains: Bool = true) {
        self.vocabulary = vocabulary
        self.crosswalk = crosswalk
        self.home = home
        self.explains = explains
        var mappings: [String: CrosswalkMapping] = [:]
        for m in crosswalk where m.fact == "category" {
            for id in m.jurisdictionIDs where mappings[id] == nil { mappings[id] = m }
        }
        categoryMappings = mappings
    }

    /// A simulator over a loaded corpus, with its vocabulary and crosswalk.
    public init(corpus: Corpus, explains: Bool = true) {
        self.init(vocabulary: corpus.vocabulary, crosswalk: corpus.crosswalk, explains: explains)
    }

    /// The crosswalk step that lets a Kazakh category be read in `jurisdiction`, if any.
    func categoryMapping(for jurisdiction: Jurisdiction) -> CrosswalkMapping? { categoryMappings[jurisdiction.id] }

    func categoryReadable(_ j: Jurisdiction) -> Bool { j.id == home || categoryMapping(for: j) != nil }

    static func usesCategory(_ c: Condition?) -> Bool {
        c?.containsLeaf(throughNegation: true) { if case .category = $0 { return true } else { return false } } ?? false
    }

    /// Appends a trace step, building it only when explanations are wanted.
    private func record(_ outcome: inout MechanismOutcome, _ step: @autoclosure () -> TraceStep) {
        if explains { outcome.trace.append(step()) }
    }

    /// Outcomes for every mechanism of `jurisdiction`, under the law in force on `facts.asOf`.
    public func simulate(_ facts: Case, in jurisdiction: Jurisdiction) -> JurisdictionOutcome {
        let mechanisms = jurisdiction.mechanisms
        let readable = categoryReadable(jurisdiction)
        var outcomes: [MechanismOutcome] = []
        outcomes.reserveCapacity(mechanisms.count)
        for m in mechanisms {
            outcomes.append(simulate(facts, m, jurisdiction, readable))
            if outcomes[outcomes.count - 1].status == .undetermined {
                outcomes[outcomes.count - 1].branches = branches(facts, m, jurisdiction, readable,
                                                                  outcomes[outcomes.count - 1].missingFacts)
            }
        }
        return JurisdictionOutcome(jurisdiction: jurisdiction, mechanisms: outcomes)
    }

    /// Yes/no facts a foreign rule may need that a Kazakh case often does not state; the answer is given for each
    /// value instead of guessed.
    static func assume(_ fact: String, _ value: Bool, in c: inout Case) -> Bool {
        switch fact {
        case "recidivist": c.recidivist = value
        case "first-custodial": c.firstCustodial = value
        case "malicious-violations": c.maliciousViolations = value
        default: return false
        }
        return true
    }

    /// The outcome under every combination of the missing yes/no facts (at most three facts, eight branches).
    private func branches(_ facts: Case, _ m: ReleaseMechanism, _ j: Jurisdiction, _ readable: Bool,
                          _ missing: [String]) -> [Branch] {
        var probe = facts
        let open = missing.filter { Self.assume($0, true, in: &probe) }
        guard !open.isEmpty, open.count == missing.count, open.count <= 3 else { return [] }
        return (0..<(1 << open.count)).map { bits in
            var assumed = facts
            var assumption: [(String, Bool)] = []
            for (i, fact) in open.enumerated() {
                let value = bits & (1 << i) != 0
                _ = Self.assume(fact, value, in: &assumed)
                assumption.append((fact, value))
            }
            let o = simulate(assumed, m, j, readable)
            return Branch(assumption: assumption, status: o.status, earliestDate: o.earliestDate,
                          requiredServed: o.requiredServed, fraction: o.fraction, ruleID: o.threshold?.id ?? o.reason?.ruleID)
        }
    }

    private func label(_ labels: [LocalizedString], _ fallback: String) -> String { labels.text(in: "en") ?? fallback }

    /// `readable`: whether the Kazakh category can be read under `jurisdiction` (see `categoryReadable`).
    private func simulate(_ facts: Case, _ mechanism: ReleaseMechanism, _ jurisdiction: Jurisdiction,
                          _ readable: Bool) -> MechanismOutcome
    {
        var outcome = MechanismOutcome(
            mechanism: mechanism, version: nil, status: .available, earliestDate: nil, requiredServed: nil,
            fraction: nil, fractionBase: nil, threshold: nil, termEnd: facts.termEnd, decidingBody: nil,
            mandatory: false, reason: nil, missingFacts: [], pending: [], discrepancies: [], supervisionUntil: nil,
            conversions: [], arrangements: [], trace: [])
        let asOf = facts.asOf

        // 1. The law in force.
        guard let version = mechanism.version(inForceOn: asOf) else {
            let first = mechanism.versions.compactMap(\.validity.from).min()
            let text = first.map { asOf < $0 ? "no version of this mechanism is in force on \(asOf); the first starts \($0)" : "no version of this mechanism is in force on \(asOf)" }
                ?? "no version of this mechanism is in force on \(asOf)"
            outcome.status = .notInForce
            outcome.reason = Reason(ruleID: mechanism.id, text: text, citations: mechanism.versions.first?.citations ?? [])
            let citations = outcome.reason!.citations
            record(&outcome, TraceStep(kind: .lawInForce, ruleID: mechanism.id, message: text, citations: citations))
            return outcome
        }
        outcome.version = version
        record(&outcome, TraceStep(
            kind: .lawInForce, ruleID: version.id,
            message: "law in force on \(asOf): "
                + (version.validity.from.map { "version from \($0)" } ?? "the source does not date this law; "
                    + "it is taken as in force on the as-of date")
                + (version.validity.to.map { " to \($0)" } ?? "")
                + (version.validity.basis == .lawDate ? " (date of the enacting law; entry into force not stated)" : "")
                + (version.validity.basis == .yearOnly ? " (the source gives only the year; 1 January is used)" : ""),
            value: version.id, citations: version.citations))
        // The crosswalk step is only reported (the evaluator applies it either way), so dates-only runs skip it.
        if explains, jurisdiction.id != home, Self.usesCategory(version.scope.condition)
            || version.thresholds.contains(where: { Self.usesCategory($0.condition) })
            || version.exclusions.contains(where: { Self.usesCategory($0.condition) }) {
            if let m = categoryMapping(for: jurisdiction) {
                record(&outcome, TraceStep(kind: .crosswalk, ruleID: m.id,
                                           message: "crosswalk: " + label(m.labels, m.id), value: facts.category,
                                           citations: m.citations))
            } else {
                record(&outcome, TraceStep(kind: .crosswalk, message: "crosswalk: no mapping reads the Kazakh category "
                    + "under \(jurisdiction.id)'s rules, so conditions on it stay undetermined"))
            }
        }
        record(&outcome, TraceStep(kind: .assumption, message: "the sentence is taken as imposed under this law, "
            + "term unchanged (\(facts.term))"))
        let procedure = version.procedure
        outcome.decidingBody = procedure?.bodies.first { $0.validity.contains(asOf) && $0.validity.basis != .planned }
        if explains { outcome.arrangements = procedure?.arrangements.filter { $0.validity.contains(asOf) } ?? [] }

        // 2. Scope.
        let provisional = ConditionEvaluator(facts: facts, jurisdiction: jurisdiction, decisionDate: asOf, categoryReadable: readable)
        switch provisional.evaluate(version.scope.condition) {
        case .no:
            outcome.status = .outOfScope
            outcome.reason = Reason(ruleID: version.id,
                                    text: "outside the mechanism's scope: " + label(version.scope.labels, "scope"),
                                    citations: version.scope.citations)
            let text = outcome.reason!.text
            record(&outcome, TraceStep(kind: .scope, ruleID: version.id, message: text, value: "no",
                                       citations: version.scope.citations))
            return finish(outcome, facts, version, jurisdiction, readable)
        case .unknown(let missing):
            outcome.missingFacts += missing.sorted()
            record(&outcome, TraceStep(kind: .scope, ruleID: version.id,
                                           message: "scope depends on facts not given: \(missing.sorted().joined(separator: ", "))",
                                           value: "unknown", citations: version.scope.citations))
        case .yes:
            record(&outcome, TraceStep(kind: .scope, ruleID: version.id,
                                           message: "within scope: " + label(version.scope.labels, "scope"),
                                           value: "yes", citations: version.scope.citations))
        }

        // 3. Thresholds: which apply, then the date.
        let thresholdResult = applyThreshold(facts, version, provisional, jurisdiction, into: &outcome)
        let decisionDate = max(outcome.earliestDate ?? asOf, asOf)
        let evaluator = ConditionEvaluator(facts: facts, jurisdiction: jurisdiction, decisionDate: decisionDate, categoryReadable: readable)

        // 4. Exclusions (and their exceptions), as in force on the as-of date.
        if let excluded = applyExclusions(version, evaluator, jurisdiction, asOf, into: &outcome) {
            outcome.status = excluded
            return finish(outcome, facts, version, jurisdiction, readable)
        }
        if let status = thresholdResult {
            outcome.status = status
            return finish(outcome, facts, version, jurisdiction, readable)
        }

        // 5. Conditions of grant.
        for g in version.grantConditions where g.validity.contains(asOf) {
            let text = label(g.labels, g.id)
            noteDiscrepancies(about: [g.id], jurisdiction, into: &outcome)
            switch evaluator.evaluate(g.condition) {
            case .yes:
                record(&outcome, TraceStep(kind: .grantCondition, ruleID: g.id, message: "met: " + text,
                                               value: "yes", citations: g.citations))
            case .no:
                outcome.status = .conditionsUnmet
                outcome.reason = Reason(ruleID: g.id, text: "condition not met: " + text, citations: g.citations)
                record(&outcome, TraceStep(kind: .grantCondition, ruleID: g.id, message: "not met: " + text,
                                               value: "no", citations: g.citations))
                return finish(outcome, facts, version, jurisdiction, readable)
            case .unknown(let missing):
                outcome.pending.append(PendingCondition(ruleID: g.id, text: text, missingFacts: missing.sorted(),
                                                        citations: g.citations))
                record(&outcome, TraceStep(kind: .grantCondition, ruleID: g.id,
                                               message: "to be shown at the hearing (not in the case: "
                                                   + missing.sorted().map { "--\($0)" }.joined(separator: ", ") + "): " + text,
                                               value: "unknown", citations: g.citations))
            }
        }

        if outcome.status == .available, outcome.earliestDate == nil {
            outcome.status = .availableNoThreshold
        }
        if !outcome.missingFacts.isEmpty, outcome.status == .available || outcome.status == .availableNoThreshold {
            outcome.status = .undetermined
            outcome.reason = Reason(ruleID: nil,
                                    text: "depends on facts not given: "
                                        + outcome.missingFacts.map { "--\($0)" }.joined(separator: ", "),
                                    citations: [])
        }
        return finish(outcome, facts, version, jurisdiction, readable)
    }

    // MARK: thresholds

    /// Finds the threshold that governs the case and computes the earliest date; returns a terminal status when
    /// none can be computed.
    /// `evaluator` judges conditions on the as-of date.
    private func applyThreshold(_ facts: Case, _ version: MechanismVersion, _ evaluator: ConditionEvaluator,
                                _ jurisdiction: Jurisdiction,
                                into outcome: inout MechanismOutcome) -> MechanismOutcome.Status? {
        let asOf = facts.asOf
        let thresholds = version.thresholds
        if !thresholds.contains(where: { $0.validity.contains(asOf) }) {
            let notes = version.notStated
            record(&outcome, TraceStep(
                kind: .notStated, ruleID: version.id,
                message: notes.first?.notes.text(in: "en") ?? "the source states no minimum time to serve",
                citations: notes.flatMap(\.citations)))
            return nil
        }
        var matching: [Threshold] = []
        var uncertain: [(threshold: Threshold, missing: Set<String>)] = []
        for t in thresholds where t.validity.contains(asOf) {
            let truth = t.condition.map(evaluator.evaluate) ?? .yes
            switch truth {
            case .yes:
                if facts.term.isLife, t.fixed == nil, t.minimum == nil {
                    record(&outcome, TraceStep(kind: .threshold, ruleID: t.id,
                                                   message: "not applicable to a life sentence (a share of a life term "
                                                       + "cannot be computed): " + label(t.labels, t.id),
                                                   citations: t.citations))
                } else {
                    matching.append(t)
                }
            case .unknown(let missing):
                if !(facts.term.isLife && t.fixed == nil && t.minimum == nil) { uncertain.append((t, missing)) }
            case .no: break
            }
        }
        let overridden: Set<String> = matching.contains { !$0.overrides.isEmpty } ? Set(matching.flatMap(\.overrides)) : []
        for t in matching where !overridden.isEmpty && overridden.contains(t.id) {
            let by = matching.first { $0.overrides.contains(t.id) }!
            record(&outcome, TraceStep(kind: .thresholdOverridden, ruleID: t.id,
                                           message: "displaced by \(by.id): " + label(t.labels, t.id),
                                           citations: t.citations))
        }
        let governing = overridden.isEmpty ? matching : matching.filter { !overridden.contains($0.id) }
        var best: (threshold: Threshold, date: CalendarDate)?
        for t in governing {
            let date = thresholdDate(t, facts, into: &outcome)
            if best == nil || date > best!.date { best = (t, date) }
        }
        // A threshold that may apply matters only if it could change the date: one displaced by a threshold that
        // does apply, or one whose inclusion leaves the latest date unchanged, does not make the answer depend on
        // the missing fact.
        for (t, missing) in uncertain where !overridden.contains(t.id) {
            let uDate = quietDate(t, facts)
            let remaining = governing.filter { !t.overrides.contains($0.id) }.map { quietDate($0, facts) }
            let with = (remaining + [uDate]).max()
            let changes = best.map { with != $0.date } ?? true
            if changes { outcome.missingFacts += missing.sorted() }
            record(&outcome, TraceStep(kind: .threshold, ruleID: t.id,
                                       message: (changes ? "may apply, depending on " : "may apply but would not change the date; depends on ")
                                           + missing.sorted().joined(separator: ", ") + ": " + label(t.labels, t.id)
                                           + " (would give \(uDate))",
                                       value: "unknown", citations: t.citations))
        }
        guard let (threshold, date) = best else {
            outcome.reason = Reason(ruleID: version.id, text: "no threshold of this mechanism applies to this case",
                                    citations: version.citations)
            return outcome.missingFacts.isEmpty ? .noThreshold : .undetermined
        }
        if governing.count > 1 {
            record(&outcome, TraceStep(kind: .assumption, message: "several thresholds apply ("
                + governing.map(\.id).joined(separator: ", ") + "); the latest date is used"))
        }
        outcome.threshold = threshold
        // The share is reported only when it is what sets the date (not a minimum or fixed time that prevails).
        let shareDate: CalendarDate? = threshold.fraction.flatMap { f in
            if case .fixed(let term) = facts.term { return ServedTime.date(servingFraction: f, of: term, from: facts.start) }
            return nil
        }
        outcome.fraction = shareDate == date ? threshold.fraction : nil
        outcome.fractionBase = outcome.fraction == nil ? nil : threshold.fractionBase
        outcome.earliestDate = date
        outcome.requiredServed = CalendarDuration.between(facts.start, date)
        applyDiscrepancies(threshold, date, facts, jurisdiction, into: &outcome)
        if let end = facts.termEnd, date > end {
            outcome.reason = Reason(ruleID: threshold.id,
                                    text: "the term ends on \(end), before the required time is served (\(date))",
                                    citations: threshold.citations)
            return .termEndsFirst
        }
        return nil
    }

    /// The date a single threshold gives, without tracing (used to weigh thresholds that may apply).
    private func quietDate(_ t: Threshold, _ facts: Case) -> CalendarDate {
        var result: CalendarDate?
        func combine(_ d: CalendarDate) {
            guard let r = result else { result = d; return }
            result = t.combination == .laterOf ? max(r, d) : min(r, d)
        }
        if let f = t.fraction, case .fixed(let term) = facts.term {
            combine(ServedTime.date(servingFraction: f, of: term, from: facts.start))
        }
        if let m = t.minimum { combine(m.end(from: facts.start)) }
        if let x = t.fixed { combine(x.end(from: facts.start)) }
        return result ?? facts.start
    }

    /// The date a single threshold gives, with its computation traced.
    private func thresholdDate(_ t: Threshold, _ facts: Case, into outcome: inout MechanismOutcome) -> CalendarDate {
        let date = quietDate(t, facts)
        guard explains else { return date }
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
        record(&outcome, TraceStep(kind: .threshold, ruleID: t.id, message: label(t.labels, t.id),
                                   value: t.fraction?.description ?? t.fixed?.iso8601 ?? t.minimum?.iso8601,
                                   citations: t.citations, children: children))
        return date
    }

    /// Records each discrepancy about the governing threshold, with the range of dates between the encoded value
    /// (`encodedDate`) and every claim that gives a computable value.
    private func applyDiscrepancies(_ t: Threshold, _ encodedDate: CalendarDate, _ facts: Case,
                                    _ jurisdiction: Jurisdiction, into outcome: inout MechanismOutcome) {
        guard explains else { return }  // dates-only runs (batch) do not report discrepancies
        for d in jurisdiction.discrepancies(about: [t.id]) {
            var claimDates: [(String, CalendarDate)] = []
            for claim in d.claims {
                if let f = claim.fraction, case .fixed(let term) = facts.term {
                    claimDates.append((claim.id, ServedTime.date(servingFraction: f, of: term, from: facts.start)))
                } else if let dur = claim.duration {
                    claimDates.append((claim.id, dur.end(from: facts.start)))
                }
            }
            let dates = claimDates.map(\.1) + [encodedDate]
            let range = DiscrepancyRange(discrepancy: d, claimDates: claimDates, earliest: dates.min(),
                                         latest: dates.max())
            outcome.discrepancies.append(range)
            let children = d.claims.map { c in
                TraceStep(kind: .discrepancy, ruleID: c.id,
                          message: (c.statements.text(in: "en") ?? c.id) + (c.id == d.encodedClaim ? " (encoded)" : ""),
                          value: claimDates.first { $0.0 == c.id }.map { $0.1.description }, citations: c.citations)
            }
            record(&outcome, TraceStep(
                kind: .discrepancy, ruleID: d.id,
                message: "sources disagree: " + label(d.labels, d.id)
                    + (range.earliest.flatMap { e in range.latest.map { l in e == l ? "" : " (dates \(e) to \(l))" } } ?? ""),
                children: children))
        }
    }

    /// Shows each discrepancy recorded about `ruleIDs` that is not shown yet: rules whose value is in dispute
    /// are never applied silently.
    private func noteDiscrepancies(about ruleIDs: [String], _ jurisdiction: Jurisdiction,
                                   into outcome: inout MechanismOutcome) {
        guard explains else { return }
        for d in jurisdiction.discrepancies(about: ruleIDs)
        where !outcome.discrepancies.contains(where: { $0.discrepancy.id == d.id }) {
            outcome.discrepancies.append(DiscrepancyRange(discrepancy: d, claimDates: [], earliest: nil, latest: nil))
            record(&outcome, TraceStep(
                kind: .discrepancy, ruleID: d.id, message: "sources disagree: " + label(d.labels, d.id),
                children: d.claims.map { c in
                    TraceStep(kind: .discrepancy, ruleID: c.id,
                              message: (c.statements.text(in: "en") ?? c.id) + (c.id == d.encodedClaim ? " (encoded)" : ""),
                              citations: c.citations)
                }))
        }
    }

    // MARK: exclusions

    /// Applies the exclusions in force; returns `.excluded` or `.undetermined` when the case cannot proceed.
    private func applyExclusions(_ version: MechanismVersion, _ evaluator: ConditionEvaluator,
                                 _ jurisdiction: Jurisdiction, _ asOf: CalendarDate,
                                 into outcome: inout MechanismOutcome) -> MechanismOutcome.Status? {
        var undetermined = false
        for x in version.exclusions {
            let text = label(x.labels, x.id)
            let matches = evaluator.evaluate(x.condition)
            if matches != .no {
                noteDiscrepancies(about: [x.id] + x.exceptions.map(\.id), jurisdiction, into: &outcome)
            }
            guard x.validity.contains(asOf) else {
                if matches != .no {
                    record(&outcome, TraceStep(
                        kind: .exclusion, ruleID: x.id,
                        message: "not applied: not in force on \(asOf)"
                            + (x.validity.from.map { " (from \($0))" } ?? "") + ": " + text,
                        value: "not-in-force", citations: x.citations))
                }
                continue
            }
            if case .no = matches { continue }
            var exceptionTrace: [TraceStep] = []
            var exceptionTruth: [Truth] = []
            for e in x.exceptions where e.validity.contains(asOf) {
                let t = evaluator.evaluate(e.condition)
                exceptionTruth.append(t)
                exceptionTrace.append(TraceStep(kind: .exception, ruleID: e.id,
                                                message: (t == .yes ? "applies: " : t == .no ? "does not apply: "
                                                    : "depends on " + t.missing.sorted().map { "--\($0)" }.joined(separator: ", ") + ": ")
                                                    + label(e.labels, e.id),
                                                value: t == .yes ? "yes" : t == .no ? "no" : "unknown",
                                                citations: e.citations))
            }
            let rescued = Truth.any(exceptionTruth)
            let dateNote = x.validity.from.map { " (in force from \($0)\(x.validity.basis == .lawDate ? ", date of the law" : ""))" } ?? ""
            switch (matches, rescued) {
            case (.yes, .yes):
                record(&outcome, TraceStep(kind: .exclusion, ruleID: x.id,
                                               message: "matches, but an exception applies: " + text + dateNote,
                                               value: "lifted", citations: x.citations, children: exceptionTrace))
            case (.yes, .no):
                outcome.reason = Reason(ruleID: x.id, text: "excluded: " + text + dateNote, citations: x.citations)
                record(&outcome, TraceStep(kind: .exclusion, ruleID: x.id, message: "excluded: " + text + dateNote,
                                               value: "excluded", citations: x.citations, children: exceptionTrace))
                outcome.earliestDate = nil
                outcome.requiredServed = nil
                outcome.fraction = nil
                outcome.fractionBase = nil
                return .excluded
            default:
                undetermined = true
                let missing = matches.missing.union(rescued.missing).sorted()
                outcome.missingFacts += missing
                record(&outcome, TraceStep(kind: .exclusion, ruleID: x.id,
                                               message: "may exclude, depending on "
                                                   + missing.map { "--\($0)" }.joined(separator: ", ") + ": " + text + dateNote,
                                               value: "unknown", citations: x.citations, children: exceptionTrace))
                if outcome.reason == nil {
                    outcome.reason = Reason(ruleID: x.id,
                                            text: "may be excluded (\(text)); give "
                                                + missing.map { "--\($0)" }.joined(separator: ", ") + " to decide",
                                            citations: x.citations)
                }
            }
        }
        return undetermined ? .undetermined : nil
    }

    // MARK: after the date is known

    /// Adds what follows from the date: mandatory release, procedure, supervision, revocation, conversions.
    private func finish(_ outcome: consuming MechanismOutcome, _ facts: Case, _ version: MechanismVersion,
                        _ jurisdiction: Jurisdiction, _ readable: Bool) -> MechanismOutcome {
        var o = outcome
        if !o.missingFacts.isEmpty { o.missingFacts = Array(Set(o.missingFacts)).sorted() }
        let asOf = facts.asOf
        let evaluatorDate = max(o.earliestDate ?? asOf, asOf)
        let evaluator = ConditionEvaluator(facts: facts, jurisdiction: jurisdiction, decisionDate: evaluatorDate, categoryReadable: readable)
        guard o.available || o.status == .undetermined else { return o }

        // Mandatory or discretionary.
        if version.decision != .discretionary {
            o.mandatory = true
            record(&o, TraceStep(kind: .mandatory, ruleID: version.id,
                                     message: "release is \(version.decision.rawValue) once the conditions hold",
                                     value: "yes", citations: version.citations))
        }
        for m in version.mandatoryRelease where m.validity.contains(asOf) {
            noteDiscrepancies(about: [m.id], jurisdiction, into: &o)
            let truth = evaluator.evaluate(m.condition)
            let text = label(m.labels, m.id)
            switch truth {
            case .yes:
                o.mandatory = true
                record(&o, TraceStep(kind: .mandatory, ruleID: m.id, message: "release is owed: " + text,
                                         value: "yes", citations: m.citations))
            case .no:
                record(&o, TraceStep(kind: .mandatory, ruleID: m.id,
                                         message: "release is at the court's discretion (mandatory rule not met): " + text,
                                         value: "no", citations: m.citations))
            case .unknown(let missing):
                o.pending.append(PendingCondition(ruleID: m.id, text: "release becomes mandatory if: " + text,
                                                  missingFacts: missing.sorted(), citations: m.citations))
                record(&o, TraceStep(kind: .mandatory, ruleID: m.id,
                                         message: "discretionary unless shown ("
                                             + missing.sorted().map { "--\($0)" }.joined(separator: ", ") + "): " + text,
                                         value: "unknown", citations: m.citations))
            }
        }

        // What follows only explains the outcome; dates-only runs stop here.
        guard explains else { return o }

        // Procedure.
        if let p = version.procedure {
            if let body = o.decidingBody {
                record(&o, TraceStep(kind: .procedure, ruleID: body.id,
                                         message: "decided by: " + label(body.labels, body.kind),
                                         value: body.kind, citations: body.citations))
            }
            for a in o.arrangements {
                record(&o, TraceStep(kind: .procedure, ruleID: a.id,
                                         message: (a.validity.basis == .planned ? "planned: " : "") + label(a.labels, "arrangement"),
                                         citations: a.citations))
            }
            if let wait = p.reapplicationWait {
                record(&o, TraceStep(kind: .procedure, message: "after a refusal, a new petition after \(wait.naturalText)",
                                         value: wait.iso8601, citations: p.reapplicationCitations))
            }
        }

        // Supervision until the end of the term.
        if let s = version.supervision, let date = o.earliestDate {
            switch s.period {
            case .unservedRemainder:
                o.supervisionUntil = facts.termEnd
            case .fixed(let d):
                o.supervisionUntil = d.end(from: date)
            case .notStated:
                break
            }
            let until = o.supervisionUntil
            record(&o, TraceStep(kind: .supervision, message: label(s.labels, s.by) + (until.map { " (until \($0))" } ?? ""),
                                 value: until?.description, citations: s.citations))
        }

        // What would send the person back.
        if let r = version.revocation, o.available {
            record(&o, TraceStep(
                kind: .revocation, message: "revocation: \(r.grounds.count) ground(s); time on release: "
                    + r.timeOnRelease.rawValue,
                children: r.grounds.map { g in
                    TraceStep(kind: .revocation, ruleID: g.id,
                              message: "\(g.mode.rawValue): " + label(g.labels, g.id) + " → "
                                  + vocabulary.label(g.consequence, in: "revocation-consequence"),
                              citations: g.citations)
                }))
        }

        // Conversions of the remainder into a milder punishment.
        if let date = o.earliestDate, let end = facts.termEnd {
            let remainder = date.days(until: end)
            for c in version.conversions where c.validity.contains(asOf) {
                let allowed = c.requires.map(evaluator.evaluate) ?? .yes
                let amount = Rational(remainder * c.amount, c.daysOfCustody)
                o.conversions.append(ConversionOutcome(conversion: c, remainderDays: remainder, amount: amount,
                                                       allowed: allowed))
                record(&o, TraceStep(kind: .conversion, ruleID: c.id,
                                         message: "\(remainder) days left at \(date) → "
                                             + vocabulary.label(c.into, in: "punishment") + ": \(amount.mixedDescription) × "
                                             + vocabulary.label(c.unit, in: "unit")
                                             + (allowed == .no ? " (not allowed on these facts)" : allowed == .yes ? "" : " (if "
                                                 + allowed.missing.sorted().map { "--\($0)" }.joined(separator: ", ") + " allows)"),
                                         value: amount.description, citations: c.citations))
            }
        }
        return o
    }

}

extension Rational {
    /// `412 1/4` style: whole part and proper fraction.
    public var mixedDescription: String {
        let whole = floor
        let rest = fractionalPart
        if rest.numerator == 0 { return "\(whole)" }
        return whole == 0 ? rest.description : "\(whole) \(rest)"
    }
}
