import AtlasModel

/// Turns a case into an explained outcome for each mechanism of a jurisdiction: the decision walk with a
/// `TraceRecorder`, then what follows from the decision without deciding anything (who decides, supervision,
/// revocation, conversions). It holds no legal value of its own: fractions, terms, exclusions and bodies all come
/// from the corpus.
public struct Simulator: Sendable {
    public let vocabulary: Vocabulary
    /// Whether to explain: record the trace, discrepancies, procedure, supervision and conversions. Without it the
    /// outcomes carry the decision only.
    public var explains: Bool
    /// How the case's facts are read under other jurisdictions (from corpus/crosswalk.xml).
    public let crosswalk: [CrosswalkMapping]
    /// The jurisdiction whose terms the case is stated in, and how its law reads the case (`Corpus.home`).
    public let home: HomeLaw
    /// The corpus's jurisdictions, compiled once; others are compiled when they are simulated.
    private let law: CompiledLaw
    /// Per compiled jurisdiction, its law as each disputed claim reads it, compiled once (explaining simulators
    /// only: a reading changes no decision, it is shown beside one).
    private let readings: [String: [ReadingLaw]]

    /// A simulator over `jurisdictions` (compiled now; others are compiled when simulated), for cases stated in
    /// `home`'s law.
    public init(vocabulary: Vocabulary, crosswalk: [CrosswalkMapping] = [], home: HomeLaw, explains: Bool = true,
                jurisdictions: [Jurisdiction] = []) {
        self.vocabulary = vocabulary
        self.crosswalk = crosswalk
        self.home = home
        self.explains = explains
        law = CompiledLaw(jurisdictions: jurisdictions, crosswalk: crosswalk, home: home)
        var readings: [String: [ReadingLaw]] = [:]
        if explains {
            for j in jurisdictions where readings[j.id] == nil {
                readings[j.id] = ReadingLaw.all(of: j, crosswalk: crosswalk, home: home)
            }
        }
        self.readings = readings
    }

    /// A simulator over a loaded corpus, with its vocabulary, crosswalk and jurisdictions compiled.
    public init(corpus: Corpus, explains: Bool = true) {
        self.init(vocabulary: corpus.vocabulary, crosswalk: corpus.crosswalk, home: corpus.home, explains: explains,
                  jurisdictions: corpus.jurisdictions)
    }

    /// Outcomes for every mechanism of `jurisdiction`, under the law in force on `facts.asOf`.
    public func simulate(_ facts: Case, in jurisdiction: Jurisdiction) -> JurisdictionOutcome {
        simulate(facts, in: [jurisdiction])[0]
    }

    /// Outcomes in each of `jurisdictions`, in order; the case is read once for all the compiled ones.
    public func simulate(_ facts: Case, in jurisdictions: [Jurisdiction]) -> [JurisdictionOutcome] {
        var shared: CaseFacts?
        return jurisdictions.map { j in
            if let compiled = law.compiled(j) {
                if shared == nil { shared = law.facts(facts) }
                return simulate(facts, shared!, compiled, law, readings: readings[j.id])
            }
            let own = CompiledLaw(jurisdictions: [j], crosswalk: crosswalk, home: home)
            return simulate(facts, own.facts(facts), own.jurisdictions[0], own, readings: nil)
        }
    }

