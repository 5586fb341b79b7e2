import AtlasEngine
import AtlasModel

/// Reforms in words: the list `parole reforms` prints, the heading of a run under reforms, and the before/after
/// comparison of `parole whatif`.
public enum ReformText {
    /// One line naming the reforms applied and, below it, when they enter into force and whom they reach.
    /// `asOfOption` names how the reader sets the as-of date (a flag on the command line, a field on the web).
    public static func heading(_ stack: ReformStack, effective: CalendarDate, asOf: CalendarDate?, corpus: Corpus,
                               _ w: Wording, asOfOption: String = "as-of") -> [String] {
        let names = stack.reforms.map { r in "\(r.id) (\(r.labels.text(in: w.language) ?? r.kind))" }
        var lines = [w.text(.whatifHeading, ["reforms": names.joined(separator: "; ")]),
                     w.text(.whatifEffective, ["date": effective.description])]
        if let asOf, effective > asOf {
            lines.append(w.text(.whatifAfterAsOf, ["date": effective.description, "asOf": asOf.description,
                                                   "flag": asOfOption]))
        }
        for r in stack.reforms where !r.isComputable {
            lines.append(w.text(.whatifNotComputable, ["id": r.id, "kind": kindName(r.kind, w)]))
        }
        return lines
    }

    static func kindName(_ kind: String, _ w: Wording) -> String {
        w.vocabulary.label(kind, in: "reform-kind", language: w.language.rawValue)
    }

    // MARK: parole reforms

    /// Every package (of `jurisdiction`, when given) and its reforms, as tables.
    public static func list(_ packages: [ReformPackage], corpus: Corpus, _ w: Wording, markdown: Bool) -> String {
        guard !packages.isEmpty else { return w.text(.reformNone) }
        var out = [markdown ? "# " + w.text(.reformListHeading) : w.text(.reformListHeading)]
        for p in packages {
            out.append("")
            let title = w.text(.reformPackage, ["id": p.id, "label": p.labels.text(in: w.language) ?? p.id,
                                               "count": String(p.reforms.count)])
            // A package's title runs long: wrapped, so the listing fits a terminal.
            out.append(markdown ? "## " + title : TextTable.wrap(title, width: 140).joined(separator: "\n"))
            out.append("")
            let table = TextTable(header: listHeader(w), rows: p.reforms.map { listRow($0, corpus: corpus, w) },
                                  columnLimits: [0: 42, 1: 6, 2: 16, 3: 8, 4: 40, 5: 10, 6: 18])
            out.append(markdown ? table.markdown() : table.rendered())
        }
        return out.joined(separator: "\n")
    }

    static func listHeader(_ w: Wording) -> [String] {
        [w.text(.reformColumnId), w.text(.reformColumnRow), w.text(.reformColumnKind), w.text(.reformColumnVariant),
         w.text(.reformColumnSummary), w.text(.reformColumnComputes), w.text(.reformColumnSource)]
    }

    static func listRow(_ r: Reform, corpus: Corpus, _ w: Wording) -> [String] {
        [r.id, r.row.map(String.init) ?? "—", kindName(r.kind, w),
         r.variant.map { w.text(.annexReformVariant, ["n": String($0)]) } ?? "—",
         r.labels.text(in: w.language) ?? "", r.isComputable ? w.text(.wordYes) : w.text(.wordNo),
         sourceLine(r, corpus: corpus)]
    }

    /// Where the reform is written: the seed lines of its proposed wording, else of its own citations.
    static func sourceLine(_ r: Reform, corpus: Corpus) -> String {
        let cites = (r.proposed?.citations ?? []) + r.citations
        return cites.prefix(2).map { c in
            [c.sourceID == "seed" ? nil : c.sourceID, c.lines, c.article.map { "art. \($0)" }, c.paragraph]
                .compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "; ")
    }

    // MARK: parole whatif

    /// The comparison as text: the reforms, the case, one row per mechanism whose outcome changes, and the
    /// reformed reasoning for the jurisdictions that change.
    public static func whatIf(_ c: ReformComparison, facts: Case, stack: ReformStack, effective: CalendarDate,
                              corpus: Corpus, _ w: Wording, style: OutcomeText.Style, asOfOption: String = "as-of") -> String {
        let md = style == .markdown
        var out = heading(stack, effective: effective, asOf: facts.asOf, corpus: corpus, w, asOfOption: asOfOption)
            .map { md ? $0 + "  " : $0 }
        out.append("")
        out.append((md ? "## " : "") + w.text(.caseHeading))
        out.append(OutcomeText.caseSummary(facts, w))
        out.append("")
        let total = c.after.reduce(0) { $0 + $1.mechanisms.count }
        if c.differences.isEmpty {
            out.append(w.text(.whatifNoDifference))
        } else {
            let data = whatIfTable(c, w)
            let table = TextTable(header: data.header, rows: data.rows, columnLimits: [1: 20, 2: 30, 3: 30, 4: 24, 5: 34])
            out.append(md ? table.markdown() : table.rendered())
            out.append("")
            out.append(w.text(.whatifUnchanged, ["count": String(total - c.differences.count)]))
            let changed = Set(c.differences.map(\.jurisdiction))
            let reformed = c.after.filter { changed.contains($0.jurisdiction.id) }
            out.append("")
            out.append((md ? "## " : "") + w.text(.whatifAfterHeading))
            out.append(OutcomeText.render(facts, reformed, wording: w, style: style, home: corpus.home.jurisdiction,
                                          explain: reformed.map(\.jurisdiction.id)))
        }
        return out.joined(separator: "\n")
    }

