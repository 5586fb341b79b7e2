import AtlasModel
import AtlasSearch

/// The search index of the site's corpus, opened (or built into the search cache, the one place the server may
/// write) on the first search and kept for the following ones.
actor SearchIndexSlot {
    private let corpus: Corpus
    private let store: SearchIndexStore
    private var opened: SearchIndex?

    init(corpus: Corpus, store: SearchIndexStore) {
        self.corpus = corpus
        self.store = store
    }

    /// The index; built at most once (a caller arriving during the build waits for it).
    func index() throws -> SearchIndex {
        if let opened { return opened }
        let built = try store.index(for: corpus)
        opened = built
        return built
    }
}
