import ArgumentParser
import AtlasOutput

/// `--output FILE`, shared by every command that writes data: the file is written whole or not at all (see
/// `OutputChannel`), and without it the output goes to standard output, whose failures are reported too.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Write to this file instead of standard output: complete or absent, an existing file is replaced only "
            + "once the new one is written; a folder or device is never replaced.", valueName: "file"))
    var path: String?

    /// Opens the destination; a destination that cannot be written is refused before any work is done.
    func open() throws -> OutputChannel {
        try OutputChannel(path: path)
    }

    /// Writes `text` to the destination and completes it.
    func write(_ text: String) throws {
        let channel = try open()
        try channel.write(text)
        try channel.finish()
    }
}