    /// One row per mechanism whose outcome changes.
    static func whatIfTable(_ c: ReformComparison, _ w: Wording) -> TextTableData {
        let header = [w.text(.columnJurisdiction), w.text(.columnMechanism), w.text(.whatifColumnBefore),
                      w.text(.whatifColumnAfter), w.text(.whatifColumnDifference), w.text(.whatifColumnChangedBy)]
        let rows = c.differences.map { d in
            [d.jurisdiction, OutcomeText.kindName(d.after, w), side(d.before, w), side(d.after, w),
             difference(d, w), d.reforms.joined(separator: ", ")]
        }
        return TextTableData(header: header, rows: rows)
    }

    /// One side of a comparison in a cell: availability, date and whether release is owed.
    static func side(_ m: MechanismOutcome, _ w: Wording) -> String {
        var parts = [OutcomeText.availability(m, w)]
        if m.available || m.status == .undetermined { parts.append(OutcomeText.dateCell(m, w)) }
        if m.available { parts.append(OutcomeText.releaseWord(m, w)) }
        return parts.joined(separator: ", ")
    }

    static func difference(_ d: OutcomeDifference, _ w: Wording) -> String {
        var parts: [String] = []
        if d.before.available != d.after.available {
            parts.append(w.text(d.after.available ? .whatifDiffNowAvailable : .whatifDiffNoLongerAvailable))
        } else if d.before.status != d.after.status {
            parts.append(w.text(.whatifDiffStatus))
        }
        if let days = d.days, days != 0 {
            parts.append(w.text(days < 0 ? .whatifDiffEarlier : .whatifDiffLater, ["days": String(abs(days))]))
        }
        if d.before.mandatory != d.after.mandatory {
            parts.append(w.text(d.after.mandatory ? .whatifDiffNowMandatory : .whatifDiffNoLongerMandatory))
        }
        if parts.isEmpty { parts.append(w.text(.whatifDiffStatus)) }
        return parts.joined(separator: "; ")
    }
}

extension ReformText {
    /// The standards verdicts a stack of reforms changes, one row each, with the direction it moves.
    public static func conformanceChanges(_ changes: [ConformanceChange], _ w: Wording, markdown: Bool) -> String {
        guard !changes.isEmpty else { return w.text(.conformanceReformNone) }
        let data = conformanceChangesTable(changes, w)
        let table = TextTable(header: data.header, rows: data.rows,
                              columnLimits: [0: 16, 1: 12, 2: 28, 3: 14, 4: 14, 5: 40, 6: 42])
        return (markdown ? "## " : "") + w.text(.conformanceReformHeading) + "\n\n"
            + (markdown ? table.markdown() : table.rendered())
    }

    /// One row per verdict the reforms change.
    static func conformanceChangesTable(_ changes: [ConformanceChange], _ w: Wording) -> TextTableData {
        let words = RegimeWords(vocabulary: w.vocabulary, language: w.language)
        let header = [words.phrase(.conformanceColumnInstrument), words.phrase(.conformanceColumnProvision),
                      words.phrase(.conformanceColumnFeature), w.text(.whatifColumnBefore), w.text(.whatifColumnAfter),
                      w.text(.whatifColumnDifference), w.text(.whatifColumnChangedBy)]
        let rows = changes.map { c -> [String] in
            let direction: ReformPhrase = switch c.direction {
            case .closer: .conformanceReformCloser
            case .away: .conformanceReformAway
            case .changed: .conformanceReformChanged
            }
            let evidence = (c.added.map { "+" + $0 } + c.removed.map { "−" + $0 }).joined(separator: ", ")
            return [words.shortName(c.after.instrument),
                    c.after.provision.number.map(words.provisionNumber) ?? c.after.provision.id,
                    words.termName(c.after.check.feature, in: "regime-feature"),
                    ConformanceJSON.result(c.before.result, words), ConformanceJSON.result(c.after.result, words),
                    w.text(direction) + (evidence.isEmpty ? "" : " (\(evidence))"), c.reforms.joined(separator: ", ")]
        }
        return TextTableData(header: header, rows: rows)
    }
}
