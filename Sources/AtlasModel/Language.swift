/// A language the atlas answers in: Kazakh (the report's), Russian, English.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case kk, ru, en

    /// The language `code` names (`kk`, `ru`, `en`, any case); `nil` for any other.
    public init?(code: String) {
        self.init(rawValue: code.lowercased())
    }
}

extension Array where Element == LocalizedString {
    /// The text in `language`, else English, else the first one; `nil` when empty.
    public func text(in language: Language) -> String? { text(in: language.rawValue) }

    /// Whether a text in `language` itself is present (no fallback).
    public func has(_ language: Language) -> Bool { contains { $0.language == language.rawValue } }
}
