package io.github.groundedbot.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated, immutable set of snippets, in file order. */
public final class FactBase {

    private final List<Snippet> snippets;
    private final Map<String, Snippet> byId;
    private final List<String> topics;
    private final Aliases aliases;

    /** Snippets with no curated aliases: only the acronyms of the names they spell out. */
    public FactBase(List<Snippet> snippets) {
        this(snippets, Aliases.of(Map.of(), snippets));
    }

    public FactBase(List<Snippet> snippets, Aliases aliases) {
        this.aliases = aliases;
        this.snippets = List.copyOf(snippets);
        Map<String, Snippet> index = new LinkedHashMap<>();
        snippets.forEach(s -> index.put(s.id(), s));
        this.byId = Map.copyOf(index);
        this.topics = snippets.stream().map(Snippet::topic).distinct().toList();
    }

    public List<Snippet> snippets() {
        return snippets;
    }

    public Optional<Snippet> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Topic titles in file order, used to tell people what the bot can answer about. */
    public List<String> topics() {
        return topics;
    }

    /** The other names questions may use for what the facts name. */
    public Aliases aliases() {
        return aliases;
    }

    public int size() {
        return snippets.size();
    }
}