    /// `readings`: the jurisdiction's readings compiled beforehand, or `nil` to compile them now if explaining.
    private func simulate(_ facts: Case, _ caseFacts: CaseFacts, _ compiled: CompiledJurisdiction,
                          _ scope: CompiledLaw, readings known: [ReadingLaw]?) -> JurisdictionOutcome {
        let jurisdiction = compiled.source
        let readings = !explains ? [] : known ?? ReadingLaw.all(of: jurisdiction, crosswalk: crosswalk, home: home)
        var outcomes: [MechanismOutcome] = []
        outcomes.reserveCapacity(compiled.mechanisms.count)
        for (index, m) in compiled.mechanisms.enumerated() {
            var outcome = simulate(caseFacts, m, compiled)
            if outcome.status == .undetermined, outcome.branches.isEmpty {
                outcome.branches = branches(facts, m, compiled, scope, outcome.missingFacts)
            }
            for reading in readings {
                if let branch = reading.branch(facts, mechanism: index, against: outcome) { outcome.branches.append(branch) }
            }
            outcome.disputedKind = jurisdiction.disputedKind(of: m.id, nonCustodial: vocabulary.nonCustodialKinds)
            outcomes.append(outcome)
        }
        return JurisdictionOutcome(jurisdiction: jurisdiction, mechanisms: outcomes)
    }

    /// Sets a yes/no fact the catalogue marks branchable (facts a foreign rule may need that a Kazakh case often
    /// does not state: the answer is given for each value instead of guessed); `false` for any other fact.
    static func assume(_ name: String, _ value: Bool, in c: inout Case) -> Bool {
        guard let fact = CaseFactCatalogue.named(name), fact.branchable,
              let testable = fact.conditionName.flatMap(CaseFact.init(rawValue:)) else { return false }
        return c.set(testable, to: value)
    }

