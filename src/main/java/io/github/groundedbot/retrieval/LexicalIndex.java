package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.TextAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * BM25 over snippet titles and texts, in memory, with Lucene's English analysis. The index never
 * changes once built, so the snippet behind each document and every term's place in each segment
 * and statistics ({@link TermStates}) are read once here: an answer then asks neither Lucene's
 * stored fields nor its term dictionary.
 */
public final class LexicalIndex {

    private static final String CONTENT = TextAnalyzer.FIELD;
    private static final String ID = "id";

    private final TextAnalyzer analyzer;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** The snippet of each Lucene document, by document number. */
    private final Snippet[] byDoc;
    /** Every indexed term with where it is in each segment and the number of snippets holding it. */
    private final Map<String, TermStates> termStates;
    /** The states of a term the index lacks: it matches nothing and scores nothing. */
    private final TermStates absent;

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
        this.absent = new TermStates(searcher.getTopReaderContext());
        try {
            this.byDoc = snippetsByDoc(reader, snippets);
            this.termStates = termStates(searcher.getTopReaderContext());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the lexical index", e);
        }
    }

    /** Lucene numbers documents as its segments merge, not necessarily in the order they were added. */
    private static Snippet[] snippetsByDoc(DirectoryReader reader, List<Snippet> snippets) throws IOException {
        Map<String, Snippet> byId = new HashMap<>();
        snippets.forEach(snippet -> byId.put(snippet.id(), snippet));
        Snippet[] byDoc = new Snippet[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < byDoc.length; doc++) {
            byDoc[doc] = byId.get(stored.document(doc).get(ID));
        }
        return byDoc;
    }

    /** What {@link TermStates#build} would look up for each query term, for every term of every segment at once. */
    private static Map<String, TermStates> termStates(IndexReaderContext top) throws IOException {
        Map<String, TermStates> states = new HashMap<>();
        for (LeafReaderContext leaf : top.leaves()) {
            Terms terms = leaf.reader().terms(CONTENT);
            if (terms == null) {
                continue;
            }
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                states.computeIfAbsent(term.utf8ToString(), t -> new TermStates(top))
                        .register(each.termState(), leaf.ord, each.docFreq(), each.totalTermFreq());
            }
        }
        return states;
    }

    /** Snippets with their BM25 scores, best first. Any text is safe: no query syntax is parsed. */
    public List<Hit> search(String question, int k) {
        return search(analyzer.terms(question), k);
    }

    /**
     * Snippets with their BM25 scores for a question already analysed by {@link TextAnalyzer#terms}: its
     * terms in order, so the question is not analysed again.
     */
    public List<Hit> search(Collection<String> questionTerms, int k) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        // Distinct terms keep a repeated word from blowing past BooleanQuery's clause limit.
        List<String> terms = List.copyOf(new LinkedHashSet<>(questionTerms));
        if (terms.isEmpty()) {
            return List.of();
        }
        terms.stream().limit(IndexSearcher.getMaxClauseCount())
                .forEach(t -> query.add(new TermQuery(new Term(CONTENT, t), termStates.getOrDefault(t, absent)),
                        BooleanClause.Occur.SHOULD));
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query.build(), k).scoreDocs) {
                hits.add(new Hit(byDoc[doc.doc], doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of snippets holding a term; 0 means the fact base never uses the word. */
    public int docFreq(String term) {
        TermStates states = termStates.get(term);
        return states == null ? 0 : states.docFreq();
    }

    public int size() {
        return reader.numDocs();
    }

    public record Hit(Snippet snippet, double score) {
        public String id() {
            return snippet.id();
        }
    }
}
