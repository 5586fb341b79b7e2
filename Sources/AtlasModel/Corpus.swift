/// Everything loaded from a corpus directory.
public struct Corpus: Sendable {
    public var jurisdictions: [Jurisdiction]
    public var instruments: [Instrument]
    public var cases: [CourtCase]
    public var annexes: [AnnexDefinition]
    public var crosswalk: [CrosswalkMapping] = []
    /// Proposed reforms (corpus/reforms), never part of the law until a command applies them.
    public var reformPackages: [ReformPackage] = []
    /// The report's statistical tables (corpus/stats), as printed, with the seed lines of every cell.
    public var stats: [StatsTable] = []
    public var sources: [Source]
    public var vocabulary: Vocabulary
    /// The jurisdiction every case is stated in and how its law reads the case (corpus/vocabulary.xml `<home>`).
    public var home: HomeLaw
    /// SHA-256 (64 lowercase hex digits) of the exact documents this corpus was read from, when it was read from
    /// files: with the program's version, what a computation can be cited and reproduced by.
    public var digest: String?
    public init(jurisdictions: [Jurisdiction], instruments: [Instrument] = [], cases: [CourtCase] = [],
                annexes: [AnnexDefinition] = [], sources: [Source], vocabulary: Vocabulary, home: HomeLaw) {
        self.jurisdictions = jurisdictions
        self.instruments = instruments
        self.cases = cases
        self.annexes = annexes
        self.sources = sources
        self.vocabulary = vocabulary
        self.home = home
    }
    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
    public func annex(_ number: Int) -> AnnexDefinition? { annexes.first { $0.number == number } }
    public func jurisdiction(_ id: String) -> Jurisdiction? { jurisdictions.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    /// The reform called `id` (a reform of any package), with its package.
    public func reform(_ id: String) -> (package: ReformPackage, reform: Reform)? {
        for p in reformPackages { if let r = p.reforms.first(where: { $0.id == id }) { return (p, r) } }
        return nil
    }
    /// The reform package called `id`.
    public func reformPackage(_ id: String) -> ReformPackage? { reformPackages.first { $0.id == id } }
    /// The statistical table called `id`.
    public func statsTable(_ id: String) -> StatsTable? { stats.first { $0.id == id } }
}
