import AtlasModel

/// A change to the law written on one line, `TARGET=VALUE`, as the quick form of a reform file:
///
/// - `kz-cc-72-3-grave=1/3` or `kz-cc-72-3-grave.fraction=1/3`: a threshold's share of the term;
/// - `kz-cc-72-5-life.fixed=20y`, `….minimum=6m`: a threshold's fixed or minimum time;
/// - `kz-parole.threshold[category=grave]=1/3`: the mechanism's threshold that tests exactly that category (and,
///   with `,fact=cooperation`, that fact);
/// - `kz-cc-72-8-corruption=off`: removes a rule (exclusion, exception, threshold, condition);
/// - `kz-parole.reapplication-wait=3m`: the wait before a new petition.
///
/// Rule ids are those `parole show` prints. Each assignment becomes one reform of its own, applied like any other.
public enum ReformAssignment {
    /// The reform `text` writes, against the law of `jurisdictions`; `index` numbers it among the command's.
    public static func reform(_ text: String, index: Int, jurisdictions: [Jurisdiction]) throws(ReformError) -> Reform {
        let place = "--set \(text)"
        func fail(_ message: String) -> ReformError { ReformError(place: place, message) }
        guard let (target, value) = Self.splitAssignment(text), !target.isEmpty, !value.isEmpty else {
            throw fail("write TARGET=VALUE, e.g. kz-cc-72-3-grave=1/3 or kz-parole.threshold[category=grave]=1/3")
        }
        let path = try Self.path(target, place: place)
        let (jurisdiction, rule) = try Self.resolve(path, jurisdictions: jurisdictions, place: place)
        let action = try Self.action(path: path, rule: rule, value: value, place: place)
        try Self.check(action, on: jurisdiction, place: place)
        let label = [LocalizedString(language: "kk", text: place), LocalizedString(language: "ru", text: place),
                     LocalizedString(language: "en", text: place)]
        return Reform(id: "set-\(index)", jurisdiction: jurisdiction.id, kind: "other", labels: label,
                      changes: [ReformChange(action, place: place)],
                      citations: [Citation(sourceID: "command-line", paragraph: place)])
    }

    /// A target as written: the id before the first dot, an optional selector, and the part after it.
    struct Path {
        var id: String
        var member: String?
        var selector: [(key: String, value: String)]
        var part: String?
    }

    static func splitAssignment(_ text: String) -> (String, String)? {
        var depth = 0
        var cut: String.Index?
        for i in text.indices {
            switch text[i] {
            case "[": depth += 1
            case "]": depth -= 1
            case "=" where depth == 0: cut = i
            default: break
            }
        }
        guard let cut else { return nil }
        return (String(text[..<cut]), String(text[text.index(after: cut)...]))
    }