    /// The decision under every combination of the missing yes/no facts (at most three facts, eight branches):
    /// the same walk on the case with each assumption.
    private func branches(_ facts: Case, _ m: CompiledMechanism, _ j: CompiledJurisdiction, _ law: CompiledLaw,
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
            let (d, lawDate) = j.decideQuietly(m, law.facts(assumed))
            var branch = Branch(assumption: assumption, d, of: m, lawDate: lawDate)
            // A fact's branch is under the law the case's own dates give; only offence ranges and readings name it.
            branch.lawDate = nil
            return branch
        }
    }

    private func simulate(_ caseFacts: CaseFacts, _ m: CompiledMechanism, _ j: CompiledJurisdiction) -> MechanismOutcome {
        var d: Decided
        var f = caseFacts
        let lawInTime = j.lawInTime
        let inTime = lawInTime.looksBack(for: m) ? lawInTime.decide(m, f, readable: j.categoryReadable) : nil
        if let inTime { f.lawDate = inTime.choice.lawDate }
        // A quiet simulation builds no recorder at all: its trace, pending conditions and notes stay empty.
        var recorder: TraceRecorder? = nil
        if explains {
            var recording = TraceRecorder(jurisdiction: j, home: home.jurisdiction)
            recording.lawInTime(m, rule: j.source.intertemporal, answer: inTime, asOf: f.facts.asOf)
            d = m.decide(f, readable: j.categoryReadable, tracer: &recording)
            recorder = recording
        } else {
            var quiet = NoTrace()
            d = m.decide(f, readable: j.categoryReadable, tracer: &quiet)
        }
        if inTime?.dependsOnOffenceDate == true { d.markDependsOnOffenceDate() }
        let facts = f.facts
        let version = m.version(inForceOn: f.lawDate)
        let threshold = d.governing.flatMap { version?.thresholds[$0].source }
        let procedure = version?.source.procedure
        var outcome = MechanismOutcome(
            mechanism: m.source, version: version?.source, status: d.result.status,
            earliestDate: d.result.earliestDate, requiredServed: d.result.requiredServed, fraction: d.result.fraction,
            fractionBase: d.result.fraction == nil ? nil : threshold?.fractionBase, threshold: threshold,
            termEnd: facts.termEnd,
            decidingBody: procedure?.bodies.first { $0.validity.contains(facts.asOf) && $0.validity.basis != .planned },
            mandatory: d.result.mandatory, reason: Explanation.reason(d, m, version, asOf: f.lawDate, termEnd: facts.termEnd),
            missingFacts: d.missing.sortedNames, pending: recorder?.pending ?? [],
            discrepancies: recorder?.discrepancies ?? [],
            supervisionUntil: nil, conversions: [],
            arrangements: explains ? procedure?.arrangements.filter { $0.validity.contains(facts.asOf) } ?? [] : [],
            trace: recorder?.trace ?? [])
        outcome.lawDate = f.lawDate
        if let inTime, inTime.dependsOnOffenceDate {
            outcome.branches = inTime.ranges.map { r in
                Branch(r.choice.decided, of: m, lawDate: r.choice.lawDate,
                       offence: Branch.OffenceDates(from: r.from, through: r.through))
            }
        }
        if explains, let version, outcome.available || outcome.status == .undetermined {
            annotate(&outcome, f, version, j)
        }
        return outcome
    }

    // MARK: after deciding

    /// Adds what follows from the decision and decides nothing: procedure, supervision, revocation, conversions.
    private func annotate(_ o: inout MechanismOutcome, _ f: CaseFacts, _ v: CompiledVersion,
                          _ j: CompiledJurisdiction) {
        annotateProcedure(&o, v.source)
        annotateSupervision(&o, v.source, termEnd: f.facts.termEnd)
        annotateRevocation(&o, v.source)
        annotateConversions(&o, f, v, j)
    }

    /// Who decides, the arrangements of the hearing, and when a refused person may petition again.
    private func annotateProcedure(_ o: inout MechanismOutcome, _ version: MechanismVersion) {
        if let p = version.procedure {
            if let body = o.decidingBody {
                o.trace.append(TraceStep(kind: .procedure, ruleID: body.id,
                                         phrase: Phrase(.decidedBy, [PhraseSlot("body", Phrase.label(body.labels, body.kind))]),
                                         value: body.kind, citations: body.citations))
            }
            for a in o.arrangements {
                o.trace.append(TraceStep(kind: .procedure, ruleID: a.id,
                                         phrase: Phrase(a.validity.basis == .planned ? .plannedArrangement : .arrangement,
                                                        [PhraseSlot("rule", Phrase.label(a.labels, a.id ?? "arrangement"))]),
                                         citations: a.citations))
            }
            if let wait = p.reapplicationWait {
                o.trace.append(TraceStep(kind: .procedure, phrase: Phrase(.newPetitionAfter, [PhraseSlot("duration", .duration(wait))]),
                                         value: wait.iso8601, citations: p.reapplicationCitations))
            }
        }
    }

    /// Supervision after release, and until when.
    private func annotateSupervision(_ o: inout MechanismOutcome, _ version: MechanismVersion, termEnd: CalendarDate?) {
        if let s = version.supervision, let date = o.earliestDate {
            switch s.period {
            case .unservedRemainder: o.supervisionUntil = termEnd
            case .fixed(let d): o.supervisionUntil = d.end(from: date)
            case .notStated: break
            }
            let until = o.supervisionUntil
            let rule = PhraseSlot("rule", Phrase.label(s.labels, s.by))
            o.trace.append(TraceStep(kind: .supervision,
                                     phrase: until.map { Phrase(.supervisionUntil, [rule, PhraseSlot("date", .date($0))]) }
                                         ?? Phrase(.supervision, [rule]),
                                     value: until?.description, citations: s.citations))
        }
    }

    /// What would send the person back.
    private func annotateRevocation(_ o: inout MechanismOutcome, _ version: MechanismVersion) {
        if let r = version.revocation, o.available {
            let time: PhraseKind = switch r.timeOnRelease {
            case .countsAsServed: .timeCountsAsServed
            case .doesNotCount: .timeDoesNotCount
            case .notStated: .timeNotStated
            }
            o.trace.append(TraceStep(
                kind: .revocation,
                phrase: Phrase(.revocation, [PhraseSlot("count", .count(r.grounds.count)), PhraseSlot("time", .phrase(Phrase(time)))]),
                children: r.grounds.map { g in
                    let mode: PhraseKind = switch g.mode {
                    case .mandatory: .groundMandatory
                    case .discretionary: .groundDiscretionary
                    case .courtDecides: .groundCourtDecides
                    }
                    return TraceStep(kind: .revocation, ruleID: g.id,
                                     phrase: Phrase(.revocationGround, [
                                         PhraseSlot("mode", .phrase(Phrase(mode))), PhraseSlot("rule", Phrase.label(g.labels, g.id)),
                                         PhraseSlot("consequence", .term(set: "revocation-consequence", term: g.consequence)),
                                     ]),
                                     citations: g.citations)
                }))
        }
    }

    /// Conversions of the remainder into a milder punishment, each with whether the facts allow it.
    private func annotateConversions(_ o: inout MechanismOutcome, _ f: CaseFacts, _ v: CompiledVersion,
                                     _ j: CompiledJurisdiction) {
        let facts = f.facts
        let version = v.source
        if let date = o.earliestDate, let end = facts.termEnd {
            let remainder = date.days(until: end)
            let decisionDate = max(date, facts.asOf)
            for (c, requirement) in zip(version.conversions, v.conversionRequirements) where c.validity.contains(facts.asOf) {
                let allowed = requirement?.truth(f, on: decisionDate, readable: j.categoryReadable) ?? .yes
                // The reader keeps both counts within 1...1000, so this holds for any corpus; a model built by
                // hand beyond that gets no conversion rather than an overflow trap.
                guard c.daysOfCustody > 0,
                      case (let units, false) = remainder.multipliedReportingOverflow(by: c.amount) else { continue }
                let amount = Rational(units, c.daysOfCustody)
                o.conversions.append(ConversionOutcome(conversion: c, remainderDays: remainder, amount: amount,
                                                       allowed: allowed))
                var values = [PhraseSlot("days", .duration(CalendarDuration(days: remainder))), PhraseSlot("date", .date(date)),
                              PhraseSlot("into", .term(set: "punishment", term: c.into)), PhraseSlot("amount", .amount(amount)),
                              PhraseSlot("unit", .term(set: "unit", term: c.unit))]
                let kind: PhraseKind
                switch allowed {
                case .yes: kind = .conversion
                case .no: kind = .conversionNotAllowed
                case .unknown(let missing):
                    kind = .conversionIfAllowed
                    values.append(PhraseSlot("facts", Phrase.facts(missing)))
                }
                o.trace.append(TraceStep(kind: .conversion, ruleID: c.id, phrase: Phrase(kind, values),
                                         value: amount.description, citations: c.citations))
            }
        }
    }
}

