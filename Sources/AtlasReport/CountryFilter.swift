import AtlasEngine
import AtlasModel

/// What `countries` can narrow the list to, each read off the law the overview shows (the version in force on its
/// date, else the latest). A jurisdiction whose sources do not state the value asked about is left out: a filter
/// keeps only what the corpus says, never what it does not contradict.
public struct CountryFilter: Sendable {
    /// Only this legal family (a `legal-family` term).
    public var family: String?
    /// Only jurisdictions with a mechanism of this kind (a `mechanism-kind` term).
    public var mechanism: String?
    /// Only jurisdictions whose smallest share of the term to serve is at least this.
    public var minShare: Rational?
    /// Only jurisdictions whose smallest share of the term to serve is at most this.
    public var maxShare: Rational?
    /// Only jurisdictions where a life sentence can be reviewed for release after at most this time.
    public var lifeReviewWithin: CalendarDuration?

    public init(family: String? = nil, mechanism: String? = nil, minShare: Rational? = nil, maxShare: Rational? = nil,
                lifeReviewWithin: CalendarDuration? = nil) {
        self.family = family
        self.mechanism = mechanism
        self.minShare = minShare
        self.maxShare = maxShare
        self.lifeReviewWithin = lifeReviewWithin
    }

    /// Whether `j` passes every filter given, as `overview` shows it.
    public func admits(_ j: Jurisdiction, in overview: CorpusOverview) -> Bool {
        if let family, j.legalFamily != family { return false }
        let facts = CountryFacts(j, overview)
        if let mechanism, !facts.mechanismKinds.contains(mechanism) { return false }
        if minShare != nil || maxShare != nil {
            guard let lowest = facts.lowestShare else { return false }
            if let minShare, lowest < minShare { return false }
            if let maxShare, lowest > maxShare { return false }
        }
        if let lifeReviewWithin {
            guard let earliest = facts.earliestLifeReview, !CountryFacts.longer(earliest, than: lifeReviewWithin)
            else { return false }
        }
        return true
    }
}

/// The typed values of one row of `countries`: what the text columns show as words.
public struct CountryFacts: Sendable {
    /// The kinds of the mechanisms shown, in corpus order.
    public var mechanismKinds: [String]
    /// The distinct shares of the whole term that thresholds in force ask for, smallest first.
    public var shares: [Rational]
    /// The shortest fixed or minimum time after which a life sentence may be reviewed, if the corpus states one.
    public var earliestLifeReview: CalendarDuration?
    public var discrepancyCount: Int
    /// The `legal-family` term (the text column holds its label).
    public var legalFamily: String

    public var lowestShare: Rational? { shares.first }

    public init(_ j: Jurisdiction, _ overview: CorpusOverview) {
        let shown = overview.versions(j)
        mechanismKinds = shown.map(\.0.kind)
        let thresholds = shown.flatMap(\.1.thresholds).filter { overview.inForce($0.validity) }
        shares = Array(Set(thresholds.filter { $0.fractionBase == .term }.compactMap(\.fraction))).sorted()
        let life = thresholds.filter { ConformanceEvaluator.mentionsLife($0.condition) }
        earliestLifeReview = life.compactMap { $0.fixed ?? $0.minimum }
            .min { CountryFacts.longer($1, than: $0) }
        discrepancyCount = j.discrepancies.count
        legalFamily = j.legalFamily
    }

    /// Whether `a` is longer than `b`, in whole months first and days after (the corpus's durations are years and
    /// months; no threshold mixes days with months).
    static func longer(_ a: CalendarDuration, than b: CalendarDuration) -> Bool {
        (a.totalMonths, a.days) > (b.totalMonths, b.days)
    }

    /// The facts as JSON fields, added beside the text columns of `countries --format json`.
    public var jsonFields: [(String, JSONValue)] {
        [("legalFamilyTerm", .string(legalFamily)), ("mechanismKinds", .array(mechanismKinds.map { .string($0) })),
         ("shares", .array(shares.map { .string($0.description) })),
         ("lowestShare", .string(lowestShare?.description)),
         ("lowestShareValue", lowestShare.map { .decimal(Double($0.numerator) / Double($0.denominator), digits: 4) } ?? .null),
         ("earliestLifeReview", .string(earliestLifeReview?.compact)),
         ("discrepancyCount", .int(discrepancyCount))]
    }
}
