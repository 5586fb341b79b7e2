import AtlasModel

/// What kind of record a search hit is (`search --kind`).
public enum SearchKind: String, Sendable, CaseIterable {
    case jurisdiction, instrument, provision, rule, citation, discrepancy, reform, `case`
}

/// One text the corpus says, as the index holds it: the words, the record they belong to and where `show` prints
/// them.
public struct SearchDocument: Sendable, Equatable {
    /// The id of the record the text belongs to (a rule, a provision, a discrepancy…; for a quotation, the record
    /// that cites it).
    public var recordID: String
    public var kind: SearchKind
    /// The jurisdiction the text is about, if any (`search --jurisdiction`).
    public var jurisdiction: String?
    /// The id to give `show` (a jurisdiction or an instrument) or `reforms`/`cite` to see the record whole.
    public var showID: String
    /// The language the text is written in (kk, ru, en), or "" for a name written the same in all.
    public var language: String
    /// The text as the corpus writes it.
    public var text: String
    /// How much a hit here counts against hits elsewhere: a name above a label above a long text.
    public var weight: Double

    public init(recordID: String, kind: SearchKind, jurisdiction: String?, showID: String, language: String,
                text: String, weight: Double) {
        self.recordID = recordID
        self.kind = kind
        self.jurisdiction = jurisdiction
        self.showID = showID
        self.language = language
        self.text = text
        self.weight = weight
    }
}

/// Gathers every text of a corpus into `SearchDocument`s: names, labels, rule texts, provisions, verbatim
/// quotations, discrepancy claims, reform justifications and court cases.
public struct SearchCorpusReader {
    /// Weights: what a name says about a record is worth more than one word in a long quotation.
    enum Weight {
        static let name = 4.0
        static let label = 2.0
        static let text = 1.0
    }

    var documents: [SearchDocument] = []

    /// The documents of `corpus`, in corpus order.
    public static func documents(of corpus: Corpus) -> [SearchDocument] {
        var reader = SearchCorpusReader()
        for j in corpus.jurisdictions { reader.add(j) }
        for i in corpus.instruments { reader.add(i) }
        for p in corpus.reformPackages { reader.add(p) }
        for c in corpus.cases { reader.add(c) }
        return reader.documents
    }

    mutating func texts(_ texts: [LocalizedString], _ id: String, _ kind: SearchKind, in jurisdiction: String?,
                        show: String, weight: Double) {
        for t in texts where !t.text.isEmpty {
            documents.append(SearchDocument(recordID: id, kind: kind, jurisdiction: jurisdiction, showID: show,
                                            language: t.language, text: t.text, weight: weight))
        }
    }

    /// The verbatim quotations and notes of `citations`, as citation hits of the record `id`.
    mutating func quotations(_ citations: [Citation], of id: String, in jurisdiction: String?, show: String) {
        for c in citations {
            texts(c.quotes + c.notes, id, .citation, in: jurisdiction, show: show, weight: Weight.text)
        }
    }

    /// A rule of a regime: its labels, notes and the quotations behind it.
    mutating func rule(_ id: String, labels: [LocalizedString], notes: [LocalizedString] = [],
                       citations: [Citation], in j: String) {
        texts(labels, id, .rule, in: j, show: j, weight: Weight.label)
        texts(notes, id, .rule, in: j, show: j, weight: Weight.text)
        quotations(citations, of: id, in: j, show: j)
    }

