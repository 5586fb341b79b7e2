/// Reads a draft into a case, fact by fact in catalogue order, each by its declared kind; then checks the facts
/// against each other (a birth date after the as-of date, a pregnant man, a life term that is not the life
/// punishment). The first problem found is thrown, naming the fact.
struct FactReader {
    /// The stated values by catalogue position.
    let draft: [DraftValue?]
    let vocabulary: Vocabulary
    let today: CalendarDate
    /// The case being filled; the required facts replace these placeholders before it is returned.
    private var built: Case

    init(draft: [DraftValue?], vocabulary: Vocabulary, today: CalendarDate) {
        self.draft = draft
        self.vocabulary = vocabulary
        self.today = today
        built = Case(term: .life, category: nil, punishment: "", start: today, asOf: today)
    }

    mutating func build() throws(CaseInputError) -> Case {
        var compositions: [FactComposition] = []
        for (position, fact) in CaseFactCatalogue.all.enumerated() {
            guard let value = draft[position] else {
                try unstated(fact)
                continue
            }
            guard value.fits(fact.inputShape) else {
                throw CaseInputError(field: fact.name, message: "must be " + fact.inputShape.expectation)
            }
            if let composition = try read(value, of: fact, at: position) { compositions.append(composition) }
        }
        try checkTogether(compositions)
        // The composition's facts override what the case says of them, as the flag always did.
        for part in compositions.flatMap(\.facts) { built.set(part.fact, to: part.value) }
        return built
    }

    /// A fact the draft does not state: an error when required, its default otherwise.
    private mutating func unstated(_ fact: CaseFactDeclaration) throws(CaseInputError) {
        switch fact.kind {
        case .term where fact.required:
            throw CaseInputError(field: fact.name, message: "missing; give the sentence, e.g. 9y, 7y6m, 2y3m15d or life")
        case .date where fact.required:
            throw CaseInputError(field: fact.name, message: "missing; give the start of the term as YYYY-MM-DD")
        case .vocabularyTerm(_, let set) where fact.required:
            throw CaseInputError(field: fact.name, message: "missing; one of " + vocabulary.terms(of: set).joined(separator: ", "))
        case .defaultedTerm(let slot, let set):
            // The default is the vocabulary's (corpus/vocabulary.xml, `default="true"`), not the program's.
            guard let term = vocabulary.defaultTerm(of: set) else {
                throw CaseInputError(field: fact.name, message: "missing, and the corpus marks no default \(set); one of "
                    + vocabulary.terms(of: set).joined(separator: ", "))
            }
            built[keyPath: slot] = term
        case .defaultedDate(let slot): built[keyPath: slot] = today
        default: break
        }
    }

