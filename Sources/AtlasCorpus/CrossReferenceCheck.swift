import AtlasModel
import Foundation
internal import SafeXML

/// The rules XSD cannot state, checked over the parsed documents so each problem keeps its file and line:
/// ids unique across the corpus, citations naming known sources, vocabulary terms known, references resolving,
/// and dated versions of a mechanism not overlapping.
struct CrossReferenceCheck {
    /// Known source ids; `nil` when sources.xml could not be read (its own problem is reported; every citation
    /// naming an "unknown" source would only repeat it).
    let sources: Set<String>?
    /// The vocabulary; `nil` when vocabulary.xml could not be read, for the same reason.
    let vocabulary: Vocabulary?
    private(set) var diagnostics: [CorpusDiagnostic] = []
    private(set) var citationCount = 0
    /// Quotations checked against the seed text (cited lines and quotation both present).
    private(set) var quotationCount = 0
    /// Seed texts by source id, for the quotation check; a source absent here is not checked.
    var seedTexts: [String: SeedText] = [:]
    private var seenIDs: [String: XMLElement] = [:]

    /// Which attribute of which element holds a term of which vocabulary set.
    static let vocabularyAttributes: [(element: String, attribute: String, set: String)] = [
        ("category", "in", "category"),
        ("offence", "any", "offence-tag"),
        ("consequence", "any", "consequence"),
        ("punishment", "in", "punishment"),
        ("prior-revocation", "in", "prior-revocation"),
        ("mechanism", "kind", "mechanism-kind"),
        ("reading", "mechanism-kind", "mechanism-kind"),
        ("deciding-body", "kind", "body-kind"),
        ("initiator", "who", "actor"),
        ("participant", "who", "actor"),
        ("ground", "initiated-by", "actor"),
        ("by", "kind", "supervisor"),
        ("consequence", "kind", "revocation-consequence"),
        ("conversion", "into", "punishment"),
        ("conversion", "unit", "unit"),
        ("legal-family", "term", "legal-family"),
        ("not-stated", "aspect", "aspect"),
        ("check", "feature", "regime-feature"),
        ("provision", "tags", "provision-tag"),
        ("disability", "in", "disability-group"),
        ("relation", "kind", "instrument-relation"),
        ("find", "mechanism-kinds", "mechanism-kind"),
        ("find", "by", "supervisor"),
        ("find", "by-other-than", "supervisor"),
        ("find", "who", "actor"),
        ("find", "consequence", "revocation-consequence"),
        ("detection", "not-stated", "aspect"),
        ("reform", "kind", "reform-kind"),
        ("set-deciding-body", "kind", "body-kind"),
    ]

    static let vocabularyByElement = Dictionary(grouping: vocabularyAttributes, by: \.element)

    init(sources: Set<String>?, vocabulary: Vocabulary?) {
        self.sources = sources
        self.vocabulary = vocabulary
    }

    mutating func registerSources(_ root: XMLElement) {
        for s in root.children(named: "source") {
            if let id = s.attribute("id") { register(id: id, at: s) }
            checkCitations(in: Self.descendants(of: s), declaredSources: nil)
        }
    }

    mutating func check(jurisdiction root: XMLElement) {
        let id = root.attribute("id") ?? ""
        let fileStem = ((root.file as NSString).lastPathComponent as NSString).deletingPathExtension
        if fileStem != id {
            diagnostics.append(root.diagnostic(.fileNameMismatch,
                "jurisdiction id \"\(id)\" does not match its file name \(fileStem).xml; "
                + "rename the file or the id"))
        }
        register(id: id, at: root)
        let all = Self.descendants(of: root)
        let localIDs = Set(all.compactMap { $0.attribute("id") })
        for e in all { if let eid = e.attribute("id") { register(id: eid, at: e) } }
        checkCitations(in: all, declaredSources: declaredSources(of: root))

        let conditionSets = Set(root.children(named: "condition-set").compactMap { $0.attribute("id") })
        for e in all {
            checkVocabulary(e)
            checkJurisdictionRule(e, conditionSets: conditionSets, localIDs: localIDs)
            checkDateOrder(e)
        }
        checkRelativeThresholds(root)
    }

    /// A threshold laid from another mechanism's date stands alone and names a mechanism of the same
    /// jurisdiction whose own thresholds are laid from the term: so the anchor is decided without a cycle.
    private mutating func checkRelativeThresholds(_ root: XMLElement) {
        let mechanisms = root.children(named: "mechanism")
        let relative = Set(mechanisms.filter { m in
            Self.descendants(of: m).contains { $0.name == "relative-to" }
        }.compactMap { $0.attribute("id") })
        let ids = Set(mechanisms.compactMap { $0.attribute("id") })
        for m in mechanisms {
            for t in Self.descendants(of: m) where t.name == "threshold" {
                guard let r = t.child(named: "relative-to") else { continue }
                let anchor = r.attribute("mechanism") ?? ""
                let threshold = t.attribute("id") ?? ""
                if !ids.contains(anchor) || anchor == m.attribute("id") {
                    diagnostics.append(r.diagnostic(.unresolvedReference,
                        "threshold \"\(threshold)\" is relative to \"\(anchor)\", which is not another mechanism of this jurisdiction"))
                } else if relative.contains(anchor) {
                    diagnostics.append(r.diagnostic(.invalidValue,
                        "threshold \"\(threshold)\" is relative to \"\(anchor)\", whose own thresholds are relative; lay one of them from the term"))
                }
                if ["fraction", "minimum", "fixed"].contains(where: { t.child(named: $0) != nil }) {
                    diagnostics.append(r.diagnostic(.invalidValue,
                        "threshold \"\(threshold)\" is relative to another mechanism and also has a fraction, minimum or fixed time; split it into two thresholds"))
                }
            }
        }
    }

