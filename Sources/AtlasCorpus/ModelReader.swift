import AtlasModel
internal import SafeXML

/// Turns corpus elements into model values. Anything the model cannot use (an impossible date, a zero fraction, a
/// number past `CorpusLimits`) is collected as a diagnostic at the element's place. It runs on every load, also
/// when a stamp let XSD validation be skipped, and on any document a fuzzer makes: whatever the input, it reports,
/// it never stops the program.
struct ModelReader {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    var diagnostics: [CorpusDiagnostic] = []

    // MARK: shared pieces

    func location(_ e: XMLElement) -> SourceLocation { SourceLocation(file: e.file, line: e.line, column: e.column) }

    func texts(_ e: XMLElement, _ name: String) -> [LocalizedString] {
        e.children(named: name).map {
            LocalizedString(language: $0.attribute("lang", namespace: Self.xmlNamespace) ?? "en",
                            text: $0.collapsedText)
        }
    }

    func labels(_ e: XMLElement) -> [LocalizedString] { texts(e, "label") }

    func citations(_ e: XMLElement) -> [Citation] {
        e.children(named: "cite").map { c in
            Citation(sourceID: c.attribute("source") ?? "", lines: c.attribute("lines"),
                     footnote: c.attribute("footnote").flatMap { Int($0) }, article: c.attribute("article"),
                     paragraph: c.attribute("paragraph"), page: c.attribute("page"), quotes: texts(c, "quote"),
                     notes: texts(c, "note"), origin: location(c))
        }
    }

    mutating func date(_ e: XMLElement, _ attribute: String) -> CalendarDate? {
        guard let text = e.attribute(attribute) else { return nil }
        guard let d = CalendarDate(iso: text) else {
            diagnostics.append(e.diagnostic(.invalidValue,
                "\(attribute)=\"\(text)\" is not a calendar date (YYYY-MM-DD)"))
            return nil
        }
        return d
    }

    mutating func validity(_ e: XMLElement) -> Validity {
        Validity(from: date(e, "from"), to: date(e, "to"),
                 basis: e.attribute("date-basis").flatMap(DateBasis.init(rawValue:)))
    }

    mutating func duration(_ e: XMLElement?) -> CalendarDuration? {
        guard let e else { return nil }
        return parseDuration(e.collapsedText, at: e, what: "")
    }

    mutating func durationAttribute(_ e: XMLElement, _ name: String) -> CalendarDuration? {
        guard let text = e.attribute(name) else { return nil }
        return parseDuration(text, at: e, what: "\(name)=")
    }

    private mutating func parseDuration(_ text: String, at e: XMLElement, what: String) -> CalendarDuration? {
        guard let d = CalendarDuration(iso: text) else {
            diagnostics.append(e.diagnostic(.invalidValue,
                "\(what)\(quoted(text)) is not a duration in years, months and days (e.g. P6M)"))
            return nil
        }
        guard CorpusLimits.fits(d) else {
            diagnostics.append(e.diagnostic(.invalidValue,
                "\(what)\(quoted(text)) is longer than \(CorpusLimits.durationYears) years, "
                + "the longest duration the atlas computes with (schema/README.md, \"Limits\"); correct the value"))
            return nil
        }
        return d
    }

    mutating func fraction(_ e: XMLElement?) -> (Rational, Threshold.Base)? {
        guard let e else { return nil }
        let text = e.collapsedText
        guard let r = Rational(parsing: text), r.numerator > 0 else {
            diagnostics.append(e.diagnostic(.invalidValue, "\(quoted(text)) is not a positive fraction such as 2/3"))
            return nil
        }
        // The terms as written, before reduction: 2000/4000 is refused like 2000/3999, whatever it reduces to.
        if text.split(separator: "/").contains(where: { Int($0).map { $0 > CorpusLimits.fractionTerm } ?? true }) {
            diagnostics.append(e.diagnostic(.invalidValue,
                "fraction \(quoted(text)) has a term over \(CorpusLimits.fractionTerm); write "
                + "the share with numerator and denominator of at most \(CorpusLimits.fractionTerm) "
                + "(schema/README.md, \"Limits\")"))
            return nil
        }
        if r.numerator > r.denominator {
            diagnostics.append(e.diagnostic(.invalidValue,
                "fraction \(text) is more than the whole term; a share is at most 1/1"))
            return nil
        }
        return (r, e.attribute("of") == "remainder" ? .remainder : .term)
    }

