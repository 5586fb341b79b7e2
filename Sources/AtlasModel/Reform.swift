/// A package of proposed changes to one jurisdiction's law (corpus/reforms/*.xml, or a user's own file): an
/// amendment table of the report, its recommendations, or a drafter's what-if. Nothing in it is the law in force;
/// `ReformStack` applies it on top of the law before the law is compiled.
public struct ReformPackage: Sendable, Identifiable {
    public var id: String
    /// The jurisdiction whose law the package changes.
    public var jurisdiction: String
    public var labels: [LocalizedString]
    /// Set when the package is one of the report's amendment tables (`parole annex N`).
    public var table: AmendmentTable?
    public var citations: [Citation]
    public var notes: [LocalizedString]
    public var reforms: [Reform]
    public var origin: SourceLocation?

    public init(id: String, jurisdiction: String, labels: [LocalizedString], table: AmendmentTable? = nil,
                citations: [Citation] = [], notes: [LocalizedString] = [], reforms: [Reform],
                origin: SourceLocation? = nil) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.labels = labels
        self.table = table
        self.citations = citations
        self.notes = notes
        self.reforms = reforms
        self.origin = origin
    }
}

/// The report's printed amendment table a package reproduces.
public struct AmendmentTable: Sendable {
    /// The annex number (2, 3).
    public var annex: Int
    public var title: TableText
    public init(annex: Int, title: TableText) {
        self.annex = annex
        self.title = title
    }
}

/// One cell of an amendment table: the report's Kazakh text as quotations checked against the seed (one per piece
/// the print splits it into), and renderings in the other languages.
public struct TableText: Sendable {
    public var citations: [Citation]
    /// Renderings (ru, en); the Kazakh text is the quotations'.
    public var renderings: [LocalizedString]
    public init(citations: [Citation], renderings: [LocalizedString]) {
        self.citations = citations
        self.renderings = renderings
    }

    /// The cell in `language`: the report's own words for Kazakh, the rendering otherwise.
    public func text(in language: String) -> String? {
        let quoted = citations.flatMap(\.quotes).filter { $0.language == language }.map(\.text)
        if !quoted.isEmpty {
            // Pieces the print split are joined as the seed's lines are read: a word broken with a hyphen at the
            // end of one piece ("мінез-") continues the next piece without a space.
            return quoted.dropFirst().reduce(quoted[0]) { text, piece in
                let hyphenated = text.hasSuffix("-") && text.dropLast().last.map { !$0.isWhitespace } == true
                return text + (hyphenated ? "" : " ") + piece
            }
        }
        return renderings.first { $0.language == language }?.text
    }
}

/// One proposal: a table row (or one variant of it) or a recommendation, with what it changes in the law.
public struct Reform: Sendable, Identifiable {
    public var id: String
    /// The jurisdiction whose law the reform changes (its package's).
    public var jurisdiction: String
    /// The printed row number, for table rows.
    public var row: Int?
    /// Vocabulary term of the `reform-kind` set.
    public var kind: String
    /// The amended act (a source id), when the row names one.
    public var act: String?
    /// Alternative drafts: a stack takes every reform of one set in the same variant.
    public var variantSet: String?
    public var variant: Int?
    public var labels: [LocalizedString]
    /// The structural element as printed (article, part, item).
    public var element: [LocalizedString]
    public var current: TableText?
    public var proposed: TableText?
    public var justification: TableText?
    /// What the reform does to the law, in order; empty when it changes nothing the atlas computes.
    public var changes: [ReformChange]
    public var citations: [Citation]
    public var notes: [LocalizedString]
    public var origin: SourceLocation?

    public init(id: String, jurisdiction: String, row: Int? = nil, kind: String, act: String? = nil, variantSet: String? = nil,
                variant: Int? = nil, labels: [LocalizedString], element: [LocalizedString] = [],
                current: TableText? = nil, proposed: TableText? = nil, justification: TableText? = nil,
                changes: [ReformChange] = [], citations: [Citation] = [], notes: [LocalizedString] = [],
                origin: SourceLocation? = nil) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.row = row
        self.kind = kind
        self.act = act
        self.variantSet = variantSet
        self.variant = variant
        self.labels = labels
        self.element = element
        self.current = current
        self.proposed = proposed
        self.justification = justification
        self.changes = changes
        self.citations = citations
        self.notes = notes
        self.origin = origin
    }

    /// Whether the reform changes something the atlas computes.
    public var isComputable: Bool { !changes.isEmpty }
}

/// One change a reform makes to the law, naming the rule or mechanism it touches by corpus id.
public struct ReformChange: Sendable {
    public enum Action: Sendable {
        /// New values for a threshold; `nil` parts keep the rule's own.
        case setThreshold(rule: String, fraction: Rational?, base: Threshold.Base?, minimum: CalendarDuration?,
                          fixed: CalendarDuration?)
        /// A new condition for a threshold, exclusion, exception, grant condition, mandatory release or scope.
        case setCondition(rule: String, Condition)
        /// One more way for a rule's condition to hold (the old condition or this one).
        case addAlternative(rule: String, Condition)
        case addThreshold(mechanism: String, Threshold)
        case addExclusion(mechanism: String, Exclusion)
        case addException(exclusion: String, RuleCondition)
        case addGrantCondition(mechanism: String, RuleCondition)
        case addMandatoryRelease(mechanism: String, RuleCondition)
        case addRevocationGround(mechanism: String, RevocationGround)
        /// Removes a threshold, exclusion, exception, grant condition, mandatory release or revocation ground.
        case remove(rule: String)
        case setDecidingBody(mechanism: String, DecidingBody)
        case setReapplicationWait(mechanism: String, CalendarDuration)
    }

    public var action: Action
    /// Where the change is written (a file and line, or the command-line flag), for errors.
    public var place: String
    /// The place in a file, when the change was read from one.
    public var origin: SourceLocation?

    public init(_ action: Action, place: String, origin: SourceLocation? = nil) {
        self.action = action
        self.place = place
        self.origin = origin
    }

    /// The id of the rule the change touches or adds (what a trace names), or the mechanism's for mechanism-wide
    /// changes.
    public var ruleID: String {
        switch action {
        case .setThreshold(let rule, _, _, _, _), .setCondition(let rule, _), .addAlternative(let rule, _),
             .remove(let rule): rule
        case .addThreshold(_, let t): t.id
        case .addExclusion(_, let x): x.id
        case .addException(_, let e), .addGrantCondition(_, let e), .addMandatoryRelease(_, let e): e.id
        case .addRevocationGround(_, let g): g.id
        case .setDecidingBody(_, let b): b.id
        case .setReapplicationWait(let m, _): m
        }
    }
}
