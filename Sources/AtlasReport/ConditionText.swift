import Foundation
import AtlasModel

/// Conditions in short words, composed from the vocabulary's labels (for tables, not for legal text).
public struct ConditionText: Sendable {
    public let vocabulary: Vocabulary
    public let language: String

    public init(vocabulary: Vocabulary, language: String = "en") {
        self.vocabulary = vocabulary
        self.language = language
    }

    public func describe(_ c: Condition) -> String {
        switch c {
        case .category(let s): return labels(s, "category").joined(separator: " or ")
        case .offence(let s): return labels(s, "offence-tag").joined(separator: " or ")
        case .consequence(let s): return labels(s, "consequence").joined(separator: " or ")
        case .punishment(let s): return labels(s, "punishment").joined(separator: " or ")
        case .term(let t):
            var parts: [String] = []
            if let d = t.greaterThan { parts.append("term > \(d.compact)") }
            if let d = t.atLeast { parts.append("term ≥ \(d.compact)") }
            if let d = t.lessThan { parts.append("term < \(d.compact)") }
            if let d = t.atMost { parts.append("term ≤ \(d.compact)") }
            return parts.joined(separator: ", ")
        case .life(let b): return b ? "life" : "not life"
        case .fact(let f, let b): return (b ? "" : "no ") + f.rawValue.replacingOccurrences(of: "-", with: " ")
        case .sex(let s): return s.rawValue
        case .age(let at, let ge, let lt):
            let range = [ge.map { "≥ \($0)" }, lt.map { "< \($0)" }].compactMap { $0 }.joined(separator: ", ")
            return "age \(range) at \(at == .offence ? "offence" : "decision")"
        case .victimAge(let ge, let lt):
            return "victim " + [ge.map { "≥ \($0)" }, lt.map { "< \($0)" }].compactMap { $0 }.joined(separator: ", ")
        case .disability(let g): return "disability group " + g.sorted().map(String.init).joined(separator: "/")
        case .priorRevocation(let s): return "after a revoked parole (" + labels(s, "prior-revocation").joined(separator: ", ") + ")"
        case .reference(let id): return id
        case .all(let parts): return parts.map(describe).joined(separator: ", ")
        case .any(let parts): return parts.map(describe).joined(separator: " or ")
        case .not(let parts): return "not (" + parts.map(describe).joined(separator: ", ") + ")"
        }
    }

    private func labels(_ terms: Set<String>, _ set: String) -> [String] {
        terms.sorted().map { vocabulary.label($0, in: set, language: language) }
    }
}

extension Threshold {
    /// The required time in short form: "1/2", "life 25y", "2/3, at least 2m".
    public var requirement: String {
        var parts: [String] = []
        if let f = fraction { parts.append(f.description + (fractionBase == .remainder ? " of remainder" : "")) }
        if let m = minimum { parts.append("at least \(m.compact)") }
        if let x = fixed { parts.append(x.compact) }
        return parts.joined(separator: combination == .laterOf ? ", " : " or ")
    }
}
