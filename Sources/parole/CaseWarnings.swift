import AtlasModel
import AtlasReport
import Foundation

/// Writes a case's warnings (`CaseWarning`) to standard error, one line each, in the language of the output; the
/// command goes on, since the case may be meant.
enum CaseWarnings {
    static func report(_ facts: Case, wording: Wording, today: CalendarDate = .today) {
        for warning in CaseWarning.warnings(for: facts, today: today) {
            let line = OutcomeText.warning(warning, wording) { warning in
                switch warning {
                case .startInFuture: "--start"
                case .asOfBeforeStart: "--as-of"
                case .termBeyondLifetime: "--term"
                }
            }
            FileHandle.standardError.write(Data(("parole: " + line + "\n").utf8))
        }
    }
}
