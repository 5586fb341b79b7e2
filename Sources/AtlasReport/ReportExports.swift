import AtlasEngine
import AtlasExport
import AtlasModel

// Each report's tables as export documents (AtlasExport): the same headers and cells as its text, so that a DOCX,
// XLSX or HTML file says what the terminal says, in the same language. A command exports with one call.

extension AnnexTable {
    /// Annex 1 as one table under its title; the annex's citations, then each row's, as sources.
    public func exportDocument(provenance: Provenance?) -> ExportDocument {
        let sources = (annex.citations.isEmpty ? [] : [annex.citations.map(\.description).joined(separator: ", ")])
            + annex.rows.filter { !$0.citations.isEmpty }.map { row in
                "\(row.number). \(row.jurisdictionID): " + row.citations.map(\.description).joined(separator: ", ")
            }
        return TableExport.document(title: title, table: TextTableData(header: header, rows: rows), sources: sources,
                                    provenance: provenance, language: language)
    }
}

extension AmendmentAnnexTable {
    /// Annexes 2 and 3: a table per amended act (its caption the act), the translation note under the first; or,
    /// `asRecords`, one table whose first column is the act (as CSV has it: a CSV file has no captions).
    public func exportDocument(provenance: Provenance?, asRecords: Bool = false) -> ExportDocument {
        let note = translationNote.map { [$0] } ?? []
        if asRecords {
            let rows = sections.flatMap { s in s.rows.map { [s.heading ?? ""] + $0 } }
            let table = TextTableData(header: [wording.text(.reformColumnSource)] + header, rows: rows)
            return TableExport.document(title: title, table: table, notes: note, provenance: provenance, language: language)
        }
        let tables = sections.enumerated().map { index, section in
            TextTableData(header: header, rows: section.rows).exportTable(
                name: "\(index + 1) " + (section.heading ?? title), caption: section.heading ?? title,
                notes: index == 0 ? note : [])
        }
        return TableExport.document(title: title, tables: tables, provenance: provenance, language: language)
    }
}

extension StatsText {
    /// The table as printed (with its notes), the rates computed from it and the checks that do not agree; the
    /// seed lines it stands on as its source. `asRecords`: the CSV records instead (one table).
    public func exportTables(asRecords: Bool = false) -> [ExportTable] {
        let w = words
        if asRecords { return [csvTable.exportTable(name: table.id, caption: w.title)] }
        func data(_ t: TextTable) -> TextTableData { TextTableData(header: t.header, rows: t.rows) }
        var tables = [data(printedTable).exportTable(name: table.id, caption: w.title, notes: notes)]
        if !computation.rates.isEmpty {
            tables.append(data(ratesTable).exportTable(name: table.id + " " + w.phrase(.sectionRates),
                                                       caption: w.title + " · " + w.phrase(.sectionRates)))
        }
        if !computation.mismatches.isEmpty || !computation.truncations.isEmpty {
            let heading = w.phrase(.sectionChecks, [
                "checks": String(computation.checks.count), "mismatches": String(computation.mismatches.count),
                "truncations": String(computation.truncations.count),
            ])
            tables.append(data(checksTable).exportTable(name: table.id + " ✗", caption: w.title + " · " + heading))
        }
        return tables
    }

    /// The table's title in the language.
    public var exportTitle: String { words.title }

    /// The table's source: its id and seed lines.
    public var exportSource: String { table.id + " · " + words.phrase(.source, ["lines": words.sources]) }

    /// Several tables in one document (`parole annex 4`, `parole stats` on a list of tables).
    public static func exportDocument(_ computations: [StatsComputation], title: String, language: Language,
                                      provenance: Provenance?, asRecords: Bool = false) -> ExportDocument {
        let texts = computations.map { StatsText($0, language: language) }
        return TableExport.document(title: title, tables: texts.flatMap { $0.exportTables(asRecords: asRecords) },
                                    sources: texts.map(\.exportSource), provenance: provenance, language: language)
    }

