import AtlasModel
import AtlasReport

/// A regime or an instrument as HTML, from the parts AtlasReport words (`RegimeSheet`, `InstrumentSheet`): every
/// item followed by its citations, each citation that has a verbatim quotation opening it in a `<details>` (no
/// script needed), each record the sources dispute marked where it stands, with the other source's reading beside
/// it, and the discrepancies listed at the end under anchors. Every text is escaped here.
struct RegimeMarkup {
    let language: Language

    private func esc(_ text: String) -> String { HTMLText.escaped(text) }

    /// The anchor of a record's item (`#r-ID`).
    static func recordAnchor(_ id: String) -> String { "r-" + id }

    /// The anchor of a discrepancy in the list at the end (`#d-ID`).
    static func disputeAnchor(_ id: String) -> String { "d-" + id }

    /// A citation: its locator (the same in every language) as the summary of its quotations, in the page's
    /// language first; a citation the corpus holds no quotation for is its locator alone.
    func citation(_ c: Citation) -> String {
        let quotes = c.quotes.filter { !$0.text.isEmpty }
            .sorted { ($0.language == language.rawValue ? 0 : 1) < ($1.language == language.rawValue ? 0 : 1) }
        guard !quotes.isEmpty else { return "<span class=\"cite\">" + esc(c.description) + "</span>" }
        return "<details class=\"cite\"><summary>" + esc(c.description) + "</summary>"
            + quotes.map { "<blockquote lang=\"\(esc($0.language))\">" + esc($0.text) + "</blockquote>" }.joined()
            + "</details>"
    }

    /// " [a; b]" as the text layout has it, each citation openable; empty without citations.
    func citations(_ cs: [Citation]) -> String {
        cs.isEmpty ? "" : " <span class=\"cites\">[" + cs.map(citation).joined(separator: "; ") + "]</span>"
    }

    /// The mark of a disputed record: the worded label linking to the discrepancy, and each other source's
    /// reading with its citations.
    func marks(_ disputes: [RegimeDispute]) -> String {
        disputes.map { d in
            "<div class=\"dispute\"><a class=\"disputed-mark\" href=\"#\(esc(Self.disputeAnchor(d.id)))\">"
                + esc(WebPhrase.regimeDisputed.text(language)) + "</a>"
                + d.otherClaims.map { c in
                    " <span class=\"other-reading\">" + esc(WebPhrase.regimeOtherReading.text(language)) + " "
                        + esc(c.statement) + citations(c.citations) + "</span>"
                }.joined() + "</div>"
        }.joined()
    }

    /// An item as a list element, anchored by its record's id, marked when disputed or not in force.
    func item(_ item: RegimeItem, _ disputes: [RegimeDispute]) -> String {
        var classes: [String] = []
        if item.nested { classes.append("nested") }
        if !item.inForce { classes.append("not-in-force") }
        if !disputes.isEmpty { classes.append("disputed") }
        let anchor = item.subject.map { " id=\"\(esc(Self.recordAnchor($0)))\"" } ?? ""
        let classList = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        // A rule not yet in force says so in its own words ("not yet in force on DATE"); the class greys it.
        return "<li\(anchor)\(classList)>" + esc(item.text) + citations(item.citations) + marks(disputes)
            + "</li>\n"
    }

    func list(_ items: [RegimeItem], _ disputes: (String?) -> [RegimeDispute], class name: String) -> String {
        items.isEmpty ? "" : "<ul class=\"\(name)\">\n" + items.map { item($0, disputes($0.subject)) }.joined() + "</ul>\n"
    }

    /// The items of a version under the headings of their parts, in the order the page words them.
    func parts(_ items: [RegimeItem], _ disputes: (String?) -> [RegimeDispute]) -> String {
        var out = ""
        var index = items.startIndex
        while index < items.endIndex {
            let part = items[index].part
            let end = items[index...].firstIndex { $0.part != part } ?? items.endIndex
            if let part { out += "<h4>" + esc(WebPhrase.part(part).text(language)) + "</h4>\n" }
            out += list(Array(items[index..<end]), disputes, class: "rules")
            index = end
        }
        return out
    }

