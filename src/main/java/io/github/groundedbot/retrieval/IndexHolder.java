package io.github.groundedbot.retrieval;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The index now serving questions; replaced whole, never modified in place. */
@ApplicationScoped
public class IndexHolder {

    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();

    public KnowledgeIndex current() {
        KnowledgeIndex index = current.get();
        if (index == null) {
            throw new IllegalStateException("The knowledge index is not built yet");
        }
        return index;
    }

    public Optional<KnowledgeIndex> ready() {
        return Optional.ofNullable(current.get());
    }

    public void swap(KnowledgeIndex index) {
        current.set(index);
    }
}