    /// Instruments and the cases file: ids, sources, citations and vocabulary (no jurisdiction-only rules).
    mutating func check(document root: XMLElement) {
        if root.name == "instrument" {
            let id = root.attribute("id") ?? ""
            let fileStem = ((root.file as NSString).lastPathComponent as NSString).deletingPathExtension
            if fileStem != id {
                diagnostics.append(root.diagnostic(.fileNameMismatch,
                    "instrument id \"\(id)\" does not match its file name \(fileStem).xml"))
            }
            register(id: id, at: root)
        }
        let all = Self.descendants(of: root)
        for e in all {
            if let eid = e.attribute("id") { register(id: eid, at: e) }
            checkVocabulary(e)
        }
        checkCitations(in: all, declaredSources: declaredSources(of: root))
    }

    /// vocabulary.xml: the citations of the home law, the fact compositions and the terms that carry them (any
    /// source of sources.xml; the vocabulary lists no `uses-source`), and the terms the feature definitions name.
    mutating func check(vocabulary root: XMLElement) {
        let all = Self.descendants(of: root)
        for e in all { checkVocabulary(e) }
        checkCitations(in: all, declaredSources: nil)
    }

    // MARK: parts

    /// The rules only a jurisdiction's elements follow: references to its condition sets, to ids, claims and
    /// thresholds of its own, and dated versions.
    private mutating func checkJurisdictionRule(_ e: XMLElement, conditionSets: Set<String>, localIDs: Set<String>) {
        switch e.name {
        case "ref":
            let set = e.attribute("set") ?? ""
            if !conditionSets.contains(set) {
                diagnostics.append(e.diagnostic(.unresolvedReference,
                    "<ref set=\"\(set)\"> names no condition-set of this jurisdiction"))
            }
        case "discrepancy":
            for about in words(e, "about") where !localIDs.contains(about) {
                diagnostics.append(e.diagnostic(.unresolvedReference,
                    "discrepancy is about \"\(about)\", which is not an id in this file"))
            }
            let about = Set(words(e, "about"))
            for reading in e.children(named: "claim").compactMap({ $0.child(named: "reading") }) {
                let given = ["rule", "intertemporal", "mechanism-kind"].filter { reading.attribute($0) != nil }
                if given.count != 1 {
                    diagnostics.append(reading.diagnostic(.invalidValue,
                        "<reading> changes one thing: give exactly one of rule=, intertemporal= or mechanism-kind="))
                }
                if let rule = reading.attribute("rule"), !about.contains(rule) {
                    diagnostics.append(reading.diagnostic(.unresolvedReference,
                        "<reading rule=\"\(rule)\"> reads a rule the discrepancy is not about; add it to about="))
                }
                if (reading.attribute("rule") == nil) != (reading.child(named: "when") == nil) {
                    diagnostics.append(reading.diagnostic(.invalidValue,
                        "<reading> gives a <when> exactly when it names a rule="))
                }
            }
            let claims = Set(e.children(named: "claim").compactMap { $0.attribute("id") })
            if let encoded = e.child(named: "encoded"), let claim = encoded.attribute("claim"),
               !claims.contains(claim) {
                diagnostics.append(encoded.diagnostic(.unresolvedReference,
                    "<encoded claim=\"\(claim)\"> names no claim of this discrepancy"))
            }
        case "mechanism":
            checkVersions(of: e)
        case "version" where e.attribute("from") == nil && e.attribute("date-basis") != "not-stated":
            diagnostics.append(e.diagnostic(.invalidDates,
                "version \"\(e.attribute("id") ?? "")\" has no from= date; give one, "
                + "or mark it date-basis=\"not-stated\" when the source does not date the law"))
        case "version":
            let thresholdIDs = Set(e.children(named: "threshold").compactMap { $0.attribute("id") })
            for t in e.children(named: "threshold") {
                for o in words(t, "overrides") where !thresholdIDs.contains(o) {
                    diagnostics.append(t.diagnostic(.unresolvedReference,
                        "overrides \"\(o)\", which is not a threshold of this version"))
                }
            }
        default: break
        }
    }

    /// The sources `root` lists in `<uses-source>`, each of which must be in sources.xml.
    private mutating func declaredSources(of root: XMLElement) -> Set<String> {
        var declared = Set<String>()
        for u in root.children(named: "uses-source") {
            let ref = u.attribute("ref") ?? ""
            declared.insert(ref)
            if let sources, !sources.contains(ref) {
                diagnostics.append(u.diagnostic(.unknownSource, "unknown source \(quoted(ref)); add it to sources.xml"))
            }
        }
        return declared
    }