extension CompiledLaw {
    /// Decides every mechanism of every jurisdiction for one case, in order, appending one result each to
    /// `results`: the walk with nothing recorded, for batch runs.
    public func decide(_ facts: Case, into results: inout [EligibilityResult]) {
        eachDecision(facts) { results.append($0.result) }
    }

    /// Decides every mechanism of every jurisdiction for one case, in order, handing each decision to `body`: the
    /// one quiet loop of batch and cohort runs.
    @inline(__always)
    func eachDecision(_ facts: Case, _ body: (Decided) -> Void) {
        let f = self.facts(facts)
        var quiet = NoTrace()
        var d = Decided(result: EligibilityResult(status: .available))
        // By index: rules read whole would be copied, their conditions retained, for every case.
        for j in jurisdictions.indices {
            let readable = jurisdictions[j].categoryReadable
            let lawInTime = jurisdictions[j].lawInTime
            for m in jurisdictions[j].mechanisms.indices {
                if lawInTime.looksBack(for: jurisdictions[j].mechanisms[m]) {
                    body(jurisdictions[j].decideQuietly(jurisdictions[j].mechanisms[m], f).decided)
                    continue
                }
                jurisdictions[j].mechanisms[m].decide(f, readable: readable, tracer: &quiet, into: &d)
                body(d)
            }
        }
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
