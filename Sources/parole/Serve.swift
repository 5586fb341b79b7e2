import ArgumentParser
import AtlasWeb
import Foundation

extension Parole {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the atlas as read-only web pages and a JSON API.",
            discussion: """
                Loads and checks the corpus once, then answers until interrupted (Ctrl-C): pages in kk, ru \
                and en (?lang=), usable without JavaScript, and /api/v1/… with the same JSON documents as \
                --format json, each carrying the program version and the corpus digest.

                Examples:
                  parole serve
                  parole serve --port 8081
                  parole serve --host 0.0.0.0 --port 8080 --corpus ./corpus

                Then open http://127.0.0.1:8080/ or ask the API, for instance:
                  curl '127.0.0.1:8080/api/v1/simulate?term=9y&category=grave&start=2022-01-10'
                  curl '127.0.0.1:8080/api/v1/countries?lang=ru'
                  curl '127.0.0.1:8080/api/v1/conformance/kz'
                """)

        @Option(help: ArgumentHelp("Address to listen on.", valueName: "host")) var host = "127.0.0.1"
        @Option(help: ArgumentHelp("Port to listen on.", valueName: "port")) var port = 8080
        @OptionGroup var corpus: CorpusOptions

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port: \(port) is not a port (0-65535)") }
        }

        func run() throws {
            let site = AtlasSite(corpus: try corpus.load())
            let (host, port) = (host, port)
            // The command line runs synchronously; the server runs as a task until a signal ends it, and the main
            // thread waits in the dispatch loop meanwhile.
            Task {
                do {
                    try await site.serve(host: host, port: port)
                    Foundation.exit(0)
                } catch {
                    Parole.fail("cannot serve on \(host):\(port): \(error)", status: .software)
                }
            }
            dispatchMain()
        }
    }
}
