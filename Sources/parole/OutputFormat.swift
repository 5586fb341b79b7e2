import ArgumentParser

/// The one output-format type of every command. Each command writes some of them and says which: asking another
/// is a usage error naming the ones it writes. Not `CaseIterable`, so that `--help` lists each command's own
/// formats (from its help text), not every format of the program.
enum OutputFormat: String, ExpressibleByArgument {
    case table, json, markdown, csv, html

    /// Refuses a format `command` does not write.
    func require(_ written: [OutputFormat], by command: String) throws {
        guard written.contains(self) else { throw refused(by: command, writes: written) }
    }

    /// The usage error for a format `command` does not write.
    func refused(by command: String, writes written: [OutputFormat]) -> ValidationError {
        ValidationError("--format \(rawValue): \(command) writes " + written.map(\.rawValue).joined(separator: ", "))
    }
}
