package io.github.groundedbot.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import io.github.groundedbot.knowledge.Snippet;

import java.util.Map;

/**
 * A retrieved snippet as langchain4j {@link Content}. Two are equal when they hold the same snippet,
 * just as langchain4j's own contents are equal when their segments (the snippet's text and id) are;
 * but rank fusion, which looks each content up in a map several times, then hashes one cached id
 * instead of a segment's text and metadata.
 *
 * @param snippet     the snippet found
 * @param textSegment its segment ({@link SnippetSegments}), as langchain4j's retrievers give it
 * @param metadata    what the retriever that found it says about it (score, embedding id)
 */
record SnippetContent(Snippet snippet, TextSegment textSegment, Map<ContentMetadata, Object> metadata)
        implements Content {

    @Override
    public boolean equals(Object other) {
        return other instanceof SnippetContent content && snippet.id().equals(content.snippet.id());
    }

    @Override
    public int hashCode() {
        return snippet.id().hashCode();
    }
}
