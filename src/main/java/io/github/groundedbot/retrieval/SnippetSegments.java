package io.github.groundedbot.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import io.github.groundedbot.knowledge.Snippet;

/**
 * How snippets travel through langchain4j: a {@link TextSegment} of the snippet's indexed text with
 * its id in the metadata. Dense and lexical retrieval both hand a snippet on as a {@link SnippetContent},
 * so langchain4j's rank fusion (which tells contents apart by their equality) merges the two.
 */
public final class SnippetSegments {

    /** The metadata key holding the snippet id. */
    public static final String SNIPPET_ID = "snippet_id";

    private SnippetSegments() {
    }

    public static TextSegment of(Snippet snippet) {
        return TextSegment.from(snippet.indexedText(), Metadata.from(SNIPPET_ID, snippet.id()));
    }

    /** The id of the snippet a retrieved content holds. */
    public static String idOf(Content content) {
        return content.textSegment().metadata().getString(SNIPPET_ID);
    }
}
