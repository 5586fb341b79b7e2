import AtlasEngine
import AtlasExport
import AtlasInput
import AtlasModel
import AtlasReport
import Hummingbird

/// The two pages over a population file (docs/cohort-csv.md): `/cohort` counts it as `parole cohort` does,
/// `/roster` lists each person's dates as `parole roster` does.
enum PopulationPage: Sendable {
    case cohort, roster

    /// The years ahead a cohort is counted for when the form gives none, as `parole cohort --horizon`.
    static let defaultHorizon = "5y"
    static let horizonField = "horizon"
    static let withinField = "within"
    static let grantRateField = "grant-rate"

    var path: String {
        switch self {
        case .cohort: "/cohort"
        case .roster: "/roster"
        }
    }

    var title: WebPhrase {
        switch self {
        case .cohort: .navCohort
        case .roster: .navRoster
        }
    }

    /// The files the page offers, as the command line writes them.
    var downloads: [Download] {
        switch self {
        case .cohort: [.csv, .json, .svg]
        case .roster: [.csv, .json, .ics]
        }
    }

    enum Download: String, Sendable {
        case csv, json, ics, svg

        var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            case .ics: "text/calendar; charset=utf-8"
            case .svg: "image/svg+xml; charset=utf-8"
            }
        }
    }
}

extension AtlasSite {
    /// `GET /cohort`, `/roster`: the empty form. `POST`: the upload, read in memory within
    /// `RequestLimits.uploadBytes`, answered with the result's tables under the form, or with a download.
    func addPopulationRoutes(to router: PageRoutes) {
        for page in [PopulationPage.cohort, .roster] {
            router.get(RouterPath(page.path)) { request, _ in
                let query = try parameters(of: request)
                let language = try PageLanguage.of(query)
                return Reply.html(populationDocument(page, fields: query, language: language, lines: nil, body: ""))
            }
            router.post(RouterPath(page.path), read: { request in
                let language = PageLanguage.lenient(try parameters(of: request))
                return try await Upload.read(request, limit: RequestLimits.uploadBytes, language: language)
            }, { upload in try answer(page, upload) })
        }
    }

    private func answer(_ page: PopulationPage, _ upload: Upload) throws(SiteError) -> Response {
        let language = try PageLanguage.of(upload.fields)
        let bytes = upload.file ?? upload.fields.first(PopulationForm.linesField).map { Array($0.utf8) } ?? []
        let lines = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        do throws(SiteError) {
            let format = try download(page, upload.fields, language)
            let settings = try PopulationSettings(page, upload.fields, site: self, language: language)
            guard !bytes.isEmpty else {
                throw SiteError(kind: .badInput, message: WebPhrase.errorNoFile.text(language, ["format": "CSV"]),
                                field: Upload.fileField)
            }
            let population = try PopulationReading(bytes: bytes, language: language)
            let result: PopulationResult = switch page {
            case .cohort: try population.cohort(settings, site: self)
            case .roster: try population.roster(settings, site: self)
            }
            if let format {
                let name = String(page.path.dropFirst()) + "." + format.rawValue
                var response = Reply.body(result.download(format, site: self, language: language), type: format.contentType)
                response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
                return response
            }
            let body = "<p>" + HTMLText.escaped(WebPhrase.uploadPeople.text(language, ["count": "\(result.people)"]))
                + "</p>\n" + HTMLPage.tables(result.document(site: self, language: language))
                + result.chart(site: self, language: language)
            return Reply.html(populationDocument(page, fields: upload.fields, language: language, lines: lines, body: body))
        } catch {
            return Reply.html(populationDocument(page, fields: upload.fields, language: language, lines: lines,
                                                 body: "", error: error), status: error.status)
        }
    }

