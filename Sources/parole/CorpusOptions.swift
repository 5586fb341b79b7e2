import Foundation
import ArgumentParser
import AtlasCorpus
import AtlasModel
import AtlasSearch

/// Where to find the corpus; shared by every subcommand.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp(
        "Corpus directory (default: $PAROLE_CORPUS, else the corpus/ of this build).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("schema"), help: ArgumentHelp("Schema file (default: this build's schema).",
                                                             valueName: "file"))
    var schema: String?

    var location: CorpusLocation {
        var l = CorpusLocation.resolve(explicit: directory)
        if let schema { l.schemaFile = schema }
        return l
    }

    /// Loads the corpus; any problem in it is a data error listing every diagnostic. A corpus whose exact bytes
    /// passed every check before skips schema validation (see `CheckedStamps`; `PAROLE_CACHE=off` turns that off).
    func load() throws -> Corpus { try CorpusLoader(location: location, stamps: .standard()).load() }
}

extension Corpus {
    /// The jurisdiction `name` names (an id, a name or short name in any language, or words only its names start
    /// with; see `RecordDirectory`), or a usage error: an instrument named where a jurisdiction is wanted says so,
    /// several jurisdictions are listed to choose from, and an unknown name gets the ids actually close to it.
    func requireJurisdiction(_ name: String) throws -> Jurisdiction {
        // An id as the corpus writes it is what the directory would find first; building the directory (every
        // name in every language, folded) is a good part of a short command's start-up.
        if let exact = jurisdictions.first(where: { $0.id == name }) { return exact }
        let directory = RecordDirectory(records: jurisdictions.map(NamedRecord.jurisdiction))
        switch directory.resolve(name) {
        case .found(let record):
            if case .jurisdiction(let j) = record { return j }
        case .ambiguous(let records):
            throw CLIFailure.usage("\"\(name)\" names several jurisdictions: " + Self.listed(records)
                + "; give one of these ids")
        case .unknown(let near):
            if case .found(.instrument(let i)) = RecordDirectory(corpus: self).resolve(name) {
                throw CLIFailure.usage("\"\(name)\" is an international instrument (\(i.id)), not a jurisdiction; "
                    + "`parole show \(i.id)` shows it")
            }
            throw CLIFailure.usage("unknown jurisdiction \"\(name)\"" + Self.hint(near)
                + " (known: \(jurisdictions.map(\.id).sorted().joined(separator: ", ")))")
        }
        throw CLIFailure.usage("unknown jurisdiction \"\(name)\"")
    }

    /// The jurisdiction or instrument `name` names, or a usage error as `requireJurisdiction` gives.
    func requireRecord(_ name: String) throws -> NamedRecord {
        switch RecordDirectory(corpus: self).resolve(name) {
        case .found(let record): return record
        case .ambiguous(let records):
            throw CLIFailure.usage("\"\(name)\" names several records: " + Self.listed(records) + "; give one of these ids")
        case .unknown(let near):
            let ids = (jurisdictions.map(\.id) + instruments.map(\.id)).sorted()
            throw CLIFailure.usage("unknown jurisdiction or instrument \"\(name)\"" + Self.hint(near)
                + " (known: \(ids.joined(separator: ", ")); `parole search \(Self.shellWord(name))` finds texts that mention it)")
        }
    }

    /// "; did you mean fr?" or "; did you mean gb-eaw, gb-nir or gb-sct?", or nothing.
    static func hint(_ near: [NamedRecord]) -> String {
        let ids = near.map(\.id)
        guard let last = ids.last else { return "" }
        return "; did you mean " + (ids.count == 1 ? last : ids.dropLast().joined(separator: ", ") + " or " + last) + "?"
    }

    /// "gb-eaw (England and Wales (United Kingdom)), …": ids with their English names.
    /// At most `shown` of them, then how many more, so that a common word ("Republic") stays one readable line.
    static func listed(_ records: [NamedRecord], shown: Int = 6) -> String {
        let listed = records.prefix(shown).map { "\($0.id) (\($0.name(in: "en")))" }.joined(separator: ", ")
        return records.count > shown ? listed + " and \(records.count - shown) more" : listed
    }

    /// `text` as one shell word, quoted when it has spaces or quotes.
    static func shellWord(_ text: String) -> String {
        text.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" }) ? "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" : text
    }
}

extension CalendarDate {
    /// Today in UTC, read once at the command line; the library never asks for the current date.
    static var today: CalendarDate {
        let days = Int(Date().timeIntervalSince1970 / 86_400)
        return CalendarDate(dayNumber: days)
    }
}