    mutating func add(_ j: Jurisdiction) {
        let id = j.id
        texts(j.names, id, .jurisdiction, in: id, show: id, weight: Weight.name)
        quotations(j.legalFamilyCitations, of: id, in: id, show: id)
        for set in j.conditionSets { rule(set.id, labels: set.labels, citations: set.citations, in: id) }
        for m in j.mechanisms {
            texts(m.labels, m.id, .rule, in: id, show: id, weight: Weight.label)
            for v in m.versions {
                rule(v.id, labels: v.scope.labels, notes: v.notes, citations: v.citations + v.scope.citations, in: id)
                for t in v.thresholds { rule(t.id, labels: t.labels, notes: t.notes, citations: t.citations, in: id) }
                for x in v.exclusions {
                    rule(x.id, labels: x.labels, notes: x.notes, citations: x.citations, in: id)
                    for e in x.exceptions { rule(e.id, labels: e.labels, citations: e.citations, in: id) }
                }
                for g in v.grantConditions + v.mandatoryRelease {
                    rule(g.id, labels: g.labels, citations: g.citations, in: id)
                }
                if let p = v.procedure {
                    for b in p.bodies { rule(b.id, labels: b.labels, citations: b.citations, in: id) }
                    for a in p.initiators + p.participants { rule(v.id, labels: a.labels, citations: a.citations, in: id) }
                    for s in p.hearing + p.appeals + p.arrangements {
                        rule(s.id ?? v.id, labels: s.labels, citations: s.citations, in: id)
                    }
                    for n in p.notStated { rule(v.id, labels: [], notes: n.notes, citations: n.citations, in: id) }
                }
                if let s = v.supervision {
                    rule(v.id, labels: s.labels, citations: s.citations, in: id)
                    for n in s.notStated { rule(v.id, labels: [], notes: n.notes, citations: n.citations, in: id) }
                }
                for g in v.revocation?.grounds ?? [] { rule(g.id, labels: g.labels, citations: g.citations, in: id) }
                for c in v.conversions { rule(c.id, labels: c.labels, citations: c.citations, in: id) }
                for n in v.notStated { rule(v.id, labels: [], notes: n.notes, citations: n.citations, in: id) }
            }
        }
        for d in j.discrepancies { discrepancy(d, in: id, show: id) }
        for n in j.notStated { rule(id, labels: [], notes: n.notes, citations: n.citations, in: id) }
    }

    mutating func discrepancy(_ d: Discrepancy, in jurisdiction: String?, show: String) {
        texts(d.labels, d.id, .discrepancy, in: jurisdiction, show: show, weight: Weight.label)
        texts(d.encodedWhy, d.id, .discrepancy, in: jurisdiction, show: show, weight: Weight.text)
        for claim in d.claims {
            texts(claim.statements, d.id, .discrepancy, in: jurisdiction, show: show, weight: Weight.text)
            quotations(claim.citations, of: d.id, in: jurisdiction, show: show)
        }
    }

    mutating func add(_ i: Instrument) {
        let id = i.id
        texts(i.names, id, .instrument, in: nil, show: id, weight: Weight.name)
        if !i.shortName.isEmpty {
            texts([LocalizedString(language: "", text: i.shortName)], id, .instrument, in: nil, show: id,
                  weight: Weight.name)
        }
        texts(i.bodies + i.notes, id, .instrument, in: nil, show: id, weight: Weight.text)
        quotations(i.citations, of: id, in: nil, show: id)
        for r in i.relations {
            // A relation is about the jurisdictions it names; it is indexed once for each, so that
            // `--jurisdiction kz` finds what the instruments say of Kazakhstan.
            for j in r.jurisdictionIDs {
                texts(r.labels, id, .instrument, in: j, show: id, weight: Weight.text)
                quotations(r.citations, of: id, in: j, show: id)
            }
        }
        for p in i.provisions {
            texts(p.statements, p.id, .provision, in: nil, show: id, weight: Weight.label)
            texts(p.notes, p.id, .provision, in: nil, show: id, weight: Weight.text)
            quotations(p.citations, of: p.id, in: nil, show: id)
        }
        for d in i.discrepancies { discrepancy(d, in: nil, show: id) }
    }

    mutating func add(_ p: ReformPackage) {
        texts(p.labels, p.id, .reform, in: p.jurisdiction, show: p.id, weight: Weight.label)
        texts(p.notes, p.id, .reform, in: p.jurisdiction, show: p.id, weight: Weight.text)
        quotations(p.citations, of: p.id, in: p.jurisdiction, show: p.id)
        for r in p.reforms {
            texts(r.labels + r.element, r.id, .reform, in: r.jurisdiction, show: r.id, weight: Weight.label)
            for t in [r.current, r.proposed, r.justification].compactMap({ $0 }) {
                texts(t.renderings, r.id, .reform, in: r.jurisdiction, show: r.id, weight: Weight.text)
                quotations(t.citations, of: r.id, in: r.jurisdiction, show: r.id)
            }
            texts(r.notes, r.id, .reform, in: r.jurisdiction, show: r.id, weight: Weight.text)
            quotations(r.citations, of: r.id, in: r.jurisdiction, show: r.id)
        }
    }

    mutating func add(_ c: CourtCase) {
        // A case is printed with the instrument it applies (`show` of that instrument).
        let show = c.instrumentIDs.first ?? c.id
        texts(c.names, c.id, .case, in: nil, show: show, weight: Weight.name)
        texts(c.courts + c.references, c.id, .case, in: nil, show: show, weight: Weight.label)
        texts(c.holdings, c.id, .case, in: nil, show: show, weight: Weight.text)
        quotations(c.citations, of: c.id, in: nil, show: show)
    }
}
