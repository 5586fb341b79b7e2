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
                                action: "/whatif", extraFields: reformFields(query, language)).html
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
        static let reform = "reform", set = "set", effective = "effective"
        static let all: Set<String> = [reform, set, effective, Download.parameter]
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

    /// The changes written on the line: one per line of the field (or per parameter), blank lines skipped.
    private func assignments(_ query: QueryParameters) -> [String] {
        query.all(WhatIfParameter.set).flatMap { $0.split(whereSeparator: \.isNewline) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func whatIf(_ query: QueryParameters, _ language: Language) throws(SiteError) -> WhatIfRun {
        let stated = try whatIfCase(query, language).build(vocabulary: corpus.vocabulary, today: today())
        var ids: [String] = []
        for id in stated.draft.jurisdictions { ids.append(try jurisdiction(id, language).id) }
        let names = query.all(WhatIfParameter.reform).filter { !$0.isEmpty }
        let sets = assignments(query)
        guard !names.isEmpty || !sets.isEmpty else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorNoReform.text(language, [
                "field": WebPhrase.formReforms.text(language)]), field: WhatIfParameter.reform)
        }
        var chosen: [Reform] = []
        for name in names { chosen += try reforms(named: name, language) }
        let effective = try date(query, WhatIfParameter.effective, label: WebPhrase.formEffective.text(language),
                                 language) ?? stated.facts.asOf
        do {
            let stack = try ReformChoice.stack(chosen, sets: sets, corpus: corpus)
            let reformed = try ReformChoice.apply(stack, to: corpus, effective: effective)
            let trial = try ReformTrial(stated.facts, law: corpus, reformed: reformed, stack: stack, effective: effective,
                                        jurisdictions: ids)
            return WhatIfRun(facts: stated.facts, stack: stack, effective: effective, trial: trial)
        } catch {
            // The library speaks English: its reason is given in English, and named without detail otherwise.
            let label = WebPhrase.formSets.text(language)
            if language == .en {
                throw SiteError(kind: .badInput, message: label + ": " + error.description, field: WhatIfParameter.set)
            }
            throw invalid(WhatIfParameter.set, label: label, value: (names + sets).joined(separator: "; "), language)
        }
    }

    /// The reforms a reform or package id names (`PACKAGE@2` for variant 2), or the reason it names none.
    private func reforms(named name: String, _ language: Language) throws(SiteError) -> [Reform] {
        do {
            if let found = try ReformChoice.reforms(named: name, in: corpus) { return found }
        } catch {
            switch error {
            case .noSuchVariant(_, let package, _, let variants), .alternatives(_, let package, let variants):
                let phrase: WebPhrase = if case .alternatives = error { .errorAlternatives } else { .errorNoVariant }
                throw SiteError(kind: .badInput, message: phrase.text(language, [
                    "value": InputText.quoted(name),
                    "choices": variants.map { package + "@" + String($0) }.joined(separator: ", "),
                ]), field: WhatIfParameter.reform)
            }
        }
        let message = WebPhrase.errorUnknownReform.text(language, ["value": InputText.quoted(name)])
        guard let nearest = Suggestion.nearest(to: name, among: ReformChoice.ids(in: corpus)) else {
            throw SiteError(kind: .badInput, message: message, field: WhatIfParameter.reform)
        }
        throw SiteError(kind: .badInput, message: WebPhrase.errorDidYouMean.text(language, [
            "message": message, "value": nearest]), field: WhatIfParameter.reform)
    }

    /// The reform picker (every package, whole or by variant, and every reform of it), the changes written on the
    /// line and the entry into force.
    private func reformFields(_ query: QueryParameters, _ language: Language) -> String {
        let groups = corpus.reformPackages.map { package in
            let variants = Set(package.reforms.compactMap(\.variant)).sorted()
            let label = package.labels.text(in: language) ?? package.id
            let whole: [(value: String, label: String)] = variants.count > 1
                ? variants.map { (package.id + "@" + String($0), package.id + "@" + String($0) + " — " + label) }
                : [(package.id, package.id + " — " + label)]
            return (heading: Optional(package.id), options: whole + package.reforms.map {
                ($0.id, $0.id + " — " + ($0.labels.text(in: language) ?? $0.kind))
            })
        }
        return "<fieldset><legend>" + HTMLText.escaped(WebPhrase.formReforms.text(language)) + "</legend>\n"
            + FormField.select(WhatIfParameter.reform, label: WebPhrase.formReforms.text(language), groups: groups,
                               chosen: query.all(WhatIfParameter.reform), multiple: true)
            + FormField.lines(WhatIfParameter.set, label: WebPhrase.formSets.text(language), lines: assignments(query))
            + FormField.text(WhatIfParameter.effective, label: WebPhrase.formEffective.text(language),
                             value: query.first(WhatIfParameter.effective) ?? "",
                             placeholder: WebPhrase.formDateFormat.text(language))
            + "</fieldset>\n"
    }
}