    /// The index of `parole stats`: one row per table.
    public static func indexExportDocument(_ computations: [StatsComputation], language: Language,
                                           provenance: Provenance?) -> ExportDocument {
        let table = TextTableData(header: indexHeader(language), rows: computations.map { indexRow($0, language) })
        return TableExport.document(title: StatsPhrase.indexHeading.text(language), table: table,
                                    provenance: provenance, language: language)
    }
}

extension ReformText {
    /// `parole reforms`: a table per package.
    public static func listExport(_ packages: [ReformPackage], corpus: Corpus, _ w: Wording,
                                  provenance: Provenance?) -> ExportDocument {
        let tables = packages.map { p in
            TextTableData(header: listHeader(w), rows: p.reforms.map { listRow($0, corpus: corpus, w) })
                .exportTable(name: p.id, caption: w.text(.reformPackage, [
                    "id": p.id, "label": p.labels.text(in: w.language) ?? p.id, "count": String(p.reforms.count),
                ]))
        }
        return TableExport.document(title: w.text(.reformListHeading), tables: tables, provenance: provenance,
                                    language: w.language)
    }

    /// `parole whatif`: one row per mechanism whose outcome changes, the reforms and the case as notes.
    public static func whatIfExport(_ c: ReformComparison, facts: Case, stack: ReformStack, effective: CalendarDate,
                                    corpus: Corpus, _ w: Wording, provenance: Provenance?) -> ExportDocument {
        let title = ExportPhrase.titleWhatIf.text(w.language)
        let notes = heading(stack, effective: effective, asOf: facts.asOf, corpus: corpus, w)
            + [OutcomeText.caseSummary(facts, w)]
            + (c.differences.isEmpty ? [w.text(.whatifNoDifference)] : [])
        return TableExport.document(title: title, table: whatIfTable(c, w), notes: notes, provenance: provenance,
                                    language: w.language)
    }

    /// `parole conformance --reform`: the verdicts the reforms change.
    public static func conformanceChangesExport(_ changes: [ConformanceChange], title: String, stack: ReformStack,
                                                effective: CalendarDate, corpus: Corpus, _ w: Wording,
                                                provenance: Provenance?) -> ExportDocument {
        let notes = heading(stack, effective: effective, asOf: nil, corpus: corpus, w)
            + (changes.isEmpty ? [w.text(.conformanceReformNone)] : [])
        return TableExport.document(title: title, table: conformanceChangesTable(changes, w), notes: notes,
                                    provenance: provenance, language: w.language)
    }
}

extension OutcomeText {
    /// `parole simulate`: the table of the text (a row per jurisdiction, or per mechanism for one), the case and
    /// the assumptions as notes, and the citations of the leading mechanisms' traces as sources.
    public static func exportDocument(_ facts: Case, _ outcomes: [JurisdictionOutcome], wording w: Wording, home: String,
                                      provenance: Provenance?) -> ExportDocument {
        let table = outcomes.count == 1 ? mechanismTable(outcomes[0], w) : summaryTable(outcomes, w, .table, home: home)
        var notes = [caseSummary(facts, w)]
        if table.rows.contains(where: { $0.contains { $0.contains("⚠") } }) { notes.append("⚠ " + w.text(.discrepancyLegend)) }
        notes += [w.text(.assumptionTerm), w.text(.assumptionLaw)]
        // Per jurisdiction, every citation of the reasoning, in the order the reasoning first cites it.
        func cited(_ steps: [TraceStep]) -> [Citation] { steps.flatMap { $0.citations + cited($0.children) } }
        let sources = outcomes.compactMap { o -> String? in
            var seen = Set<String>()
            let citations = o.mechanisms.flatMap { cited($0.trace) }.map(\.description).filter { seen.insert($0).inserted }
            return citations.isEmpty ? nil : o.jurisdiction.id + ": " + citations.joined(separator: ", ")
        }
        return TableExport.document(title: ExportPhrase.titleSimulate.text(w.language),
                                    table: TextTableData(header: table.header, rows: table.rows), notes: notes,
                                    sources: sources, provenance: provenance, language: w.language)
    }
}