    func words(_ e: XMLElement, _ attribute: String) -> [String] { e.words(attribute) }

    func int(_ e: XMLElement, _ attribute: String) -> Int? { e.attribute(attribute).flatMap { Int($0) } }

    /// A whole number in `range`, `nil` when absent; a value that is not one is reported, not dropped in silence.
    mutating func int(_ e: XMLElement, _ attribute: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = e.attribute(attribute) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            diagnostics.append(e.diagnostic(.invalidValue,
                "\(attribute)=\(quoted(text)) is not a whole number from \(range.lowerBound) "
                + "to \(range.upperBound) (schema/README.md, \"Limits\")"))
            return nil
        }
        return n
    }

    // MARK: conditions

    /// The conjunction of the children of a `<when>`-like element.
    mutating func conditions(_ e: XMLElement) -> Condition {
        let parts = e.children.compactMap { condition($0) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    mutating func condition(_ e: XMLElement) -> Condition? {
        switch e.name {
        case "category": return .category(Set(words(e, "in")))
        case "offence": return .offence(anyOf: Set(words(e, "any")))
        case "consequence": return .consequence(anyOf: Set(words(e, "any")))
        case "punishment": return .punishment(Set(words(e, "in")))
        case "term":
            return .term(TermComparison(greaterThan: durationAttribute(e, "gt"), atLeast: durationAttribute(e, "ge"),
                                        lessThan: durationAttribute(e, "lt"), atMost: durationAttribute(e, "le")))
        case "life": return .life(e.attribute("is").map { $0 == "true" || $0 == "1" } ?? true)
        case "fact":
            guard let fact = e.attribute("name").flatMap(CaseFact.init(rawValue:)) else {
                diagnostics.append(e.diagnostic(.unknownName, "unknown fact \"\(e.attribute("name") ?? "")\""))
                return nil
            }
            return .fact(fact, e.attribute("is").map { $0 == "true" || $0 == "1" } ?? true)
        case "sex":
            guard let sex = e.attribute("is").flatMap(Sex.init(rawValue:)) else { return nil }
            return .sex(sex)
        case "age":
            return .age(at: e.attribute("at").flatMap(AgeMoment.init(rawValue:)) ?? .decision,
                        atLeast: int(e, "ge", in: CorpusLimits.age), below: int(e, "lt", in: CorpusLimits.age))
        case "victim-age":
            return .victimAge(atLeast: int(e, "ge", in: CorpusLimits.age), below: int(e, "lt", in: CorpusLimits.age))
        case "child-age":
            return .childAge(atLeast: int(e, "ge", in: CorpusLimits.age), below: int(e, "lt", in: CorpusLimits.age))
        case "behaviour-points":
            return .behaviourPoints(atLeast: int(e, "ge", in: CorpusLimits.age), below: int(e, "lt", in: CorpusLimits.age))
        case "disability": return .disability(Set(words(e, "in").compactMap { Int($0) }))
        case "prior-revocation": return .priorRevocation(Set(words(e, "in")))
        case "ref": return .reference(e.attribute("set") ?? "")
        case "all": return .all(e.children.compactMap { condition($0) })
        case "any": return .any(e.children.compactMap { condition($0) })
        case "not": return .not(e.children.compactMap { condition($0) })
        default:
            diagnostics.append(e.diagnostic(.unknownName, "unknown condition <\(e.name)>"))
            return nil
        }
    }

    mutating func ruleCondition(_ e: XMLElement, conditionElement: String = "when") -> RuleCondition {
        RuleCondition(id: e.attribute("id") ?? "", labels: labels(e),
                      condition: e.child(named: conditionElement).map { conditions($0) } ?? .all([]),
                      validity: validity(e), citations: citations(e))
    }

    func notStated(_ e: XMLElement) -> [NotStated] {
        e.children(named: "not-stated").map {
            NotStated(aspect: $0.attribute("aspect") ?? "", notes: texts($0, "note"), citations: citations($0))
        }
    }

    // MARK: documents

    mutating func jurisdiction(_ root: XMLElement) -> Jurisdiction {
        let family = root.child(named: "legal-family")
        return Jurisdiction(
            id: root.attribute("id") ?? "",
            names: texts(root, "name"),
            legalFamily: family?.attribute("term") ?? "",
            legalFamilyCitations: family.map { citations($0) } ?? [],
            sourceIDs: root.children(named: "uses-source").compactMap { $0.attribute("ref") },
            conditionSets: root.children(named: "condition-set").map { e in
                ConditionSet(id: e.attribute("id") ?? "", labels: labels(e),
                             condition: e.child(named: "when").map { conditions($0) } ?? .all([]),
                             citations: citations(e))
            },
            mechanisms: root.children(named: "mechanism").map { mechanism($0) },
            discrepancies: root.children(named: "discrepancy").map { discrepancy($0) },
            notStated: notStated(root),
            origin: location(root),
            intertemporal: root.child(named: "intertemporal").map { e in
                IntertemporalRule(id: e.attribute("id") ?? "",
                                  kind: e.attribute("rule").flatMap(IntertemporalRule.Kind.init(rawValue:)) ?? .lawAtDecision,
                                  labels: labels(e), citations: citations(e), notes: texts(e, "note"))
            })
    }

    mutating func mechanism(_ e: XMLElement) -> ReleaseMechanism {
        ReleaseMechanism(id: e.attribute("id") ?? "", kind: e.attribute("kind") ?? "", labels: labels(e),
                         versions: e.children(named: "version").map { version($0) })
    }

    mutating func version(_ e: XMLElement) -> MechanismVersion {
        let scopeElement = e.child(named: "scope")
        let scope = Scope(labels: scopeElement.map { labels($0) } ?? [],
                          condition: scopeElement?.child(named: "when").map { conditions($0) } ?? .all([]),
                          citations: scopeElement.map { citations($0) } ?? [])
        return MechanismVersion(
            id: e.attribute("id") ?? "",
            validity: validity(e),
            decision: e.attribute("decision").flatMap(Decision.init(rawValue:)) ?? .discretionary,
            citations: citations(e),
            scope: scope,
            thresholds: e.children(named: "threshold").map { threshold($0) },
            exclusions: e.children(named: "exclusion").map { exclusion($0) },
            grantConditions: e.children(named: "grant-condition").map { ruleCondition($0) },
            mandatoryRelease: e.children(named: "mandatory-release").map { ruleCondition($0) },
            procedure: e.child(named: "procedure").map { procedure($0) },
            supervision: e.child(named: "supervision").map { supervision($0) },
            revocation: e.child(named: "revocation").map { revocation($0) },
            conversions: e.children(named: "conversion").map { conversion($0) },
            notStated: notStated(e),
            notes: texts(e, "note"),
            origin: location(e))
    }

    mutating func threshold(_ e: XMLElement) -> Threshold {
        let f = fraction(e.child(named: "fraction"))
        return Threshold(
            id: e.attribute("id") ?? "", labels: labels(e),
            condition: e.child(named: "when").map { conditions($0) },
            fraction: f?.0, fractionBase: f?.1 ?? .term,
            minimum: duration(e.child(named: "minimum")), fixed: duration(e.child(named: "fixed")),
            combination: e.attribute("combine") == "earlier-of" ? .earlierOf : .laterOf,
            overrides: words(e, "overrides"), validity: validity(e), citations: citations(e),
            notes: texts(e, "note"),
            relativeTo: e.child(named: "relative-to").flatMap { r in
                durationAttribute(r, "before").map { Threshold.RelativeDate(mechanism: r.attribute("mechanism") ?? "", before: $0) }
            })
    }

    mutating func exclusion(_ e: XMLElement) -> Exclusion {
        Exclusion(id: e.attribute("id") ?? "", labels: labels(e),
                  condition: e.child(named: "when").map { conditions($0) } ?? .all([]),
                  exceptions: e.children(named: "exception").map { ruleCondition($0) },
                  validity: validity(e), citations: citations(e), notes: texts(e, "note"))
    }

    mutating func statement(_ e: XMLElement) -> CitedStatement {
        CitedStatement(id: e.attribute("id"), labels: labels(e), validity: validity(e), citations: citations(e))
    }

    func actor(_ e: XMLElement) -> ProceduralActor {
        ProceduralActor(who: e.attribute("who") ?? "", required: e.attribute("required").map { $0 == "true" },
                        labels: labels(e), citations: citations(e))
    }

    mutating func procedure(_ e: XMLElement) -> Procedure {
        let wait = e.child(named: "reapplication-wait")
        return Procedure(
            bodies: e.children(named: "deciding-body").map {
                DecidingBody(id: $0.attribute("id") ?? "", kind: $0.attribute("kind") ?? "", labels: labels($0),
                             validity: validity($0), citations: citations($0))
            },
            initiators: e.children(named: "initiator").map { actor($0) },
            participants: e.children(named: "participant").map { actor($0) },
            hearing: e.children(named: "hearing").map { statement($0) },
            appeals: e.children(named: "appeal").map { statement($0) },
            reapplicationWait: duration(wait?.child(named: "duration")),
            reapplicationCitations: wait.map { citations($0) } ?? [],
            arrangements: e.children(named: "arrangement").map { statement($0) },
            notStated: notStated(e))
    }

    mutating func supervision(_ e: XMLElement) -> Supervision {
        let periodElement = e.child(named: "period")
        let period: Supervision.Period
        switch periodElement?.attribute("kind") {
        case "unserved-remainder": period = .unservedRemainder
        case "fixed":
            if let d = duration(periodElement?.child(named: "duration")) { period = .fixed(d) } else { period = .notStated }
        default: period = .notStated
        }
        return Supervision(by: e.child(named: "by")?.attribute("kind") ?? "", period: period, labels: labels(e),
                           citations: citations(e), notStated: notStated(e))
    }

    mutating func revocationGround(_ g: XMLElement) -> RevocationGround {
        RevocationGround(id: g.attribute("id") ?? "",
                         mode: g.attribute("mode").flatMap(RevocationGround.Mode.init(rawValue:)) ?? .discretionary,
                         initiatedBy: g.attribute("initiated-by"), labels: labels(g),
                         condition: g.child(named: "when").map { conditions($0) },
                         consequence: g.child(named: "consequence")?.attribute("kind") ?? "",
                         validity: validity(g), citations: citations(g))
    }

    mutating func revocation(_ e: XMLElement) -> Revocation {
        let time = e.child(named: "time-on-release")
        return Revocation(
            grounds: e.children(named: "ground").map { revocationGround($0) },
            timeOnRelease: time?.attribute("counted").flatMap(Revocation.TimeOnRelease.init(rawValue:)) ?? .notStated,
            timeOnReleaseCitations: time.map { citations($0) } ?? [])
    }

    mutating func conversion(_ e: XMLElement) -> Conversion {
        Conversion(id: e.attribute("id") ?? "", into: e.attribute("into") ?? "",
                   daysOfCustody: int(e, "days-of-custody", in: CorpusLimits.conversionCount) ?? 1,
                   amount: int(e, "amount", in: CorpusLimits.conversionCount) ?? 1,
                   unit: e.attribute("unit") ?? "", requires: e.child(named: "requires").map { conditions($0) },
                   labels: labels(e), validity: validity(e), citations: citations(e))
    }

    mutating func discrepancy(_ e: XMLElement) -> Discrepancy {
        let encoded = e.child(named: "encoded")
        return Discrepancy(
            id: e.attribute("id") ?? "", about: words(e, "about"), labels: labels(e),
            claims: e.children(named: "claim").map { c in
                let f = fraction(c.child(named: "fraction"))
                return Discrepancy.Claim(id: c.attribute("id") ?? "", statements: texts(c, "statement"),
                                         fraction: f?.0, fractionBase: f?.1,
                                         duration: duration(c.child(named: "duration")), citations: citations(c),
                                         reading: c.child(named: "reading").flatMap { claimReading($0) })
            },
            encodedClaim: encoded?.attribute("claim"),
            encodedWhy: encoded.map { texts($0, "why") } ?? [])
    }

    mutating func claimReading(_ e: XMLElement) -> ClaimReading? {
        if let rule = e.attribute("rule") {
            return .condition(rule: rule, e.child(named: "when").map { conditions($0) } ?? .all([]))
        }
        if let kind = e.attribute("intertemporal").flatMap(IntertemporalRule.Kind.init(rawValue:)) { return .intertemporal(kind) }
        return e.attribute("mechanism-kind").map { .mechanismKind($0) }
    }

    mutating func sources(_ root: XMLElement) -> [Source] {
        root.children(named: "source").map { s in
            Source(id: s.attribute("id") ?? "", kind: s.attribute("kind") ?? "", titles: texts(s, "title"),
                   date: date(s, "date"), number: s.child(named: "number").map { $0.collapsedText },
                   url: s.child(named: "url").map { $0.collapsedText },
                   file: s.child(named: "file").map { $0.collapsedText })
        }
    }

    mutating func instrument(_ root: XMLElement) -> Instrument {
        let status = root.child(named: "status")
        return Instrument(
            id: root.attribute("id") ?? "", names: texts(root, "name"),
            shortName: root.child(named: "short-name").map { $0.collapsedText } ?? "",
            bodies: texts(root, "body"),
            year: root.child(named: "year").flatMap { Int($0.collapsedText) },
            binding: status?.attribute("binding").flatMap(Instrument.Binding.init(rawValue:)) ?? .softLaw,
            bindingStated: status?.attribute("basis") != "not-stated",
            relations: root.children(named: "relation").map { r in
                InstrumentRelation(jurisdictionIDs: words(r, "jurisdictions"), kind: r.attribute("kind") ?? "",
                                   validity: validity(r), labels: labels(r), citations: citations(r))
            },
            citations: citations(root),
            provisions: root.children(named: "provision").map { p in
                Provision(id: p.attribute("id") ?? "", number: p.attribute("number"), tags: words(p, "tags"),
                          statements: texts(p, "statement"), citations: citations(p),
                          checks: p.children(named: "check").map { c in
                              ConformanceCheck(id: c.attribute("id") ?? "", feature: c.attribute("feature") ?? "",
                                               conflictWhenPresent: c.attribute("conflict-when") == "present",
                                               labels: labels(c), citations: citations(c))
                          },
                          notes: texts(p, "note"))
            },
            discrepancies: root.children(named: "discrepancy").map { discrepancy($0) },
            notes: texts(root, "note"))
    }

    mutating func courtCases(_ root: XMLElement) -> [CourtCase] {
        root.children(named: "case").map { c in
            CourtCase(id: c.attribute("id") ?? "", names: texts(c, "name"),
                      courts: texts(c, "court"), references: texts(c, "reference"), date: date(c, "date"),
                      instrumentIDs: words(c, "instruments"), holdings: texts(c, "holding"), citations: citations(c),
                      footnoteErrors: c.children(named: "footnote-error").map { (labels($0), citations($0)) })
        }
    }

    func annex(_ root: XMLElement) -> AnnexDefinition {
        AnnexDefinition(
            id: root.attribute("id") ?? "", number: int(root, "number") ?? 0, titles: texts(root, "title"),
            citations: citations(root),
            columns: root.children(named: "column").map { ($0.attribute("key") ?? "", labels($0)) },
            phrases: Dictionary(root.children(named: "phrase").map { ($0.attribute("key") ?? "", labels($0)) },
                                uniquingKeysWith: { a, _ in a }),
            rows: root.children(named: "row").map { r in
                AnnexDefinition.Row(number: int(r, "number") ?? 0, jurisdictionID: r.attribute("jurisdiction") ?? "",
                                    mechanismID: r.attribute("mechanism") ?? "", citations: citations(r))
            })
    }

    func crosswalk(_ root: XMLElement) -> [CrosswalkMapping] {
        root.children(named: "mapping").map { m in
            CrosswalkMapping(id: m.attribute("id") ?? "", fact: m.attribute("fact") ?? "", kind: m.attribute("kind") ?? "",
                             jurisdictionIDs: words(m, "jurisdictions"), labels: labels(m), citations: citations(m))
        }
    }

    /// The vocabulary and the home law, both in vocabulary.xml.
    mutating func vocabulary(_ root: XMLElement) -> (Vocabulary, HomeLaw) {
        var sets: [String: [String: [LocalizedString]]] = [:]
        var defaults: [String: String] = [:]
        var lifeSentence: [String: String] = [:]
        var termCitations: [String: [String: [Citation]]] = [:]
        var features: [String: RegimeFeatureDefinition] = [:]
        var nonCustodial: Set<String> = []
        for set in root.children(named: "term-set") {
            let name = set.attribute("name") ?? ""
            var terms: [String: [LocalizedString]] = [:]
            for t in set.children(named: "term") {
                let id = t.attribute("id") ?? ""
                terms[id] = labels(t)
                let cited = citations(t)
                if !cited.isEmpty { termCitations[name, default: [:]][id] = cited }
                if flag(t, "default") { mark(&defaults, set: name, term: id, at: t, what: "default") }
                if !flag(t, "ends-custody", default: true) {
                    if name == "mechanism-kind" {
                        nonCustodial.insert(id)
                    } else {
                        diagnostics.append(t.diagnostic(.invalidValue,
                            "ends-custody=\"false\" marks a mechanism kind; \(id) is a \(name) term"))
                    }
                }
                if flag(t, "life-sentence") {
                    if name == "punishment" {
                        mark(&lifeSentence, set: name, term: id, at: t, what: "life-sentence")
                    } else {
                        diagnostics.append(t.diagnostic(.invalidValue,
                            "life-sentence=\"true\" marks a punishment; \(id) is a \(name) term"))
                    }
                }
                if let detection = t.child(named: "detection") {
                    if name == "regime-feature" {
                        features[id] = featureDefinition(id, detection, citations: cited)
                    } else {
                        diagnostics.append(detection.diagnostic(.invalidValue,
                            "only regime-feature terms have a <detection>; \(id) is a \(name) term"))
                    }
                }
            }
            sets[name, default: [:]].merge(terms) { a, _ in a }
        }
        var compositions: [String: FactComposition] = [:]
        for c in root.children(named: "fact-composition") {
            let composition = factComposition(c)
            if compositions[composition.name] == nil { compositions[composition.name] = composition }
        }
        var vocabulary = Vocabulary(sets: sets, defaults: defaults, lifeSentence: lifeSentence, citations: termCitations,
                                    compositions: compositions, features: features)
        vocabulary.nonCustodialKinds = nonCustodial
        return (vocabulary, home(root.child(named: "home"), in: root))
    }

    private func flag(_ e: XMLElement, _ attribute: String) -> Bool {
        e.attribute(attribute).map { $0 == "true" || $0 == "1" } ?? false
    }

    private func flag(_ e: XMLElement, _ attribute: String, default value: Bool) -> Bool {
        e.attribute(attribute).map { $0 == "true" || $0 == "1" } ?? value
    }

    /// Records that `term` is the set's marked term; a second one is refused, since a case could take either.
    private mutating func mark(_ marks: inout [String: String], set: String, term: String, at e: XMLElement,
                               what: String) {
        if let first = marks[set] {
            diagnostics.append(e.diagnostic(.invalidValue,
                "\(what)=\"true\" on \(term), but \(first) is already the \(what) of \(set); "
                + "mark one term per set"))
        } else {
            marks[set] = term
        }
    }

    mutating func home(_ e: XMLElement?, in root: XMLElement) -> HomeLaw {
        guard let e else {
            diagnostics.append(root.diagnostic(.invalidValue,
                "vocabulary.xml has no <home jurisdiction=\"…\">; every case is stated "
                + "in some jurisdiction's law, and the corpus must say which"))
            return HomeLaw(jurisdiction: "")
        }
        var age: AgeOfMajority?
        if let a = e.child(named: "age-of-majority") {
            if a.attribute("years") == nil {
                diagnostics.append(a.diagnostic(.invalidValue, "<age-of-majority> has no years="))
            } else if let years = int(a, "years", in: CorpusLimits.majorityAge) {
                age = AgeOfMajority(years: years, validity: validity(a), labels: labels(a), citations: citations(a))
            }
        }
        return HomeLaw(jurisdiction: e.attribute("jurisdiction") ?? "", ageOfMajority: age, labels: labels(e),
                       citations: citations(e))
    }

    mutating func factComposition(_ e: XMLElement) -> FactComposition {
        var sex: Sex?
        var facts: [FactValue] = []
        for m in e.child(named: "means")?.children ?? [] {
            switch m.name {
            case "sex":
                guard let s = m.attribute("is").flatMap(Sex.init(rawValue:)) else { continue }
                if let earlier = sex, earlier != s {
                    diagnostics.append(m.diagnostic(.invalidValue,
                        "a fact composition cannot mean both \(earlier.rawValue) and \(s.rawValue)"))
                }
                sex = s
            case "fact":
                guard let fact = m.attribute("name").flatMap(CaseFact.init(rawValue:)) else {
                    diagnostics.append(m.diagnostic(.unknownName, "unknown fact \"\(m.attribute("name") ?? "")\""))
                    continue
                }
                // Only a plain yes/no fact can be set by a composition: a yes/no value cannot say which "no" of a
                // richer fact (the damage: full, none-claimed or unpaid) is meant.
                guard case .yesNo = fact.declaration.kind else {
                    diagnostics.append(m.diagnostic(.invalidValue,
                        "a fact composition cannot set \(fact.rawValue) (it is read from --\(fact.inputName), "
                        + "not stated as yes or no)"))
                    continue
                }
                facts.append(FactValue(fact, flag(m, "is", default: true)))
            default:
                diagnostics.append(m.diagnostic(.unknownName, "unknown part <\(m.name)> of a fact composition"))
            }
        }
        return FactComposition(name: e.attribute("name") ?? "", sex: sex, facts: facts, labels: labels(e),
                               citations: citations(e))
    }

    // MARK: regime features

    mutating func featureDefinition(_ feature: String, _ e: XMLElement, citations: [Citation]) -> RegimeFeatureDefinition {
        let described = e.child(named: "described")
        return RegimeFeatureDefinition(
            feature: feature,
            present: e.child(named: "present").map { queries($0) } ?? [],
            described: described.map { queries($0) } ?? [],
            describedDespiteNotStated: described.map { flag($0, "despite-not-stated") } ?? false,
            notStatedAspects: words(e, "not-stated"),
            touchedBy: e.child(named: "touched-by").map { touches($0) } ?? [],
            citations: citations)
    }

    private mutating func queries(_ e: XMLElement) -> [RegimeQuery] { e.children(named: "find").map { query($0) } }

    private mutating func query(_ e: XMLElement) -> RegimeQuery {
        var parts: [RegimeQuery.Part] = []
        for w in words(e, "parts") {
            if let p = RegimeQuery.Part(rawValue: w) { parts.append(p) } else {
                diagnostics.append(e.diagnostic(.unknownName, "unknown regime part \"\(w)\"; known: "
                    + RegimeQuery.Part.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        let mentions = e.child(named: "mentions").map { patterns($0) } ?? []
        // A filter on a part it does not concern would match nothing there, in silence: each filter is allowed
        // only on the parts it applies to.
        func only(_ attribute: String, _ part: RegimeQuery.Part) {
            if e.attribute(attribute) != nil, parts.contains(where: { $0 != part }) {
                diagnostics.append(e.diagnostic(.invalidValue,
                    "\(attribute)= applies only to parts=\"\(part.rawValue)\""))
            }
        }
        only("with", .threshold)
        only("by", .supervision)
        only("by-other-than", .supervision)
        only("who", .participant)
        only("required", .participant)
        only("mode", .revocationGround)
        only("consequence", .revocationGround)
        if !mentions.isEmpty, parts.contains(where: { !$0.hasCondition }) {
            diagnostics.append(e.diagnostic(.invalidValue,
                "<mentions> applies only to parts with a condition (exclusion, threshold, "
                + "exception, grant-condition, mandatory-release, condition-set)"))
        }
        return RegimeQuery(
            parts: parts, mechanismKinds: e.attribute("mechanism-kinds").map { _ in Set(words(e, "mechanism-kinds")) },
            mentions: mentions, thresholdWith: e.attribute("with").flatMap(RegimeQuery.ThresholdTime.init(rawValue:)),
            supervisor: e.attribute("by"), supervisorOtherThan: e.attribute("by-other-than"),
            participant: e.attribute("who"), participantRequired: e.attribute("required").map { $0 == "true" || $0 == "1" },
            revocationMode: e.attribute("mode").flatMap(RevocationGround.Mode.init(rawValue:)),
            revocationConsequence: e.attribute("consequence"))
    }

    private mutating func patterns(_ e: XMLElement) -> [LeafPattern] {
        e.children.compactMap { c -> LeafPattern? in
            switch c.name {
            case "fact":
                guard let fact = c.attribute("name").flatMap(CaseFact.init(rawValue:)) else {
                    diagnostics.append(c.diagnostic(.unknownName, "unknown fact \"\(c.attribute("name") ?? "")\""))
                    return nil
                }
                return .fact(fact, flag(c, "is", default: true))
            case "life": return .life(flag(c, "is", default: true))
            case "age":
                guard let moment = c.attribute("at").flatMap(AgeMoment.init(rawValue:)),
                      let atMost = int(c, "lt-at-most", in: CorpusLimits.age) else {
                    diagnostics.append(c.diagnostic(.invalidValue,
                        "<age> in <mentions> needs at= (offence or decision) and lt-at-most="))
                    return nil
                }
                return .ageBelow(moment, atMost: atMost)
            default:
                diagnostics.append(c.diagnostic(.unknownName, "unknown leaf <\(c.name)> in <mentions>"))
                return nil
            }
        }
    }

    private mutating func touches(_ e: XMLElement) -> [CaseTouch] {
        e.children.compactMap { c -> CaseTouch? in
            switch c.name {
            case "outcome": return .outcome(c.attribute("status") ?? "")
            case "life": return .life(flag(c, "is", default: true))
            case "fact":
                guard let fact = c.attribute("name").flatMap(CaseFact.init(rawValue:)) else {
                    diagnostics.append(c.diagnostic(.unknownName, "unknown fact \"\(c.attribute("name") ?? "")\""))
                    return nil
                }
                return .fact(fact, flag(c, "is", default: true))
            default:
                diagnostics.append(c.diagnostic(.unknownName, "unknown part <\(c.name)> of <touched-by>"))
                return nil
            }
        }
    }
}