    /// The download `format=` asks for, none for the page.
    private func download(_ page: PopulationPage, _ fields: QueryParameters,
                          _ language: Language) throws(SiteError) -> PopulationPage.Download? {
        guard let name = fields.first(PopulationForm.formatField), !name.isEmpty else { return nil }
        guard let format = PopulationPage.Download(rawValue: name.lowercased()), page.downloads.contains(format) else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorFormat.text(language, [
                "value": InputText.quoted(name), "formats": page.downloads.map(\.rawValue).joined(separator: ", ")]),
                field: PopulationForm.formatField)
        }
        return format
    }

    /// The page: a refusal's one line beside (above) the form, then the form as sent, then the result.
    private func populationDocument(_ page: PopulationPage, fields: QueryParameters, language: Language,
                                    lines: String?, body: String, error: SiteError? = nil) -> String {
        let frame = HTMLPage(language: language, path: page.path,
                             query: QueryParameters(pairs: [(PageLanguage.parameter, language.rawValue)]),
                             provenance: provenance)
        let reforms = page == .cohort
            ? ReformPicker(corpus: corpus).fields(fields, language)
                + FormField.text(PopulationPage.grantRateField, label: WebPhrase.formGrantRate.text(language),
                                 value: fields.first(PopulationPage.grantRateField) ?? "", placeholder: "0.45")
            : ""
        let form = PopulationForm(page: page, fields: fields, language: language, lines: lines,
                                  jurisdictions: corpus.jurisdictions.map { ($0.id, $0.names.text(in: language) ?? $0.id) },
                                  extraFields: reforms)
        return frame.document(title: page.title.text(language),
                              body: (error.map { HTMLPage.errorLine($0.message) } ?? "") + form.html + body)
    }
}

/// The choices of the form other than the file: the as-of date, the horizon or the days ahead, the jurisdictions;
/// for a cohort, the reform scenarios (as `parole cohort --reform … --set …`) and the assumed grant rate.
struct PopulationSettings {
    var asOf: CalendarDate
    var horizonYears = 0
    var withinDays: Int?
    var jurisdictions: [Jurisdiction]
    /// The reform scenarios after the law, in order: each one's name (as the CSV and JSON name it) and the chosen
    /// jurisdictions with it applied.
    var scenarios: [(name: String, jurisdictions: [Jurisdiction])] = []
    /// The entry into force of the reforms (the as-of date unless stated).
    var effective: CalendarDate
    var grantRate: Double?

    init(_ page: PopulationPage, _ fields: QueryParameters, site: AtlasSite, language: Language) throws(SiteError) {
        let caseQuery = CaseQuery(query: fields, language: language)
        if let text = fields.first(PopulationForm.asOfField), !text.isEmpty {
            guard let date = CalendarDate(iso: text) else { throw caseQuery.problem(.errorNotADate, "as-of", text) }
            asOf = date
        } else {
            asOf = site.today()
        }
        switch page {
        case .cohort:
            let text = fields.first(PopulationPage.horizonField).flatMap { $0.isEmpty ? nil : $0 } ?? PopulationPage.defaultHorizon
            guard let years = Self.count(text, unit: "y"), (0...50).contains(years) else {
                throw Self.problem(.errorHorizon, WebPhrase.uploadHorizon, text, PopulationPage.horizonField, language)
            }
            horizonYears = years
        case .roster:
            if let text = fields.first(PopulationPage.withinField), !text.isEmpty {
                guard let days = Self.count(text, unit: "d"), (0...3650).contains(days) else {
                    throw Self.problem(.errorWithin, WebPhrase.uploadWithin, text, PopulationPage.withinField, language)
                }
                withinDays = days
            }
        }
        let ids = fields.all(CaseQuery.jurisdictionParameter).filter { !$0.isEmpty }
        var selected: [Jurisdiction] = []
        for id in ids.isEmpty ? [site.corpus.home.jurisdiction] : ids {
            selected.append(try site.jurisdiction(id, language))
        }
        jurisdictions = selected
        effective = asOf
        if page == .cohort { try chooseScenarios(fields, site: site, language: language) }
    }

