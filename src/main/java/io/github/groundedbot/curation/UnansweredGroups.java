package io.github.groundedbot.curation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.retrieval.KnowledgeIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups refused questions by meaning, so a curator sees "asked 12 times, 4 ways" rather than 12
 * lines. Each distinct question (case and spacing aside) is embedded once and remembered; the most
 * asked question leads a group, and every other question joins the first group whose leader is at
 * least {@code curation.unanswered.group-similarity} close, or leads a new one.
 */
@ApplicationScoped
public class UnansweredGroups {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    /**
     * One group of refused questions.
     *
     * @param question  the most asked question of the group
     * @param count     how many times its questions were asked
     * @param firstSeen when one of them was first asked (within the retention time)
     * @param lastSeen  when one of them was last asked
     * @param questions each distinct question of the group with its count, most asked first
     * @param nearest   the snippets closest in meaning to the leading question, closest first
     */
    public record Group(String question, int count, Instant firstSeen, Instant lastSeen, List<Asked> questions,
                        List<Nearby> nearest) {
    }

    /** A distinct question and how many times it was asked. */
    public record Asked(String question, int count) {
    }

    /** A snippet near a group, with its cosine similarity to the leading question. */
    public record Nearby(String id, String title, double cosine) {
    }

    private final EmbeddingModel model;
    private final CurationConfig.Unanswered config;
    private final Cache<String, Embedding> embeddings;

    public UnansweredGroups(EmbeddingModel model, CurationConfig config) {
        this.model = model;
        this.config = config.unanswered();
        this.embeddings = Caffeine.newBuilder().maximumSize(Math.max(1, this.config.maxGrouped())).build();
    }

    /** Groups {@code questions} (any order), biggest groups first, near snippets from {@code index}. */
    public List<Group> group(List<UnansweredQuestion> questions, KnowledgeIndex index) {
        Map<String, Distinct> distinct = new LinkedHashMap<>();
        for (UnansweredQuestion question : questions) {
            distinct.computeIfAbsent(key(question.question()), k -> new Distinct(question.question()))
                    .add(question.at());
        }
        List<Distinct> byCount = distinct.values().stream()
                .sorted(Comparator.comparingInt(Distinct::count).reversed()
                        .thenComparing(Distinct::lastSeen, Comparator.reverseOrder()))
                .toList();
        Map<String, Embedding> vectors = embed(byCount.stream().map(d -> d.text).toList());

        List<List<Distinct>> groups = new ArrayList<>();
        for (Distinct question : byCount) {
            Embedding vector = vectors.get(key(question.text));
            groups.stream()
                    .filter(group -> CosineSimilarity.between(vectors.get(key(group.get(0).text)), vector)
                            >= config.groupSimilarity())
                    .findFirst()
                    .ifPresentOrElse(group -> group.add(question),
                            () -> groups.add(new ArrayList<>(List.of(question))));
        }
        return groups.stream()
                .map(members -> group(members, vectors.get(key(members.get(0).text)), index))
                .sorted(Comparator.comparingInt(Group::count).reversed()
                        .thenComparing(Group::lastSeen, Comparator.reverseOrder()))
                .toList();
    }

    private Group group(List<Distinct> members, Embedding leader, KnowledgeIndex index) {
        FactBase facts = index.facts();
        List<Nearby> nearest = index.vectors().search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(leader).maxResults(config.nearestSnippets()).build())
                .matches().stream()
                .map(match -> new Nearby(match.embeddingId(),
                        facts.find(match.embeddingId()).map(s -> s.title()).orElse(match.embeddingId()),
                        CosineSimilarity.fromRelevanceScore(match.score())))
                .toList();
        return new Group(members.get(0).text, members.stream().mapToInt(Distinct::count).sum(),
                members.stream().map(d -> d.firstSeen).min(Comparator.naturalOrder()).orElseThrow(),
                members.stream().map(d -> d.lastSeen).max(Comparator.naturalOrder()).orElseThrow(),
                members.stream().map(d -> new Asked(d.text, d.count)).toList(), nearest);
    }

    /** The embedding of every text, computing only those not remembered, in one batch. */
    private Map<String, Embedding> embed(List<String> texts) {
        Map<String, Embedding> vectors = new LinkedHashMap<>(
                embeddings.getAllPresent(texts.stream().map(UnansweredGroups::key).toList()));
        List<String> missing = texts.stream().filter(text -> !vectors.containsKey(key(text))).toList();
        if (!missing.isEmpty()) {
            List<Embedding> fresh = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(key(missing.get(i)), fresh.get(i));
                embeddings.put(key(missing.get(i)), fresh.get(i));
            }
        }
        return vectors;
    }

    /** One question whatever its case and spacing. */
    private static String key(String question) {
        return SPACE.matcher(question.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** A distinct question: the newest wording seen, how often it was asked, when first and last. */
    private static final class Distinct {
        private final String text;
        private int count;
        private Instant firstSeen;
        private Instant lastSeen;

        Distinct(String text) {
            this.text = text;
        }

        void add(Instant at) {
            count++;
            firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
            lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
        }

        int count() {
            return count;
        }

        Instant lastSeen() {
            return lastSeen;
        }
    }
}
