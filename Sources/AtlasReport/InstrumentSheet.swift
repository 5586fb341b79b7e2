import AtlasModel

/// A provision of an instrument: the line that states it and what hangs under it (tags, checks, notes).
public struct InstrumentProvisionSheet: Sendable {
    public var heading: RegimeItem
    public var items: [RegimeItem]
}

/// An international instrument in one language, part by part, as a page shows it: status and sources, each
/// provision with its checks, the discrepancies between sources, the court cases that apply it. Every item keeps
/// its citations apart from its words; `InstrumentText` joins them into the text of `parole show`.
public struct InstrumentSheet: Sendable {
    public var id: String
    /// "Name [id] — short name".
    public var title: String
    /// The body and year, the binding status, the sources.
    public var facts: [RegimeItem]
    public var provisions: [InstrumentProvisionSheet]
    /// The heading of the discrepancies, without the text layout's marker.
    public var disputesHeading: String
    public var disputes: [RegimeDispute]
    public var casesHeading: String
    /// Each court case, its footnote errors nested under it.
    public var cases: [RegimeItem]
    public var notes: [String]

    public init(_ i: Instrument, cases allCases: [CourtCase], vocabulary: Vocabulary, language: Language = .en) {
        let words = RegimeWords(vocabulary: vocabulary, language: language)
        func phrase(_ key: RegimePhrase, _ values: [String: String] = [:]) -> String { words.phrase(key, values) }
        id = i.id
        title = "\(words.text(i.names, i.id)) [\(i.id)] — \(words.shortName(i))"
        var facts: [RegimeItem] = []
        if let body = i.bodies.text(in: language) {
            facts.append(RegimeItem(text: phrase(.instrumentBody, ["body": body]) + (i.year.map { ", \($0)" } ?? "")))
        } else if let year = i.year {
            facts.append(RegimeItem(text: phrase(.instrumentYear, ["year": String(year)])))
        }
        facts.append(RegimeItem(text: phrase(.instrumentStatus, ["binding": InstrumentText.binding(i.binding, words)])
            + (i.bindingStated ? "" : " " + phrase(.instrumentClassificationNotStated))
            + i.relations.map { r in
                "; \(r.jurisdictionIDs.joined(separator: ", ")) \(words.termName(r.kind, in: "instrument-relation"))"
                    + (r.validity.from.map { " " + phrase(.regimePeriodFrom, ["from": $0.description]) } ?? "")
                    + ": " + words.text(r.labels, r.kind)
            }.joined()))
        facts.append(RegimeItem(text: phrase(.instrumentSources), citations: i.citations))
        self.facts = facts
        provisions = i.provisions.map { p in
            let heading = RegimeItem(text: "\(p.number.map { "[\(words.provisionNumber($0))] " } ?? "")\(words.text(p.statements, p.id))",
                                     citations: p.citations, subject: p.id)
            var items: [RegimeItem] = []
            if !p.tags.isEmpty {
                items.append(RegimeItem(text: phrase(.instrumentTags, [
                    "tags": p.tags.map { words.termName($0, in: "provision-tag") }.joined(separator: ", "),
                ])))
            }
            for c in p.checks {
                items.append(RegimeItem(text: phrase(c.conflictWhenPresent ? .instrumentCheckPresent : .instrumentCheckAbsent, [
                    "id": c.id, "feature": words.termName(c.feature, in: "regime-feature"), "text": words.text(c.labels, ""),
                ]), citations: c.citations, subject: c.id))
            }
            for n in InstrumentText.notes(p.notes, language) {
                items.append(RegimeItem(text: phrase(.instrumentProvisionNote, ["text": n])))
            }
            return InstrumentProvisionSheet(heading: heading, items: items)
        }
        disputes = i.discrepancies.map { d in
            RegimeDispute(id: d.id, line: "⚠ \(d.id): \(words.text(d.labels, d.id))", about: d.about, claims: d.claims.map { c in
                RegimeClaim(id: c.id, statement: words.text(c.statements, c.id), encoded: c.id == d.encodedClaim,
                            citations: c.citations)
            })
        }
        disputesHeading = RegimeSheet.unmarked(phrase(.regimeDiscrepancies))
        casesHeading = phrase(.instrumentCases)
        cases = allCases.filter { $0.instrumentIDs.contains(i.id) }.flatMap { c in
            let about = [c.courts.text(in: language), c.references.text(in: language)].compactMap { $0 }
                .joined(separator: ", ")
            return [RegimeItem(text: words.text(c.names, c.id) + (about.isEmpty ? "" : " (\(about))"),
                               citations: c.citations, subject: c.id)]
                + c.footnoteErrors.map { e in
                    RegimeItem(text: phrase(.instrumentFootnoteError, ["text": words.text(e.labels, "")]),
                               citations: e.citations, nested: true)
                }
        }
        notes = InstrumentText.notes(i.notes, language).map { phrase(.instrumentNote, ["text": $0]) }
    }

    /// The discrepancies about `subject`.
    public func disputes(about subject: String?) -> [RegimeDispute] {
        guard let subject else { return [] }
        return disputes.filter { $0.about.contains(subject) }
    }
}
