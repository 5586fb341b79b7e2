import ArgumentParser
import Foundation
import AtlasOutput

/// `--output FILE`, shared by every command that writes data: the file is written whole or not at all (see
/// `OutputChannel`), and without it the output goes to standard output, whose failures are reported too.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Write to this file instead of standard output: complete or absent, an existing file is replaced only "
            + "once the new one is written; a folder or device is never replaced.", valueName: "file"))
    var path: String?

    @Option(help: ArgumentHelp(
        "Fit tables and text to this many characters per line. Default: the terminal's width (COLUMNS, else the "
            + "terminal's size) when writing to a terminal; whole lines when writing to a file or a pipe.",
        valueName: "n"))
    var width: Int?

    func validate() throws {
        if let width, width < Self.narrowestWidth {
            throw ValidationError("--width \(width): give at least \(Self.narrowestWidth) characters")
        }
    }

    /// Below this, no table can keep its short columns whole.
    static let narrowestWidth = 40

    /// The width text is fitted to: `--width`, else the terminal's when standard output is one and no file is
    /// named, else none (a file or a pipe gets whole lines).
    func layoutWidth(environment: [String: String]) -> Int? {
        if let width { return width }
        guard path == nil || path == "-", isatty(STDOUT_FILENO) == 1 else { return nil }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= Self.narrowestWidth { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, Int(size.ws_col) >= Self.narrowestWidth {
            return Int(size.ws_col)
        }
        return 80
    }

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
