/// A command whose output a person may read in a terminal: `Parole.main` fits its tables and paragraphs to the
/// terminal's width (or `--width`) for the whole run, through `TextLayout.width`.
protocol WritesText {
    var output: OutputOptions { get }
}

extension Parole.Simulate: WritesText {}
extension Parole.WhatIf: WritesText {}
extension Parole.Reforms: WritesText {}
extension Parole.Cohort: WritesText {}
extension Parole.Roster: WritesText {}
extension Parole.Show: WritesText {}
extension Parole.Countries: WritesText {}
extension Parole.Compare: WritesText {}
extension Parole.Conformance: WritesText {}
extension Parole.Annex: WritesText {}
extension Parole.Stats: WritesText {}
extension Parole.Validate: WritesText {}
extension Parole.Instruments: WritesText {}
extension Parole.Search: WritesText {}
extension Parole.Cite: WritesText {}
