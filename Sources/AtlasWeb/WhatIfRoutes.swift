import AtlasEngine
import AtlasExport
import AtlasInput
import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/whatif?<case>&reform=id[&set=rule=value][&effective=YYYY-MM-DD]`: the case of the simulation form decided
    /// under the law and under the reforms chosen (the corpus's reforms and packages, and changes written on the
    /// line as `--set` takes them), as `parole whatif` does: each mechanism whose outcome changes, before and after
    /// side by side, and the standards verdicts that change; downloads at `/whatif/download?…&format=`.
    func addWhatIfRoutes(to router: PageRoutes) {
        router.get("/whatif") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/whatif", query: query, provenance: provenance)
            let form = CaseForm(query: query, language: language, vocabulary: corpus.vocabulary,
                                jurisdictions: jurisdictionOptions(language).map { ($0.value, $0.label) },
                                action: "/whatif", extraFields: ReformPicker(corpus: corpus).fields(query, language)).html
            let title = WebPhrase.navWhatIf.text(language)
            guard whatIfCase(query, language).statesAnyFact else { return Reply.html(page.document(title: title, body: form)) }
            do throws(SiteError) {
                let run = try whatIf(query, language)
                let w = Wording(language, vocabulary: corpus.vocabulary, factNaming: .labels)
                let changes = ReformText.conformanceChangesExport(
                    run.trial.conformanceChanges(run.stack), title: w.text(.conformanceReformHeading), stack: run.stack,
                    effective: run.effective, corpus: corpus, w, provenance: nil)
                let body = form + "<h2>" + HTMLText.escaped(WebPhrase.pageWhatIfChanges.text(language)) + "</h2>\n"
                    + Self.whatIfDownload.links(path: "/whatif/download", query: query, language: language)
                    + DocumentMarkup(document: run.document(site: self, language: language, provenance: nil)) {
                        recordPage(naming: $0, language)
                    }.html
                    + "<h2>" + HTMLText.escaped(changes.title) + "</h2>\n"
                    + DocumentMarkup(document: changes).html
                return Reply.html(page.document(title: title, body: body))
            } catch {
                return Reply.html(page.document(title: title, body: HTMLPage.errorLine(error.message) + form),
                                  status: error.status)
            }
        }
        router.get("/whatif/download") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let format = try Self.whatIfDownload.format(query, language)
            let run = try whatIf(query, language)
            let document = run.document(site: self, language: language, provenance: format == .csv ? nil : provenance)
            return try Self.whatIfDownload.reply(document, as: format, language: language)
        }
    }

    private enum WhatIfParameter {
        static let all: Set<String> = ReformPicker.names.union([Download.parameter])
    }

    private static let whatIfDownload = Download(formats: [.docx, .xlsx, .csv, .html], name: "whatif")

    /// One case decided with and without the reforms chosen.
    private struct WhatIfRun {
        let facts: Case
        let stack: ReformStack
        let effective: CalendarDate
        let trial: ReformTrial

        /// `parole whatif`'s export document: a row per mechanism whose outcome changes, the reforms and the case
        /// as notes.
        func document(site: AtlasSite, language: Language, provenance: Provenance?) -> ExportDocument {
            ReformText.whatIfExport(trial.comparison, facts: facts, stack: stack, effective: effective,
                                    corpus: site.corpus, Wording(language, vocabulary: site.corpus.vocabulary,
                                                                 factNaming: .labels), provenance: provenance)
        }
    }

    private func whatIfCase(_ query: QueryParameters, _ language: Language) -> CaseQuery {
        CaseQuery(query: query, language: language, pageParameters: WhatIfParameter.all)
    }

    private func whatIf(_ query: QueryParameters, _ language: Language) throws(SiteError) -> WhatIfRun {
        let stated = try whatIfCase(query, language).build(vocabulary: corpus.vocabulary, today: today())
        var ids: [String] = []
        for id in stated.draft.jurisdictions { ids.append(try jurisdiction(id, language).id) }
        let picker = ReformPicker(corpus: corpus)
        let names = picker.names(query)
        let sets = picker.assignments(query)
        guard !names.isEmpty || !sets.isEmpty else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorNoReform.text(language, [
                "field": WebPhrase.formReforms.text(language)]), field: ReformPicker.reform)
        }
        var chosen: [Reform] = []
        for name in names { chosen += try picker.reforms(named: name, language) }
        let effective = try date(query, ReformPicker.effective, label: WebPhrase.formEffective.text(language),
                                 language) ?? stated.facts.asOf
        do {
            let stack = try ReformChoice.stack(chosen, sets: sets, corpus: corpus)
            let reformed = try ReformChoice.apply(stack, to: corpus, effective: effective)
            let trial = try ReformTrial(stated.facts, law: corpus, reformed: reformed, stack: stack, effective: effective,
                                        jurisdictions: ids)
            return WhatIfRun(facts: stated.facts, stack: stack, effective: effective, trial: trial)
        } catch {
            throw picker.refused(error, value: (names + sets).joined(separator: "; "), language)
        }
    }
}
