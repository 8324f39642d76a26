package bench.peer;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * langchain4j's easy-RAG recipe as its documentation shows it: load the folder, split recursively
 * into 300-token chunks with 30 tokens of overlap, embed with all-MiniLM-L6-v2 (default session),
 * keep the vectors in memory, and retrieve the single best chunk scoring at least 0.6.
 */
@ApplicationScoped
public class EasyRag {

    private static final int CHUNK_TOKENS = 300;
    private static final int OVERLAP_TOKENS = 30;
    private static final double MIN_SCORE = 0.6;

    private final Path folder;
    private volatile ContentRetriever retriever;

    public EasyRag(@ConfigProperty(name = "peer.knowledge-dir") Path folder) {
        this.folder = folder;
    }

    void ingest(@Observes StartupEvent event) {
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        EmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<Document> documents = FileSystemDocumentLoader.loadDocuments(folder,
                FileSystems.getDefault().getPathMatcher("glob:*.md"));
        EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(CHUNK_TOKENS, OVERLAP_TOKENS,
                        new HuggingFaceTokenCountEstimator()))
                .embeddingModel(model)
                .embeddingStore(store)
                .build()
                .ingest(documents);
        retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(model)
                .maxResults(1)
                .minScore(MIN_SCORE)
                .build();
    }

    boolean ready() {
        return retriever != null;
    }

    /** The best chunk for the question, if one scores at least {@value #MIN_SCORE}. */
    Optional<Content> best(String question) {
        return retriever.retrieve(Query.from(question)).stream().findFirst();
    }
}