    /// The grant rate and the reform scenarios the form chose, refused as `parole cohort` refuses them.
    private mutating func chooseScenarios(_ fields: QueryParameters, site: AtlasSite,
                                          language: Language) throws(SiteError) {
        if let text = fields.first(PopulationPage.grantRateField)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let rate = Double(text), (0...1).contains(rate) else {
                throw Self.problem(.errorGrantRate, WebPhrase.formGrantRate, text, PopulationPage.grantRateField, language)
            }
            grantRate = rate
        }
        let picker = ReformPicker(corpus: site.corpus)
        let names = picker.names(fields), sets = picker.assignments(fields)
        effective = try site.date(fields, ReformPicker.effective, label: WebPhrase.formEffective.text(language),
                                  language) ?? asOf
        var chosen: [[Reform]] = []
        for name in names { chosen.append(try picker.reforms(named: name, language)) }
        // Named as the command line names them, so that a download reads as `parole cohort`'s.
        let labels = names + (sets.isEmpty ? [] : ["--set " + sets.joined(separator: " --set ")])
        do {
            let stacks = try ReformChoice.scenarios(chosen, sets: sets, corpus: site.corpus)
            for (label, stack) in zip(labels, stacks) {
                scenarios.append((label, try stack.apply(to: jurisdictions, effective: effective)))
            }
        } catch {
            throw picker.refused(error, value: (names + sets).joined(separator: "; "), language)
        }
    }

    /// `5y` or `5` (with `unit` y), as the command line's `--horizon 5y` and `--within 90d` are written.
    private static func count(_ text: String, unit: Character) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return Int(trimmed.last == unit ? String(trimmed.dropLast()) : trimmed)
    }

    private static func problem(_ phrase: WebPhrase, _ label: WebPhrase, _ value: String, _ field: String,
                                _ language: Language) -> SiteError {
        SiteError(kind: .badInput, message: phrase.text(language, [
            "field": label.text(language), "value": InputText.quoted(value)]), field: field)
    }
}

/// The uploaded population, read by AtlasInput's `PopulationFile` exactly as the command line reads a file; a
/// problem names its row (the line of the file) and column in the page's language, never the person's data.
struct PopulationReading {
    private let bytes: [UInt8]
    private let language: Language
    /// The name problems give the file; the page does not show it.
    private static let name = "upload"

    init(bytes: [UInt8], language: Language) throws(SiteError) {
        self.bytes = bytes
        self.language = language
        // Opened once here so that a bad header is refused before anything is chosen.
        _ = try open()
    }

    private func open() throws(SiteError) -> PopulationFile {
        do { return try PopulationFile(bytes: bytes, name: Self.name) } catch { throw explained(error, draft: nil) }
    }

    /// Every person, decided by `decide` with the facts as of `asOf`.
    private func each(asOf: CalendarDate, vocabulary: Vocabulary,
                      _ decide: (PopulationFile.Person, Case) -> Void) throws(SiteError) -> PopulationFile {
        var file = try open()
        let layout = file.layout
        while true {
            let person: PopulationFile.Person
            do {
                guard let next = try file.next() else { break }
                person = next
            } catch { throw explained(error, draft: nil) }
            do { decide(person, try layout.facts(of: person, asOf: asOf, vocabulary: vocabulary)) } catch {
                throw explained(error, draft: person.draft)
            }
        }
        return file
    }

    /// As `parole cohort` counts it: under the law, then under each reform scenario.
    func cohort(_ settings: PopulationSettings, site: AtlasSite) throws(SiteError) -> PopulationResult {
        let laws = ([settings.jurisdictions] + settings.scenarios.map(\.jurisdictions)).map {
            CompiledLaw(jurisdictions: $0, crosswalk: site.corpus.crosswalk, home: site.corpus.home)
        }
        var tally = CohortTally(mechanisms: laws[0].mechanismKeys, scenarios: laws.count, asOf: settings.asOf,
                                horizonYears: settings.horizonYears)
        var decisions = Array(repeating: [CohortDecision](), count: laws.count)
        var synthetic: Bool?
        let file = try each(asOf: settings.asOf, vocabulary: site.corpus.vocabulary) { person, facts in
            if synthetic == nil { synthetic = person.id.hasPrefix("synthetic-") }
            for s in laws.indices {
                decisions[s].removeAll(keepingCapacity: true)
                laws[s].decide(facts, into: &decisions[s])
            }
            tally.add(decisions, termEnd: facts.termEnd)
        }
        var report = CohortReport(tally: tally, scenarios: ["law"] + settings.scenarios.map(\.name),
                                  grantRate: settings.grantRate, synthetic: synthetic ?? false)
        report.grantRateOption = InputText.quoted(WebPhrase.formGrantRate.text(language))
        return .cohort(report, ignoredColumns: file.ignoredColumns,
                       effective: settings.scenarios.isEmpty ? nil : settings.effective)
    }

    /// As `parole roster` lists it.
    func roster(_ settings: PopulationSettings, site: AtlasSite) throws(SiteError) -> PopulationResult {
        var roster = Roster(asOf: settings.asOf)
        var people = 0
        _ = try each(asOf: settings.asOf, vocabulary: site.corpus.vocabulary) { person, facts in
            people += 1
            roster.add(id: person.id, outcomes: site.simulator.simulate(facts, in: settings.jurisdictions))
        }
        return .roster(roster, within: settings.withinDays.map { settings.asOf.adding(days: $0) }, people: people)
    }