    /// Reads one stated fact into the case; a composition is returned, to be applied once every fact is read.
    private mutating func read(_ value: DraftValue, of fact: CaseFactDeclaration, at position: Int) throws(CaseInputError)
        -> FactComposition?
    {
        switch (fact.kind, value) {
        case (.term(let slot), .text(let text)):
            built[keyPath: slot] = try CaseDraft.parseTerm(text)
        case (.date(let slot), .text(let text)), (.defaultedDate(let slot), .text(let text)):
            built[keyPath: slot] = try CaseDraft.parseDate(text, field: fact.name)
            if case .date = fact.kind { try CaseLimits.check(term: built.term, termText: termText, start: built.start) }
        case (.optionalDate(let slot), .text(let text)):
            built[keyPath: slot] = try CaseDraft.parseDate(text, field: fact.name)
        case (.age(let slot), .number(let years)):
            guard CaseLimits.ages.contains(years) else {
                throw CaseInputError(field: fact.name, message: "\(years) is not an age between \(CaseLimits.ages.lowerBound) "
                    + "and \(CaseLimits.ages.upperBound)")
            }
            built[keyPath: slot] = years
        case (.disabilityGroup(let slot, let set), .number(let group)):
            // The groups a case may state are the vocabulary's.
            guard vocabulary.contains(String(group), in: set) else {
                throw CaseInputError(field: fact.name, message: "\(group) is not a disability group ("
                    + CaseDraft.alternatives(vocabulary.disabilityGroups.map(String.init)) + ")")
            }
            built[keyPath: slot] = group
        case (.vocabularyTerm(let slot, let set), .text(let text)):
            built[keyPath: slot] = try known(text, set: set, field: fact.name)
        case (.defaultedTerm(let slot, let set), .text(let text)):
            built[keyPath: slot] = try known(text, set: set, field: fact.name)
        case (.vocabularyTerms(let slot, let set), .list(let texts)):
            var terms: Set<String> = []
            for text in texts { terms.insert(try known(text, set: set, field: fact.name)) }
            built[keyPath: slot] = terms
        case (.sex(let slot), .text(let text)):
            guard let sex = Sex(rawValue: text.lowercased()) else {
                throw CaseInputError(field: fact.name, message: "\(InputText.quoted(text)) is not "
                    + CaseDraft.alternatives(Sex.allCases.map(\.rawValue)))
            }
            built[keyPath: slot] = sex
        case (.damage(let slot), .text(let text)):
            guard let status = DamageStatus(rawValue: text) else {
                throw CaseInputError(field: fact.name, message: "\(InputText.quoted(text)) is not one of "
                    + DamageStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            built[keyPath: slot] = status
        case (.yesNo, .yesNo(let answer)):
            built.answers[position] = answer
        case (.composition, .yesNo(let stated)):
            return try composition(named: fact.name, stated: stated)
        default:
            throw CaseInputError(field: fact.name, message: "must be " + fact.inputShape.expectation)
        }
        return nil
    }

    /// The term as stated, for messages about it.
    private var termText: String {
        if let term = CaseFactCatalogue.position(of: "term"), case .text(let text)? = draft[term] { return text }
        return built.term.description
    }

    /// The facts checked against each other, once each is known to be well formed.
    private mutating func checkTogether(_ compositions: [FactComposition]) throws(CaseInputError) {
        try Self.checkTogether(&built, compositions, vocabulary: vocabulary)
    }

    /// A case whose every fact is unstated, at its default (the vocabulary's default terms, `today` for a date
    /// that defaults to it); the required facts hold placeholders, for the caller to replace.
    static func unstatedCase(vocabulary: Vocabulary, today: CalendarDate) throws(CaseInputError) -> Case {
        var reader = FactReader(draft: Array(repeating: nil, count: CaseFactCatalogue.all.count), vocabulary: vocabulary,
                                today: today)
        for fact in CaseFactCatalogue.all where !fact.required { try reader.unstated(fact) }
        return reader.built
    }

    /// The fact a man cannot state (found once: every case read is checked against it).
    private static let pregnancy = CaseFact.allCases.filter { $0.declaration.name == "pregnant" }

    /// `built`'s facts checked against each other, the compositions' facts applied; shared by every way of
    /// reading a case, so that each refuses the same cases.
    static func checkTogether(_ built: inout Case, _ compositions: [FactComposition], vocabulary: Vocabulary)
        throws(CaseInputError)
    {
        for composition in compositions {
            guard let implied = composition.sex else { continue }
            if let given = built.sex, given != implied {
                throw CaseInputError(field: composition.name, message: "contradicts --sex \(given.rawValue)")
            }
            built.sex = implied
        }
        for fact in pregnancy where built.value(of: fact) == true {
            if built.sex == .male { throw CaseInputError(field: fact.inputName, message: "contradicts --sex male") }
        }
        if let offence = built.offenceDate {
            if offence > built.start {
                throw CaseInputError(field: "offence-date", message: "\(offence) is after the start of the term \(built.start); "
                    + "a term is served for an offence already committed")
            }
            if let birth = built.birthDate, birth > offence {
                throw CaseInputError(field: "offence-date", message: "\(offence) is before the birth date \(birth)")
            }
        }
        if let birth = built.birthDate {
            if birth > built.asOf {
                throw CaseInputError(field: "birth-date", message: "\(birth) is after the as-of date \(built.asOf)")
            }
            if built.age != nil {
                throw CaseInputError(field: "age", message: "give either --age or --birth-date, not both")
            }
        }
        // Which punishment a life sentence is comes from the vocabulary (`life-sentence="true"`).
        if built.term.isLife {
            guard let lifePunishment = vocabulary.lifeSentenceTerm(of: "punishment") else {
                throw CaseInputError(field: "term", message: "the corpus marks no punishment a life sentence is, so a "
                    + "life term cannot be read")
            }
            if built.punishment != lifePunishment {
                throw CaseInputError(field: "punishment", message: "a life sentence is \(lifePunishment), not \(built.punishment)")
            }
        }
    }

    /// The fact composition a stated flag stands for; `nil` when the flag says no.
    private func composition(named name: String, stated: Bool) throws(CaseInputError) -> FactComposition? {
        guard stated else { return nil }
        guard let composition = vocabulary.compositions[name] else {
            throw CaseInputError(field: name, message: "the corpus does not define \(name) (corpus/vocabulary.xml "
                + "<fact-composition>), so the flag cannot be read")
        }
        return composition
    }

    private func known(_ term: String, set: String, field: String) throws(CaseInputError) -> String {
        let lowered = term.lowercased()
        guard vocabulary.contains(lowered, in: set) else {
            let terms = vocabulary.terms(of: set)
            let hint = Suggestion.nearest(to: lowered, among: terms).map { "did you mean \($0)? " } ?? ""
            throw CaseInputError(field: field, message: "unknown \(set) \(InputText.quoted(term)); \(hint)known: "
                + terms.joined(separator: ", "))
        }
        return lowered
    }
}
