import ArgumentParser
import AtlasModel
import Foundation

/// `--lang kk|ru|en`, shared by every command that prints words: the language of labels, headings and
/// explanations. Without the flag, `PAROLE_LANG` decides, and without either the answer is in English. The flag
/// wins over the environment so that one run can differ from the user's usual language.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "Language of the output: kk, ru or en (default: $PAROLE_LANG, else en).", valueName: "kk|ru|en"))
    var code: String?

    /// The environment variable read when `--lang` is not given.
    static let environmentVariable = "PAROLE_LANG"

    /// The language to answer in. A bad value cannot reach here: `validate()` refuses it before `run()`.
    var language: Language {
        (try? Self.resolve(flag: code, environment: ProcessInfo.processInfo.environment)) ?? .en
    }

    /// Refuses a value of the flag or of `PAROLE_LANG` that is not a language, as a usage error (exit 64).
    func validate() throws {
        do {
            _ = try Self.resolve(flag: code, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The language the flag or else the environment names; English when neither is set. An empty
    /// `PAROLE_LANG` counts as unset, as shells leave exported-but-empty variables about.
    static func resolve(flag: String?, environment: [String: String]) throws(LanguageChoiceError) -> Language {
        if let flag {
            guard let language = Language(code: flag) else {
                throw LanguageChoiceError(message: "--lang: \"\(flag)\" is not kk, ru or en")
            }
            return language
        }
        guard let value = environment[environmentVariable], !value.isEmpty else { return .en }
        guard let language = Language(code: value) else {
            throw LanguageChoiceError(message: "\(environmentVariable): \"\(value)\" is not kk, ru or en")
        }
        return language
    }
}

/// A language named on the command line or in the environment that the atlas does not answer in.
struct LanguageChoiceError: Error {
    var message: String
}