    /// A problem of the file in the page's language: the case's own problems as the simulation form words them,
    /// the others (a row that cannot be split, a value that is not a number) as the library says them in English,
    /// or named by row and column in another language.
    private func explained(_ error: any Error, draft: CaseDraft?) -> SiteError {
        guard let problem = error as? PopulationFile.Problem else {
            return SiteError(kind: .badInput, message: WebPhrase.errorBadUpload.text(language), field: Upload.fileField)
        }
        let row = String(problem.line ?? 1)
        let column = problem.column.map(InputText.quoted)
        let message: String
        if let cause = problem.cause, let draft {
            let worded = CaseQuery(query: QueryParameters(), language: language).explained(cause, draft: draft).message
            message = WebPhrase.errorRow.text(language, ["row": row, "column": column ?? "", "problem": worded])
        } else if language == .en {
            message = column.map { WebPhrase.errorRow.text(language, ["row": row, "column": $0, "problem": problem.message]) }
                ?? WebPhrase.errorRowLine.text(language, ["row": row, "problem": problem.message])
        } else {
            message = column.map { WebPhrase.errorRowColumnUnreadable.text(language, ["row": row, "column": $0]) }
                ?? WebPhrase.errorRowUnreadable.text(language, ["row": row])
        }
        return SiteError(kind: .badInput, message: message, field: Upload.fileField)
    }
}

/// A population's answer, shown as tables or downloaded as the command line writes it.
enum PopulationResult {
    case cohort(CohortReport, ignoredColumns: [String], effective: CalendarDate?)
    case roster(Roster, within: CalendarDate?, people: Int)

    var people: Int {
        switch self {
        case .cohort(let report, _, _): report.tally.people
        case .roster(_, _, let people): people
        }
    }

    /// The worded tables of `--format html`.
    func document(site: AtlasSite, language: Language) -> ExportDocument {
        let wording = Wording(language, vocabulary: site.corpus.vocabulary, factNaming: .flags)
        switch self {
        case .cohort(let report, _, _): return report.exportDocument(wording, provenance: site.provenance)
        case .roster(let roster, let within, _): return roster.exportDocument(within: within, wording, provenance: site.provenance)
        }
    }

    /// The file `--format csv|json|ics` writes.
    func download(_ format: PopulationPage.Download, site: AtlasSite, language: Language) -> String {
        let wording = Wording(language, vocabulary: site.corpus.vocabulary, factNaming: .labels)
        switch (self, format) {
        case (.cohort(let report, _, _), .csv): return report.csv()
        case (.cohort(let report, _, _), .svg): return chartDrawing(report, site: site, language: language).svg
        case (.cohort(let report, let ignored, let effective), _):
            return report.json(wording, provenance: site.provenance, effective: effective, ignoredColumns: ignored)
                .serialized(pretty: true) + "\n"
        case (.roster(let roster, let within, _), .csv): return roster.csv(within: within, wording)
        case (.roster(let roster, let within, _), .json):
            return roster.json(within: within, wording, provenance: site.provenance).serialized(pretty: true) + "\n"
        case (.roster(let roster, let within, _), .ics): return roster.iCalendar(within: within, wording)
        // Not offered: `PopulationPage.downloads` refuses it before anything is counted.
        case (.roster, .svg): return ""
        }
    }

    /// The cohort's chart placed in the page under its tables (none for a roster).
    func chart(site: AtlasSite, language: Language) -> String {
        guard case .cohort(let report, _, _) = self else { return "" }
        return "<h2>" + HTMLText.escaped(WebPhrase.pageChart.text(language)) + "</h2>\n<figure class=\"chart\">"
            + chartDrawing(report, site: site, language: language).svgElement + "</figure>\n"
    }

    /// The chart as `parole cohort --chart` draws it (the tables' wording, with flags for facts).
    private func chartDrawing(_ report: CohortReport, site: AtlasSite, language: Language) -> CohortChart {
        CohortChart(report, wording: Wording(language, vocabulary: site.corpus.vocabulary, factNaming: .flags),
                    provenance: site.provenance)
    }
}
