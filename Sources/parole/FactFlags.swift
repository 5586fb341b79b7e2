import ArgumentParser
import AtlasModel

/// The case facts on the command line: one flag per fact of `CaseFactCatalogue` (`--young-child`, `--age 40`,
/// `--no-recidivist`, `--offence a --offence b`), read from the arguments the command's own options leave, so that
/// a fact added to the catalogue is a flag without a line here.
enum FactFlags {
    /// Reads `arguments` into a draft; `commandOptions` are the command's other long options, offered as
    /// suggestions for a mistyped flag.
    static func draft(from arguments: [String], commandOptions: [String]) throws -> CaseDraft {
        var draft = CaseDraft()
        var rest = arguments[...]
        while let token = rest.popFirst() {
            guard token.hasPrefix("--"), token.count > 2 else {
                throw ValidationError("unexpected argument \(InputText.quoted(token)); facts are given as flags, e.g. "
                    + "--term 9y (see parole simulate --help)")
            }
            let (flag, attached) = split(token)
            let (fact, answer) = try declaration(of: flag, commandOptions: commandOptions)
            switch fact.inputShape {
            case .yes, .yesOrNo:
                if attached != nil { throw ValidationError("--\(flag) takes no value") }
                draft[fact.name] = .yesNo(answer)
            case .text, .number, .list:
                guard let given = attached ?? rest.popFirst() else {
                    throw ValidationError("--\(flag): missing value; give it as --\(flag) <\(fact.valueName ?? "value")>")
                }
                draft[fact.name] = try value(given, of: fact, in: draft)
            }
        }
        return draft
    }

    /// `--age=40` → (`age`, `40`); `--age` → (`age`, nil).
    private static func split(_ token: String) -> (flag: String, value: String?) {
        let body = token.dropFirst(2)
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    /// The fact a flag names and the answer it gives (`--no-recidivist` says no).
    private static func declaration(of flag: String, commandOptions: [String]) throws
        -> (CaseFactDeclaration, answer: Bool)
    {
        if let fact = CaseFactCatalogue.named(flag) { return (fact, true) }
        if flag.hasPrefix("no-"), let fact = CaseFactCatalogue.named(String(flag.dropFirst(3))),
           fact.inputShape == .yesOrNo {
            return (fact, false)
        }
        let known = flagNames + commandOptions
        let hint = Suggestion.nearest(to: flag, among: known).map { "; did you mean --\($0)?" } ?? ""
        throw ValidationError("unknown option --\(flag)\(hint) (parole simulate --help lists them)")
    }

    private static func value(_ text: String, of fact: CaseFactDeclaration, in draft: CaseDraft) throws -> DraftValue {
        switch fact.inputShape {
        case .number:
            guard let number = Int(text) else {
                throw ValidationError("--\(fact.name): \(InputText.quoted(text)) is not a whole number")
            }
            return .number(number)
        case .list:
            if case .list(let earlier)? = draft[fact.name] { return .list(earlier + [text]) }
            return .list([text])
        default:
            return .text(text)
        }
    }

    /// Every flag the facts take, `--no-` forms included.
    static var flagNames: [String] {
        CaseFactCatalogue.all.flatMap { fact in
            fact.inputShape == .yesOrNo ? [fact.name, "no-" + fact.name] : [fact.name]
        }
    }

    /// The "Case facts" section of `simulate --help`, one line per fact.
    static var help: String {
        CaseFactCatalogue.all.map { fact in
            let usage: String
            switch fact.inputShape {
            case .yes: usage = "--\(fact.name)"
            case .yesOrNo: usage = "--[no-]\(fact.name)"
            case .text, .number: usage = "--\(fact.name) <\(fact.valueName ?? "value")>"
            case .list: usage = "--\(fact.name) <\(fact.valueName ?? "value")> ..."
            }
            return Self.helpLine(usage, fact.help + (fact.required ? " (required)" : ""))
        }.joined(separator: "\n")
    }

    /// `usage` in a column of its own and the help wrapped beside it, within 80 columns, so that the help printer
    /// (which wraps longer lines at the left margin) leaves the columns alone.
    private static func helpLine(_ usage: String, _ text: String) -> String {
        let column = 36, width = 79
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, column + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        let head = "  " + usage
        let indent = String(repeating: " ", count: column)
        let first = head.count < column ? head + String(repeating: " ", count: column - head.count) + lines[0]
                                        : head + "\n" + indent + lines[0]
        return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
    }
}
