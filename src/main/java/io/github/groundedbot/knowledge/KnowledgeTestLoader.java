package io.github.groundedbot.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the curators' knowledge tests: every {@code *.tests.jsonl} file under the fact base's folder,
 * one JSON object per line, for example
 * <pre>
 * {"q": "What is Huawei working on?", "cites": "#huawei-s-high-bandwidth-memory-chips"}
 * {"q": "Who founded Alibaba?", "refuse": true}
 * </pre>
 * {@code q} is the question; {@code cites} a snippet id the answer must cite (an id starting with
 * {@code #} belongs to the fact file of the same name: {@code chips.tests.jsonl} and {@code #x} mean
 * {@code chips#x}); {@code says} a phrase the answer must contain; {@code refuse: true} that it must
 * not be answered; {@code note} is free text for the curators. Blank lines are skipped. Every line
 * that is not such a test is a problem reported with its file and line, like the fact files' problems.
 */
public class KnowledgeTestLoader {

    /** How a test file's name ends. */
    public static final String SUFFIX = ".tests.jsonl";

    private static final Set<String> KEYS = Set.of("q", "cites", "says", "refuse", "note");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The tests and their problems.
     *
     * @param tests    readable tests, in file and line order
     * @param problems each with its file and line, e.g. {@code chips.tests.jsonl:4: unknown snippet id 'chips#x'}
     */
    public record Suite(List<KnowledgeTest> tests, List<String> problems) {
    }

    private final long maxFileSize;

    /** @param maxFileSize largest test file read, in bytes ({@code knowledge.max-file-size}, as for fact files) */
    public KnowledgeTestLoader(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** Whether a file name is a test file's. */
    public static boolean isTestFile(String name) {
        return name.endsWith(SUFFIX);
    }

    /**
     * Reads every test file under {@code dir}, found and read as the fact files are (hidden entries
     * skipped, links only inside the folder, at most {@code maxFileSize} bytes a file); a
     * {@code cites} must name a snippet of {@code facts}.
     */
    public Suite load(Path dir, FactBase facts) {
        FactFiles.Listing listing;
        try {
            listing = FactFiles.list(dir, KnowledgeTestLoader::isTestFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        List<KnowledgeTest> tests = new ArrayList<>();
        List<String> problems = new ArrayList<>(listing.problems());
        for (FactFiles.FactFile file : listing.files()) {
            Optional<String> content;
            try {
                content = KnowledgeLoader.read(file, maxFileSize, problems);
            } catch (CharacterCodingException e) {
                problems.add(file.name() + ":1: file is not valid UTF-8");
                continue;
            } catch (IOException e) {
                problems.add(file.name() + ":1: cannot read file (" + e.getMessage() + ")");
                continue;
            }
            String base = file.name().substring(0, file.name().length() - SUFFIX.length());
            String[] lines = content.orElse("").replace("\uFEFF", "").split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    parse(lines[i], new Snippet.Location(file.name(), i + 1), base, facts, tests, problems);
                }
            }
        }
        return new Suite(List.copyOf(tests), List.copyOf(problems));
    }

    private static void parse(String line, Snippet.Location where, String base, FactBase facts,
                              List<KnowledgeTest> tests, List<String> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add(where + ": not a JSON object: " + e.getOriginalMessage().replaceAll("\\s+", " "));
            return;
        }
        if (node == null || !node.isObject()) {
            problems.add(where + ": a test is a JSON object like {\"q\": \"...\", \"cites\": \"#heading\"}");
            return;
        }
        List<String> wrong = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                wrong.add("unknown key '" + name + "' (a test has q, cites, says, refuse and note)");
            }
        }
        String question = text(node, "q", wrong);
        String cites = text(node, "cites", wrong);
        String says = text(node, "says", wrong);
        text(node, "note", wrong);
        JsonNode refuseNode = node.get("refuse");
        if (refuseNode != null && !refuseNode.isBoolean()) {
            wrong.add("'refuse' must be true or false");
        }
        boolean refuse = refuseNode != null && refuseNode.asBoolean();
        if (question == null && !node.has("q")) {
            wrong.add("'q' (the question) is missing");
        }
        if (refuse && (cites != null || says != null)) {
            wrong.add("a test that expects a refusal cannot also expect 'cites' or 'says'");
        } else if (!refuse && cites == null && says == null && wrong.isEmpty()) {
            wrong.add("say what to expect: 'cites' (a snippet id), 'says' (a phrase) or \"refuse\": true");
        }
        if (cites != null) {
            cites = cites.startsWith("#") ? base + cites : cites;
            if (facts.find(cites).isEmpty()) {
                wrong.add("unknown snippet id '" + cites + "'");
            }
        }
        if (!wrong.isEmpty()) {
            problems.add(where + ": " + String.join("; ", wrong));
            return;
        }
        tests.add(new KnowledgeTest(where, question, cites, says, refuse));
    }

    /** A non-blank string field, or null when absent; anything else is a problem. */
    private static String text(JsonNode node, String field, List<String> wrong) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            wrong.add("'" + field + "' must be non-empty text");
            return null;
        }
        return value.asText().strip();
    }
}
