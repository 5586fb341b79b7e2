import AtlasModel
internal import SafeXML

/// Reads reform packages (corpus/reforms/*.xml and users' own reform files) into the model, with the same reader
/// as the law: a rule a reform adds is read exactly as the law's own rules are.
extension ModelReader {
    mutating func reformPackage(_ root: XMLElement) -> ReformPackage {
        let jurisdiction = root.attribute("jurisdiction") ?? ""
        let table = root.child(named: "table").map { t in
            AmendmentTable(annex: int(t, "annex") ?? 0,
                           title: t.child(named: "title").map { tableText($0) } ?? TableText(citations: [], renderings: []))
        }
        return ReformPackage(id: root.attribute("id") ?? "", jurisdiction: jurisdiction, labels: labels(root),
                             table: table, citations: citations(root), notes: texts(root, "note"),
                             reforms: root.children(named: "reform").map { reform($0, jurisdiction: jurisdiction) },
                             origin: location(root))
    }

    private func tableText(_ e: XMLElement) -> TableText {
        TableText(citations: citations(e), renderings: texts(e, "text"))
    }

    private mutating func reform(_ e: XMLElement, jurisdiction: String) -> Reform {
        Reform(id: e.attribute("id") ?? "", jurisdiction: jurisdiction, row: int(e, "row"),
               kind: e.attribute("kind") ?? "", act: e.attribute("act"), variantSet: e.attribute("variant-set"),
               variant: int(e, "variant"), labels: labels(e), element: texts(e, "element"),
               current: e.child(named: "current").map { tableText($0) },
               proposed: e.child(named: "proposed").map { tableText($0) },
               justification: e.child(named: "justification").map { tableText($0) },
               changes: e.child(named: "changes")?.children.compactMap { change($0) } ?? [],
               citations: citations(e), notes: texts(e, "note"), origin: location(e))
    }

    private mutating func change(_ e: XMLElement) -> ReformChange? {
        let place = location(e).description
        func mechanism() -> String { e.attribute("mechanism") ?? "" }
        let action: ReformChange.Action
        switch e.name {
        case "set-threshold":
            let f = fraction(e.child(named: "fraction"))
            action = .setThreshold(rule: e.attribute("rule") ?? "", fraction: f?.0, base: f?.1,
                                   minimum: duration(e.child(named: "minimum")), fixed: duration(e.child(named: "fixed")))
        case "set-condition":
            action = .setCondition(rule: e.attribute("rule") ?? "",
                                   e.child(named: "when").map { conditions($0) } ?? .all([]))
        case "add-alternative":
            action = .addAlternative(rule: e.attribute("rule") ?? "",
                                     e.child(named: "when").map { conditions($0) } ?? .all([]))
        case "add-threshold": action = .addThreshold(mechanism: mechanism(), threshold(e))
        case "add-exclusion": action = .addExclusion(mechanism: mechanism(), exclusion(e))
        case "add-exception": action = .addException(exclusion: e.attribute("exclusion") ?? "", ruleCondition(e))
        case "add-grant-condition": action = .addGrantCondition(mechanism: mechanism(), ruleCondition(e))
        case "add-mandatory-release": action = .addMandatoryRelease(mechanism: mechanism(), ruleCondition(e))
        case "add-revocation-ground": action = .addRevocationGround(mechanism: mechanism(), revocationGround(e))
        case "remove": action = .remove(rule: e.attribute("rule") ?? "")
        case "set-deciding-body":
            action = .setDecidingBody(mechanism: mechanism(), DecidingBody(
                id: e.attribute("id") ?? "", kind: e.attribute("kind") ?? "", labels: labels(e),
                validity: validity(e), citations: citations(e)))
        case "set-reapplication-wait":
            guard let wait = duration(e.child(named: "duration")) else { return nil }
            action = .setReapplicationWait(mechanism: mechanism(), wait)
        default:
            return nil
        }
        return ReformChange(action, place: place, origin: location(e))
    }
}