    /// The discrepancies at the end, each under its anchor, every claim with its citations.
    func disputeList(_ heading: String, _ disputes: [RegimeDispute], encodedMark: String?) -> String {
        guard !disputes.isEmpty else { return "" }
        return "<section class=\"disputes\" id=\"disputes\">\n<h2>" + esc(heading) + "</h2>\n<ol>\n"
            + disputes.map { d in
                "<li id=\"\(esc(Self.disputeAnchor(d.id)))\">" + esc(d.line) + "\n<ul>\n"
                    + d.claims.map { c in
                        "<li class=\"claim\(c.encoded ? " encoded" : "")\">" + esc(c.statement)
                            + (c.encoded ? encodedMark.map { " " + esc($0) } ?? "" : "") + citations(c.citations) + "</li>\n"
                    }.joined() + "</ul>\n</li>\n"
            }.joined() + "</ol>\n</section>\n"
    }

    /// A jurisdiction's regime: facts, defined groups, each mechanism and version by parts, what is not stated,
    /// the discrepancies; `form` (the as-of switch) after the facts.
    func regime(_ sheet: RegimeSheet, form: String) -> String {
        let disputes = { (subject: String?) in sheet.disputes(about: subject) }
        var out = list(sheet.facts, disputes, class: "facts") + form + list(sheet.groups, disputes, class: "groups")
        for m in sheet.mechanisms {
            out += "<section class=\"mechanism\" id=\"\(esc(Self.recordAnchor(m.id)))\">\n<h2>" + esc(m.title) + "</h2>\n"
                + marks(sheet.disputes(about: m.id))
            if let absent = m.absent { out += "<p class=\"absent\">" + esc(absent) + "</p>\n" }
            for v in m.versions {
                let anchor = v.heading.subject.map { " id=\"\(esc(Self.recordAnchor($0)))\"" } ?? ""
                out += "<section class=\"version\"\(anchor)>\n<h3>" + esc(v.heading.text) + "</h3>\n"
                    + "<div class=\"version-sources\">" + citations(v.heading.citations) + "</div>\n"
                    + marks(disputes(v.heading.subject)) + parts(v.items, disputes) + "</section>\n"
            }
            out += "</section>\n"
        }
        if !sheet.notStated.isEmpty {
            out += "<section class=\"not-stated\">\n<h2>" + esc(sheet.notStatedHeading) + "</h2>\n"
                + list(sheet.notStated, disputes, class: "rules") + "</section>\n"
        }
        return out + disputeList(sheet.disputesHeading, sheet.disputes, encodedMark: sheet.encodedMark)
    }

    /// An instrument: status and sources, each provision with its checks and notes, the discrepancies, the cases.
    func instrument(_ sheet: InstrumentSheet) -> String {
        let disputes = { (subject: String?) in sheet.disputes(about: subject) }
        var out = list(sheet.facts, disputes, class: "facts")
        for p in sheet.provisions {
            let anchor = p.heading.subject.map { " id=\"\(esc(Self.recordAnchor($0)))\"" } ?? ""
            out += "<section class=\"provision\"\(anchor)>\n<p class=\"statement\">" + esc(p.heading.text) + "</p>\n"
                + "<div class=\"provision-sources\">" + citations(p.heading.citations) + "</div>\n"
                + marks(disputes(p.heading.subject)) + list(p.items, disputes, class: "rules") + "</section>\n"
        }
        out += disputeList(sheet.disputesHeading, sheet.disputes, encodedMark: nil)
        if !sheet.cases.isEmpty {
            out += "<section class=\"cases\">\n<h2>" + esc(sheet.casesHeading) + "</h2>\n"
                + list(sheet.cases, disputes, class: "rules") + "</section>\n"
        }
        return out + sheet.notes.map { "<p class=\"note\">" + esc($0) + "</p>\n" }.joined()
    }
}
