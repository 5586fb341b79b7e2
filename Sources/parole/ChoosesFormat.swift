import ArgumentParser

/// A tabular command whose format is `--format`, else what `--output`'s extension names, else its default: the
/// one place that rule and its checks live, so that every command reads and refuses formats alike.
protocol ChoosesFormat: ParsableCommand {
    var formatChoice: OutputFormat? { get }
    var output: OutputOptions { get }
    var export: ExportOptions { get }
    /// The formats the command writes.
    static var formats: [OutputFormat] { get }
    /// The format without `--format` or a telling extension.
    static var defaultFormat: OutputFormat { get }
}

extension ChoosesFormat {
    static var defaultFormat: OutputFormat { .table }

    var format: OutputFormat { OutputFormat.chosen(formatChoice, output: output.path, fallback: Self.defaultFormat) }

    /// Refuses a format the command does not write, one that contradicts `--output`, and `--excel` off CSV.
    func checkFormat() throws {
        try OutputFormat.check(formatChoice, output: output.path, fallback: Self.defaultFormat, writes: Self.formats,
                               by: Self.configuration.commandName ?? "")
        try export.check(format)
    }
}

extension Parole.Annex: ChoosesFormat {
    static var defaultFormat: OutputFormat { .markdown }
}
extension Parole.Cohort: ChoosesFormat {}
extension Parole.Compare: ChoosesFormat {}
extension Parole.Conformance: ChoosesFormat {}
extension Parole.Countries: ChoosesFormat {}
extension Parole.Instruments: ChoosesFormat {}
extension Parole.Reforms: ChoosesFormat {}
extension Parole.Search: ChoosesFormat {}
extension Parole.Simulate: ChoosesFormat {}
extension Parole.Stats: ChoosesFormat {}
extension Parole.WhatIf: ChoosesFormat {}
