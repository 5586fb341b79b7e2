import AtlasModel
import AtlasSearch
import Foundation

/// The search index of the site's corpus, built from it on the first search and kept for the life of the site,
/// in memory: the site writes nothing to disk.
final class SearchIndexCache: @unchecked Sendable {
    // A lock, not an actor: a route asks synchronously, and the first search waits for the one build.
    private let lock = NSLock()
    private var built: SearchIndex?

    /// The index of `corpus` (always the site's one corpus).
    func index(of corpus: Corpus) throws -> SearchIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = try SearchIndex.inMemory(SearchCorpusReader.documents(of: corpus), corpusDigest: corpus.digest)
        built = index
        return index
    }
}