    static func path(_ target: String, place: String) throws(ReformError) -> Path {
        var rest = Substring(target)
        var selector: [(String, String)] = []
        var member: String?
        if let open = rest.firstIndex(of: "[") {
            guard let close = rest.firstIndex(of: "]"), close > open else {
                throw ReformError(place: place, "unclosed [ in \(target); write kz-parole.threshold[category=grave]")
            }
            for pair in rest[rest.index(after: open)..<close].split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).filter { $0 != " " } }
                guard kv.count == 2, ["category", "fact"].contains(kv[0]) else {
                    throw ReformError(place: place, "selector \"\(pair)\": use category=TERM or fact=NAME")
                }
                selector.append((kv[0], kv[1]))
            }
            let head = rest[..<open]
            let after = rest[rest.index(after: close)...]
            guard let dot = head.lastIndex(of: ".") else {
                throw ReformError(place: place, "a selector follows a mechanism member: kz-parole.threshold[category=grave]")
            }
            member = String(head[head.index(after: dot)...])
            rest = head[..<dot]
            let part = after.hasPrefix(".") ? String(after.dropFirst()) : nil
            guard after.isEmpty || part != nil else {
                throw ReformError(place: place, "unexpected \"\(after)\" after the selector")
            }
            return Path(id: String(rest), member: member, selector: selector, part: part)
        }
        let pieces = target.split(separator: ".", maxSplits: 1).map(String.init)
        return Path(id: pieces[0], member: nil, selector: [], part: pieces.count > 1 ? pieces[1] : nil)
    }

    /// The jurisdiction and the rule id the path names.
    static func resolve(_ path: Path, jurisdictions: [Jurisdiction], place: String) throws(ReformError)
        -> (Jurisdiction, String)
    {
        if let member = path.member {
            guard member == "threshold" else {
                throw ReformError(place: place, "only threshold[…] takes a selector; name other rules by id")
            }
            guard let j = jurisdictions.first(where: { $0.mechanisms.contains { $0.id == path.id } }),
                  let m = j.mechanisms.first(where: { $0.id == path.id }) else {
                let ids = jurisdictions.flatMap { $0.mechanisms.map(\.id) }
                throw ReformError(place: place, "no mechanism \"\(path.id)\"; nearest: "
                    + Suggestion.nearest(to: path.id, among: ids, count: 3).joined(separator: ", "))
            }
            let thresholds = m.versions.last?.thresholds ?? []
            let matching = thresholds.filter { Self.matches($0.condition, path.selector) }
            guard matching.count == 1 else {
                let wanted = path.selector.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                let ids = matching.isEmpty ? thresholds.map(\.id) : matching.map(\.id)
                throw ReformError(place: place, (matching.isEmpty ? "no threshold of \(m.id) tests exactly \(wanted)"
                    : "\(matching.count) thresholds of \(m.id) test \(wanted)") + "; name one by id: "
                    + ids.joined(separator: ", "))
            }
            return (j, matching[0].id)
        }
        if let j = jurisdictions.first(where: { j in j.mechanisms.contains { m in m.versions.contains { $0.ruleIDs.contains(path.id) } } }) {
            return (j, path.id)
        }
        if let j = jurisdictions.first(where: { $0.mechanisms.contains { $0.id == path.id } }) {
            return (j, path.id)
        }
        let ids = jurisdictions.flatMap { j in j.mechanisms.flatMap { m in [m.id] + m.versions.flatMap { Array($0.ruleIDs) } } }
        throw ReformError(place: place, "no rule or mechanism \"\(path.id)\"; nearest: "
            + Suggestion.nearest(to: path.id, among: Array(Set(ids)).sorted(), count: 3).joined(separator: ", ")
            + " (parole show JURISDICTION lists the ids)")
    }

    /// Whether a threshold's condition tests exactly what the selector names: its category terms include the
    /// selected one, its facts are the selected ones, and it tests nothing else.
    static func matches(_ condition: Condition?, _ selector: [(key: String, value: String)]) -> Bool {
        guard let condition else { return selector.isEmpty }
        var leaves: [Condition] = []
        func collect(_ c: Condition) {
            if case .all(let parts) = c { parts.forEach(collect) } else { leaves.append(c) }
        }
        collect(condition)
        guard leaves.count == selector.count else { return false }
        return selector.allSatisfy { s in
            leaves.contains { leaf in
                switch (s.key, leaf) {
                case ("category", .category(let terms)): terms.contains(s.value)
                case ("fact", .fact(let fact, true)): fact.rawValue == s.value
                default: false
                }
            }
        }
    }

    /// A value only a threshold takes, set on another rule, or a share set on a threshold only life sentences meet,
    /// would change nothing: said at once rather than found later as "the reforms change nothing".
    static func check(_ action: ReformChange.Action, on j: Jurisdiction, place: String) throws(ReformError) {
        guard case .setThreshold(let rule, let fraction, _, _, _) = action else { return }
        let versions = j.mechanisms.flatMap(\.versions)
        guard let threshold = versions.flatMap(\.thresholds).first(where: { $0.id == rule }) else {
            throw ReformError(place: place, "\(rule) is not a threshold, so it has no share or time to set; "
                + "write \(rule)=off to remove it")
        }
        let lifeOnly = threshold.condition?.containsLeaf(throughNegation: false) { $0 == .life(true) } ?? false
        if fraction != nil, lifeOnly {
            throw ReformError(place: place, "\(rule) is for life sentences, which have no share of a term; "
                + "set its time instead: \(rule).fixed=20y")
        }
    }

    static func action(path: Path, rule: String, value: String, place: String) throws(ReformError)
        -> ReformChange.Action
    {
        if value == "off" {
            guard path.part == nil else { throw ReformError(place: place, "off removes a whole rule: write \(path.id)=off") }
            return .remove(rule: rule)
        }
        switch path.part {
        case nil, "fraction":
            if path.part == nil, !value.contains("/") {
                throw ReformError(place: place,
                    "\(value) is no share of the term; write a fraction such as 1/3, name the part "
                    + "(\(path.id).minimum=6m, .fixed=20y), or off to remove the rule")
            }
            guard let share = Rational(parsing: value), share.numerator > 0, share.numerator <= share.denominator,
                  share.denominator <= 1000 else {
                throw ReformError(place: place, "\(value) is not a share between 0 and 1 such as 1/3 (at most 1/1, more than 0)")
            }
            return .setThreshold(rule: rule, fraction: share, base: nil, minimum: nil, fixed: nil)
        case "minimum", "fixed", "reapplication-wait":
            guard let d = CalendarDuration(compact: value.lowercased()) ?? CalendarDuration(iso: value.uppercased()),
                  !d.isZero, d.years <= 1000 else {
                throw ReformError(place: place, "\(value) is not a duration such as 6m, 2y6m or 20y")
            }
            if path.part == "reapplication-wait" { return .setReapplicationWait(mechanism: rule, d) }
            return .setThreshold(rule: rule, fraction: nil, base: nil, minimum: path.part == "minimum" ? d : nil,
                                 fixed: path.part == "fixed" ? d : nil)
        default:
            break
        }
        throw ReformError(place: place,
            "unknown part \"\(path.part ?? "")\"; a threshold has fraction, minimum or fixed, a mechanism reapplication-wait")
    }
}
