import AtlasEngine
import AtlasModel
import AtlasReport

/// A simulation's answer as part of the simulate page: the outcome table, each row linking to its reasoning; the
/// timeline chart inline (the SVG `parole simulate --chart` writes) with its download; the standards' verdicts; and
/// the reasoning asked for, every step with its citations and each citation's verbatim quotation one click away
/// (`<details>`, no script). Every word comes from AtlasReport's phrase tables; every text is escaped here.
struct OutcomeMarkup {
    let run: CaseRun
    let site: AtlasSite
    let language: Language
    /// The page's query: each link keeps the case as stated.
    let query: QueryParameters
    /// The jurisdictions whose reasoning the query asks for (`explain=`), as the corpus spells their ids.
    let explain: [String]

    /// The answer for `run`; an `explain` id the corpus does not know is a not-found error, as `--explain` refuses it.
    init(run: CaseRun, site: AtlasSite, language: Language, query: QueryParameters) throws(SiteError) {
        var explain: [String] = []
        for id in query.all(CaseQuery.explainParameter) { explain.append(try site.jurisdiction(id, language).id) }
        self.run = run
        self.site = site
        self.language = language
        self.query = query
        self.explain = explain
    }

    /// The path of the chart as a file.
    static let chartPath = "/simulate/chart.svg"

    /// The section of a jurisdiction's reasoning, the target of its row's link.
    static func anchor(_ id: String) -> String { "explain-" + id }

    var html: String { outcomeTable + chart + conformance + reasoning }

    private var wording: Wording { Wording(language, vocabulary: site.corpus.vocabulary, factNaming: .labels) }
    private var home: String { site.corpus.home.jurisdiction }

    /// The permalink of this answer with the reasoning of `id` open: the same query with `explain=id` (alone, so
    /// that the link opens one reasoning), at its section.
    func explainLink(_ id: String) -> String {
        "/simulate?" + query.replacing(CaseQuery.explainParameter, with: id).encoded + "#" + Self.anchor(id)
    }

    /// The table `parole simulate` prints (and its downloads hold), a jurisdiction's id linking to its reasoning.
    private var outcomeTable: String {
        let ids = Set(run.outcomes.map(\.jurisdiction.id))
        let document = OutcomeText.exportDocument(run.facts, run.outcomes, wording: wording, home: home, provenance: nil)
        let table = DocumentMarkup(document: document) { ids.contains($0) ? explainLink($0) : nil }.html
        let hint = run.outcomes.count > 1 ? "<p class=\"note\">" + HTMLText.escaped(WebPhrase.pageTraceHint.text(language)) + "</p>\n" : ""
        return "<h2>" + HTMLText.escaped(WebPhrase.pageOutcome.text(language)) + "</h2>\n" + hint + table
    }

    /// The timeline inline, then the chart and the JSON document as files.
    private var chart: String {
        let timeline = OutcomeTimeline(facts: run.facts, outcomes: run.outcomes, wording: wording, home: home)
        let svgLink = Self.chartPath + "?" + query.encoded
        let jsonLink = "/api/v1/simulate?" + query.encoded
        return "<h2>" + HTMLText.escaped(WebPhrase.pageTimeline.text(language)) + "</h2>\n"
            + "<figure class=\"timeline\">\n" + timeline.svgElement + "</figure>\n"
            + "<p class=\"downloads\">" + HTMLText.escaped(WebPhrase.pageDownload.text(language)) + ": "
            + "<a href=\"" + HTMLText.escaped(svgLink) + "\" type=\"image/svg+xml\" download=\"timeline.svg\">SVG</a> "
            + "<a href=\"" + HTMLText.escaped(jsonLink) + "\">JSON</a></p>\n"
    }

    /// The standards' verdicts for the case, a row per verdict, each jurisdiction's id linking to its reasoning;
    /// a line saying so when no standard speaks to the case.
    private var conformance: String {
        let title = WebPhrase.pageConformance.text(language)
        guard run.conformance.values.contains(where: { !$0.isEmpty }) else {
            return "<section id=\"conformance\">\n<h2>" + HTMLText.escaped(title) + "</h2>\n<p class=\"note\">"
                + HTMLText.escaped(WebPhrase.pageConformanceNone.text(language)) + "</p>\n</section>\n"
        }
        let ids = Set(run.outcomes.map(\.jurisdiction.id))
        let document = OutcomeText.conformanceExport(run.outcomes, conformance: run.conformance, title: title,
                                                     wording: wording, provenance: nil)
        return "<section id=\"conformance\">\n"
            + DocumentMarkup(document: document) { ids.contains($0) ? explainLink($0) : nil }.html + "</section>\n"
    }

    /// The reasoning of the jurisdictions asked for (the home jurisdiction when none is), as `--explain` prints it.
    private var reasoning: String {
        OutcomeText.explained(run.outcomes, home: home, explain: explain.isEmpty ? nil : explain)
            .map(reasoning).joined()
    }

    private func reasoning(_ outcome: JurisdictionOutcome) -> String {
        let esc = HTMLText.escaped
        let w = wording
        let id = outcome.jurisdiction.id
        let reasonings = outcome.mechanisms.map { ($0, OutcomeText.reasoning($0, w)) }
        let citations = OutcomeText.citations(of: reasonings.flatMap(\.1))
        let key = { (c: Citation) in citations.firstIndex { $0.description == c.description && $0.quotes == c.quotes } }
        let citationAnchor = { (index: Int) in "cite-" + id + "-" + String(index + 1) }
        var out = "<section class=\"trace\" id=\"" + esc(Self.anchor(id)) + "\">\n<h2>"
            + esc(WebPhrase.pageTrace.text(language, [
                "jurisdiction": id + " — " + (outcome.jurisdiction.names.text(in: language) ?? id)])) + "</h2>\n"
        for (mechanism, lines) in reasonings {
            out += "<h3>" + esc(OutcomeText.reasoningHeading(outcome, mechanism, w)) + "</h3>\n<ul class=\"reasoning\">\n"
            for line in lines {
                let cites = line.citations.compactMap { c in
                    key(c).map { "<a href=\"#" + esc(citationAnchor($0)) + "\">" + esc(c.description) + "</a>" }
                }
                out += "<li class=\"depth-" + String(line.depth) + "\">" + esc(line.text)
                    + (cites.isEmpty ? "" : " <span class=\"cites\">[" + cites.joined(separator: "; ") + "]</span>")
                    + "</li>\n"
            }
            out += "</ul>\n"
        }
        if !citations.isEmpty {
            out += "<h3>" + esc(WebPhrase.pageCitations.text(language)) + "</h3>\n<ol class=\"citations\">\n"
            for (index, citation) in citations.enumerated() {
                out += "<li id=\"" + esc(citationAnchor(index)) + "\">" + quoted(citation) + "</li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</section>\n"
    }

    /// A citation's locator (the seed lines, the article), its verbatim quotations a click away when it has any.
    private func quoted(_ citation: Citation) -> String {
        let esc = HTMLText.escaped
        let quotations = QuotationText.quotations(of: citation, language: language)
        let locator = "<cite>" + esc(citation.description) + "</cite>"
        guard !quotations.isEmpty else { return locator }
        return "<details><summary>" + locator + "</summary>"
            + quotations.map { "<blockquote lang=\"" + esc($0.language) + "\">" + esc($0.text) + "</blockquote>" }.joined()
            + "</details>"
    }
}
