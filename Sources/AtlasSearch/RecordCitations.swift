import AtlasModel

/// The citations behind any record of a corpus, by id: a jurisdiction's or an instrument's are every citation
/// inside it, a rule's, provision's, discrepancy's, reform's or case's its own. What `cite` turns into references.
public struct RecordCitations: Sendable {
    var byID: [String: [Citation]] = [:]
    /// A jurisdiction's or instrument's id → the ids of the records inside it, in corpus order.
    var members: [String: [String]] = [:]
    /// Ids in the order first met, for suggestions.
    public private(set) var ids: [String] = []

    /// The citations of every record of `corpus`.
    public init(corpus: Corpus) {
        for j in corpus.jurisdictions {
            owner = j.id
            var all = j.legalFamilyCitations + j.conditionSets.flatMap(\.citations) + j.notStated.flatMap(\.citations)
            for set in j.conditionSets { add(set.id, set.citations) }
            for m in j.mechanisms {
                var mechanism: [Citation] = []
                for v in m.versions {
                    var version = v.citations + v.scope.citations + v.notStated.flatMap(\.citations)
                    for t in v.thresholds { add(t.id, t.citations); version += t.citations }
                    for x in v.exclusions {
                        add(x.id, x.citations); version += x.citations
                        for e in x.exceptions { add(e.id, e.citations); version += e.citations }
                    }
                    for g in v.grantConditions + v.mandatoryRelease { add(g.id, g.citations); version += g.citations }
                    if let p = v.procedure {
                        for b in p.bodies { add(b.id, b.citations); version += b.citations }
                        version += (p.initiators + p.participants).flatMap(\.citations)
                            + (p.hearing + p.appeals + p.arrangements).flatMap(\.citations)
                            + p.reapplicationCitations + p.notStated.flatMap(\.citations)
                    }
                    if let s = v.supervision { version += s.citations + s.notStated.flatMap(\.citations) }
                    if let r = v.revocation {
                        for g in r.grounds { add(g.id, g.citations); version += g.citations }
                        version += r.timeOnReleaseCitations
                    }
                    for c in v.conversions { add(c.id, c.citations); version += c.citations }
                    add(v.id, version)
                    mechanism += version
                }
                add(m.id, mechanism)
                all += mechanism
            }
            for d in j.discrepancies {
                let cited = d.claims.flatMap(\.citations)
                add(d.id, cited)
                all += cited
            }
            add(j.id, all)
        }
        for i in corpus.instruments {
            owner = i.id
            var all = i.citations + i.relations.flatMap(\.citations)
            for p in i.provisions {
                let cited = p.citations + p.checks.flatMap(\.citations)
                add(p.id, cited)
                all += cited
            }
            for d in i.discrepancies {
                let cited = d.claims.flatMap(\.citations)
                add(d.id, cited)
                all += cited
            }
            add(i.id, all)
        }
        owner = nil
        for p in corpus.reformPackages {
            var all = p.citations
            for r in p.reforms {
                let cited = r.citations + [r.current, r.proposed, r.justification].compactMap { $0 }.flatMap(\.citations)
                add(r.id, cited)
                all += cited
            }
            add(p.id, all)
        }
        for c in corpus.cases { add(c.id, c.citations + c.footnoteErrors.flatMap(\.citations)) }
    }

    /// The jurisdiction or instrument whose records are being added.
    private var owner: String?

    mutating func add(_ id: String, _ citations: [Citation]) {
        if byID[id] == nil { ids.append(id) }
        if let owner, owner != id, members[owner]?.contains(id) != true { members[owner, default: []].append(id) }
        byID[id, default: []] += citations
    }

    /// The records inside the jurisdiction or instrument `owner` with their own citations, in corpus order, the
    /// owner's own citations (those on no record inside it) first.
    public func records(in owner: String) -> [(id: String, citations: [Citation])] {
        let inner = members[owner] ?? []
        let innerCitations = Set(inner.flatMap { byID[$0] ?? [] })
        let own = (citations(of: owner) ?? []).filter { !innerCitations.contains($0) }
        return [(owner, own)] + inner.map { ($0, citations(of: $0) ?? []) }
    }

    /// The citations of the record `id`, each once, in corpus order; `nil` when no record has that id.
    public func citations(of id: String) -> [Citation]? {
        guard let all = byID[id] else { return nil }
        var seen: Set<Citation> = []
        return all.filter { seen.insert($0).inserted }
    }
}
