import Foundation
import ArgumentParser
import AtlasCorpus
import AtlasModel

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
    /// The jurisdiction with `id`, or a usage error suggesting the nearest id.
    func requireJurisdiction(_ id: String) throws -> Jurisdiction {
        let wanted = id.lowercased()
        if let j = jurisdiction(wanted) { return j }
        let ids = (jurisdictions.map(\.id) + instruments.map(\.id)).sorted()
        let hint = Suggestion.nearest(to: wanted, among: ids).map { "; did you mean \($0)?" } ?? ""
        throw CLIFailure.usage("unknown jurisdiction or instrument \"\(id)\"\(hint) (known: \(ids.joined(separator: ", ")))")
    }
}

extension CalendarDate {
    /// Today in UTC, read once at the command line; the library never asks for the current date.
    static var today: CalendarDate {
        let days = Int(Date().timeIntervalSince1970 / 86_400)
        return CalendarDate(dayNumber: days)
    }
}