    private mutating func register(id: String, at e: XMLElement) {
        if let first = seenIDs[id] {
            diagnostics.append(e.diagnostic(.duplicateID,
                "duplicate id \"\(id)\" (first defined at \(first.file):\(first.line):"
                + "\(first.column)); ids must be unique across the corpus"))
        } else {
            seenIDs[id] = e
        }
    }

    /// `elements`: every descendant of the document, walked once by the caller (these checks run on every load).
    private mutating func checkCitations(in elements: [XMLElement], declaredSources: Set<String>?) {
        for c in elements where c.name == "cite" {
            citationCount += 1
            let source = c.attribute("source") ?? ""
            if let sources, !sources.contains(source) {
                diagnostics.append(c.diagnostic(.unknownSource,
                    "citation names unknown source \(quoted(source)); add it to sources.xml "
                    + "or fix the id"))
            } else if let declaredSources, !declaredSources.contains(source) {
                diagnostics.append(c.diagnostic(.unknownSource,
                    "citation names source \"\(source)\", which this jurisdiction does "
                    + "not list in <uses-source>"))
            }
            if c.attribute("lines") == nil, c.attribute("footnote") == nil, c.attribute("article") == nil,
               c.attribute("paragraph") == nil, c.attribute("page") == nil {
                diagnostics.append(c.diagnostic(.invalidCitation,
                    "citation of \"\(source)\" has no locator; give lines, footnote, "
                    + "article, paragraph or page"))
            }
            if let lines = c.attribute("lines"), let range = Self.lineBounds(lines) {
                if range.first > range.last {
                    diagnostics.append(c.diagnostic(.invalidCitation, "line range \(lines) runs backwards"))
                } else if let seed = seedTexts[source] {
                    for q in c.children(named: "quote") {
                        quotationCount += 1
                        if !seed.contains(q.text, first: range.first, last: range.last) {
                            diagnostics.append(q.diagnostic(.quotationNotFound,
                                "quotation not found in \(source) lines \(lines); copy the "
                                + "text exactly or correct the line range"))
                        }
                    }
                }
            }
        }
    }

    private mutating func checkVocabulary(_ e: XMLElement) {
        guard let vocabulary, let rules = Self.vocabularyByElement[e.name] else { return }
        for rule in rules {
            for term in words(e, rule.attribute) where !vocabulary.contains(term, in: rule.set) {
                let known = vocabulary.terms(of: rule.set).joined(separator: ", ")
                diagnostics.append(e.diagnostic(.unknownTerm,
                    "unknown \(rule.set) term \"\(term)\" in \(rule.attribute)=; known: "
                    + "\(known); add it to vocabulary.xml if it is new"))
            }
        }
    }

    private mutating func checkVersions(of mechanism: XMLElement) {
        var previous: (from: CalendarDate, to: CalendarDate?, element: XMLElement)?
        // An undated version starts at the beginning of time for the purpose of overlap.
        let versions = mechanism.children(named: "version").map { v -> (CalendarDate, CalendarDate?, XMLElement) in
            (v.attribute("from").flatMap(CalendarDate.init(iso:)) ?? CalendarDate(year: 1, month: 1, day: 1)!,
             v.attribute("to").flatMap(CalendarDate.init(iso:)), v)
        }
        for (from, to, element) in versions.sorted(by: { $0.0 < $1.0 }) {
            if let p = previous {
                let overlaps = p.to.map { $0 >= from } ?? true
                if overlaps {
                    diagnostics.append(element.diagnostic(.invalidDates,
                        "version \"\(element.attribute("id") ?? "")\" from \(from) overlaps version "
                            + "\"\(p.element.attribute("id") ?? "")\" (\(p.from) to \(p.to.map(\.description) ?? "open")); "
                            + "end the earlier one the day before"))
                }
            }
            previous = (from, to, element)
        }
    }

    private mutating func checkDateOrder(_ e: XMLElement) {
        if let f = e.attribute("from").flatMap(CalendarDate.init(iso:)),
           let t = e.attribute("to").flatMap(CalendarDate.init(iso:)), t < f {
            diagnostics.append(e.diagnostic(.invalidDates, "to=\(t) is before from=\(f)"))
        }
    }

    private func words(_ e: XMLElement, _ attribute: String) -> [String] { e.words(attribute) }

    /// Every element below `e`, in document order.
    static func descendants(of e: XMLElement) -> [XMLElement] {
        var result: [XMLElement] = []
        var stack = e.children.reversed() as [XMLElement]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: next.children.reversed())
        }
        return result
    }

    /// First and last line of a locator such as `L3677-3685`, as written (possibly backwards).
    static func lineBounds(_ text: String) -> (first: Int, last: Int)? {
        guard text.hasPrefix("L") else { return nil }
        let parts = text.dropFirst().split(separator: "-")
        guard let a = parts.first.flatMap({ Int($0) }) else { return nil }
        return (a, parts.count > 1 ? Int(parts[1]) ?? a : a)
    }
}
