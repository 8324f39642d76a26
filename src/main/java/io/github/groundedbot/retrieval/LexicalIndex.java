package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.TextAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** BM25 over snippet titles and texts, in memory, with Lucene's English analysis. */
public final class LexicalIndex {

    private static final String CONTENT = TextAnalyzer.FIELD;
    private static final String ID = "id";

    private final TextAnalyzer analyzer;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public LexicalIndex(TextAnalyzer analyzer, List<Snippet> snippets) {
        this.analyzer = analyzer;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer.lucene()).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Snippet snippet : snippets) {
                Document doc = new Document();
                doc.add(new StoredField(ID, snippet.id()));
                doc.add(new TextField(CONTENT, snippet.searchedText(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the lexical index", e);
        }
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
    }

    /** Snippet ids with their BM25 scores, best first. Any text is safe: no query syntax is parsed. */
    public List<Hit> search(String question, int k) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        // Distinct terms keep a repeated word from blowing past BooleanQuery's clause limit.
        List<String> terms = List.copyOf(new LinkedHashSet<>(analyzer.terms(question)));
        if (terms.isEmpty()) {
            return List.of();
        }
        terms.stream().limit(IndexSearcher.getMaxClauseCount())
                .forEach(t -> query.add(new TermQuery(new Term(CONTENT, t)), BooleanClause.Occur.SHOULD));
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query.build(), k).scoreDocs) {
                hits.add(new Hit(searcher.storedFields().document(doc.doc).get(ID), doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of snippets holding a term; 0 means the fact base never uses the word. */
    public int docFreq(String term) {
        try {
            return reader.docFreq(new Term(CONTENT, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return reader.numDocs();
    }

    public record Hit(String id, double score) {
    }
}