extension OutcomeText {
    /// The conformance verdicts of a simulation (what `parole simulate` prints under each jurisdiction it explains)
    /// as one table: a row per verdict, the jurisdiction first, in the order of the outcome table.
    public static func conformanceExport(_ outcomes: [JurisdictionOutcome], conformance: [String: [ConformanceVerdict]],
                                         title: String, wording w: Wording, provenance: Provenance?) -> ExportDocument {
        let header = [w.text(.columnJurisdiction)] + ConformanceJSON.table([], wording: w).header
        let rows = ranked(outcomes).flatMap { o in
            ConformanceJSON.table(conformance[o.jurisdiction.id] ?? [], wording: w).rows.map { [o.jurisdiction.id] + $0 }
        }
        return TableExport.document(title: title, table: TextTableData(header: header, rows: rows),
                                    provenance: provenance, language: w.language)
    }
}

extension Roster {
    /// The roster's table (the words of its text, not the stable keys of its CSV).
    public func exportDocument(within limit: CalendarDate?, _ w: Wording, provenance: Provenance?) -> ExportDocument {
        let rows = sorted(within: limit).map { row($0, w) }
        let caption = w.text(.rosterHeading, ["asOf": asOf.description, "count": "\(rows.count)"])
        let table = TextTableData(header: header(w), rows: rows).exportTable(name: ExportPhrase.titleRoster.text(w.language),
                                                                            caption: caption)
        return TableExport.document(title: ExportPhrase.titleRoster.text(w.language), tables: [table],
                                    provenance: provenance, language: w.language)
    }
}

extension CohortReport {
    /// The counts per scenario and mechanism, then a table of changes per reform scenario; the notes of the text.
    public func exportDocument(_ w: Wording, provenance: Provenance?) -> ExportDocument {
        func data(_ t: TextTable) -> TextTableData { TextTableData(header: t.header, rows: t.rows) }
        var notes = synthetic ? [w.text(.cohortSynthetic)] : []
        notes += missingLines(w)
        let caption = w.text(.cohortHeading, ["people": "\(tally.people)", "asOf": tally.asOf.description])
        var tables = [data(countsTable(w)).exportTable(name: ExportPhrase.titleCohort.text(w.language), caption: caption,
                                                       notes: notes)]
        for s in 1..<max(1, tally.scenarios) {
            var changeNotes = [w.text(.cohortSavedNote)]
            if let grantRate {
                changeNotes.append(w.text(.cohortRateNote, ["rate": w.numbers.percent(grantRate), "option": grantRateOption]))
            }
            tables.append(data(changesTable(scenario: s, w)).exportTable(
                name: "\(s) " + scenarios[s], caption: w.text(.cohortChangesHeading, ["scenario": scenarios[s]]),
                notes: changeNotes))
        }
        return TableExport.document(title: ExportPhrase.titleCohort.text(w.language), tables: tables,
                                    provenance: provenance, language: w.language)
    }
}

extension ConformanceJSON {
    /// `parole conformance ID`: the verdicts, and each provision's citations as sources.
    public static func exportDocument(_ verdicts: [ConformanceVerdict], title: String, wording: Wording,
                                      provenance: Provenance?) -> ExportDocument {
        let words = RegimeWords(vocabulary: wording.vocabulary, language: wording.language)
        var seen = Set<String>()
        let sources = verdicts.compactMap { v -> String? in
            let provision = v.provision.number.map(words.provisionNumber) ?? v.provision.id
            let line = words.shortName(v.instrument) + " " + provision + ": "
                + v.provision.citations.map(\.description).joined(separator: ", ")
            return v.provision.citations.isEmpty || !seen.insert(line).inserted ? nil : line
        }
        return TableExport.document(title: title, table: table(verdicts, wording: wording), sources: sources,
                                    provenance: provenance, language: wording.language)
    }
}
