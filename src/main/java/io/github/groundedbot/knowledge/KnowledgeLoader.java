package io.github.groundedbot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code **}{@code /*.md} fact files into a {@link FactBase}: the files {@link FactFiles} lists,
 * each at most a size limit.
 * <p>
 * Every problem is collected with its file and line, and any problem fails the whole load:
 * a fact base is never half-loaded.
 */
public class KnowledgeLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
    /** A line giving a question people ask that the section answers. */
    private static final Pattern ALSO_ASKED = Pattern.compile("^\\s*also asked:", Pattern.CASE_INSENSITIVE);
    /** {@code alias = name}, both sides with some text. */
    private static final Pattern ALIAS = Pattern.compile("\\s*([^=]*[^=\\s][^=]*)=([^=]*[^=\\s][^=]*)");
    private static final String ALIASES = "aliases";

    /** The highest {@code knowledge.max-file-size} accepted: a whole file must fit in a byte array. */
    public static final long MAX_FILE_SIZE_CEILING = 1L << 30;

    private final int maxWords;
    private final long maxFileSize;

    /**
     * @param maxWords    longest snippet, in words
     * @param maxFileSize largest fact file, in bytes (at most {@link #MAX_FILE_SIZE_CEILING})
     */
    public KnowledgeLoader(int maxWords, long maxFileSize) {
        if (maxFileSize < 1 || maxFileSize > MAX_FILE_SIZE_CEILING) {
            throw new IllegalArgumentException("knowledge.max-file-size must be between 1 byte and 1G, got "
                    + maxFileSize + " bytes");
        }
        this.maxWords = maxWords;
        this.maxFileSize = maxFileSize;
    }

    public FactBase load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeException(List.of(dir + ": knowledge folder does not exist"));
        }
        FactFiles.Listing listing;
        try {
            listing = FactFiles.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        List<String> problems = new ArrayList<>(listing.problems());
        if (listing.files().isEmpty() && problems.isEmpty()) {
            throw new KnowledgeException(List.of(dir + ": no .md knowledge files found"));
        }

        List<Snippet> snippets = new ArrayList<>();
        Map<String, Snippet.Location> seen = new HashMap<>();
        Map<String, CuratedAlias> aliases = new LinkedHashMap<>();
        for (FactFiles.FactFile file : listing.files()) {
            for (Snippet snippet : parseFile(file, aliases, problems)) {
                Snippet.Location first = seen.putIfAbsent(snippet.id(), snippet.location());
                if (first != null) {
                    problems.add(snippet.location() + ": duplicate snippet id '" + snippet.id()
                            + "' (first defined at " + first + ")");
                } else {
                    snippets.add(snippet);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        Map<String, String> curated = new LinkedHashMap<>();
        aliases.values().forEach(alias -> curated.put(alias.alias(), alias.name()));
        return new FactBase(snippets, Aliases.of(curated, snippets));
    }

    private List<Snippet> parseFile(FactFiles.FactFile file, Map<String, CuratedAlias> aliases, List<String> problems) {
        String relative = file.name();
        Optional<String> content;
        try {
            content = read(file, maxFileSize, problems);
        } catch (CharacterCodingException e) {
            problems.add(relative + ":1: file is not valid UTF-8");
            return List.of();
        } catch (IOException e) {
            problems.add(relative + ":1: cannot read file (" + e.getMessage() + ")");
            return List.of();
        }
        if (content.isEmpty()) {
            return List.of();
        }
        String[] lines = content.get().replace("\uFEFF", "").split("\\R", -1);

        int bodyStart = frontMatterEnd(lines);
        if (bodyStart < 0) {
            problems.add(relative + ":1: missing front matter: the file must start with a '---' line, "
                    + "YAML with at least 'source', and a closing '---' line");
            return List.of();
        }
        JsonNode frontMatter = frontMatter(lines, bodyStart, relative, problems);
        Snippet.Source source = frontMatter == null ? null : parseSource(frontMatter, lines, bodyStart, relative, problems);
        if (source == null) {
            return List.of();
        }
        parseAliases(frontMatter, lines, bodyStart, relative, aliases, problems);

        String base = relative.substring(0, relative.length() - ".md".length());
        String topic = humanize(base);
        List<Snippet> snippets = new ArrayList<>();
        Section section = null;
        for (int i = bodyStart; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.startsWith("## ")) {
                addSection(section, base, topic, source, relative, snippets, problems);
                section = new Section(line.substring(3).trim(), lineNo);
            } else if (line.startsWith("# ") && section == null && snippets.isEmpty()) {
                topic = line.substring(2).trim();
            } else if (section != null && ALSO_ASKED.matcher(line).lookingAt()) {
                String question = ALSO_ASKED.matcher(line).replaceFirst("").strip();
                if (question.isEmpty()) {
                    problems.add(relative + ":" + lineNo + ": 'Also asked:' needs the question after it");
                } else {
                    section.alsoAsked.add(question);
                }
            } else if (section != null) {
                section.lines.add(line);
            } else if (!line.isBlank()) {
                problems.add(relative + ":" + lineNo + ": text outside a '## Heading' section would be lost; "
                        + "put it under a heading");
            }
        }
        addSection(section, base, topic, source, relative, snippets, problems);
        if (snippets.isEmpty() && problems.stream().noneMatch(p -> p.startsWith(relative + ":"))) {
            problems.add(relative + ":1: no '## Heading' sections: the file holds no snippet");
        }
        return snippets;
    }

    /**
     * The file's text, or empty (with a problem) when it is over the size limit: known from its size
     * before it is opened, and never more than the limit read even if it grows meanwhile. The
     * knowledge tests' files are read the same way.
     */
    static Optional<String> read(FactFiles.FactFile file, long maxFileSize, List<String> problems) throws IOException {
        if (file.size() > maxFileSize) {
            problems.add(tooBig(file.name(), file.size(), maxFileSize));
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.target())) {
            bytes = in.readNBytes((int) maxFileSize + 1);
        }
        if (bytes.length > maxFileSize) {
            problems.add(tooBig(file.name(), bytes.length, maxFileSize));
            return Optional.empty();
        }
        return Optional.of(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString());
    }

    private static String tooBig(String name, long size, long maxFileSize) {
        return String.format(Locale.ROOT, "%s:1: file is %,d bytes, over the limit of %,d bytes "
                + "(knowledge.max-file-size); split it into smaller files", name, size, maxFileSize);
    }

    /** Index of the first body line, or -1 when the front matter is missing or never closed. */
    private static int frontMatterEnd(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return -1;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The front matter's {@code aliases}: a list of {@code alias = name} lines. They apply to the whole
     * base (a question is not asked of one file); one alias naming two things is a problem.
     */
    private static void parseAliases(JsonNode frontMatter, String[] lines, int bodyStart, String file,
                                     Map<String, CuratedAlias> aliases, List<String> problems) {
        JsonNode node = frontMatter.get(ALIASES);
        if (node == null || node.isNull()) {
            return;
        }
        int listLine = lineOf(lines, bodyStart, ALIASES);
        if (!node.isArray()) {
            problems.add(file + ":" + listLine + ": 'aliases' must be a list of '- alias = name' lines");
            return;
        }
        for (JsonNode entry : node) {
            String text = entry.isValueNode() ? entry.asText() : entry.toString();
            int line = lineHolding(lines, listLine, bodyStart, text);
            Matcher matcher = ALIAS.matcher(text);
            if (!entry.isTextual() || !matcher.matches()) {
                problems.add(file + ":" + line + ": alias '" + text + "' must read 'alias = name', "
                        + "like 'ISS = International Space Station'");
                continue;
            }
            CuratedAlias alias = new CuratedAlias(matcher.group(1).strip(), matcher.group(2).strip(), file + ":" + line);
            if (alias.alias().equalsIgnoreCase(alias.name())) {
                problems.add(alias.location() + ": alias '" + alias.alias() + "' names itself");
                continue;
            }
            CuratedAlias known = aliases.putIfAbsent(alias.alias().toLowerCase(Locale.ROOT), alias);
            if (known != null && !known.name().equalsIgnoreCase(alias.name())) {
                problems.add(alias.location() + ": alias '" + alias.alias() + "' means '" + alias.name()
                        + "' here but '" + known.name() + "' at " + known.location());
            }
        }
    }

    /** The first front matter line from {@code from} that holds {@code text}; {@code from} when none does. */
    private static int lineHolding(String[] lines, int from, int bodyStart, String text) {
        for (int i = from - 1; i < bodyStart - 1; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return from;
    }

    /** One alias as a curator wrote it, with where, for messages. */
    private record CuratedAlias(String alias, String name, String location) {
    }

    /** The front matter as a YAML object, or null (with a problem) when it is broken or not 'key: value' lines. */
    private static JsonNode frontMatter(String[] lines, int bodyStart, String file, List<String> problems) {
        String yaml = String.join("\n", List.of(lines).subList(1, bodyStart - 1));
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            problems.add(file + ":" + line + ": broken front matter: " + e.getOriginalMessage().replaceAll("\\s+", " "));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(file + ":2: front matter must be YAML 'key: value' lines with at least 'source'");
            return null;
        }
        return node;
    }

    private static Snippet.Source parseSource(JsonNode node, String[] lines, int bodyStart, String file,
                                              List<String> problems) {
        String title = text(node, "source");
        if (title == null || title.isBlank()) {
            problems.add(file + ":" + lineOf(lines, bodyStart, "source") + ": front matter has no 'source' "
                    + "(the title of where these facts come from)");
            return null;
        }
        String url = text(node, "url");
        if (url != null && !isWebUrl(url)) {
            problems.add(file + ":" + lineOf(lines, bodyStart, "url") + ": 'url' must be an http(s) address, got '"
                    + url + "'");
            return null;
        }
        LocalDate published = null;
        String date = text(node, "published");
        if (date != null) {
            try {
                published = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                problems.add(file + ":" + lineOf(lines, bodyStart, "published")
                        + ": 'published' must be a date like 2024-05-10, got '" + date + "'");
                return null;
            }
        }
        return new Snippet.Source(title.strip(), url == null ? null : url.strip(), published);
    }

    private void addSection(Section section, String base, String topic, Snippet.Source source, String file,
                            List<Snippet> out, List<String> problems) {
        if (section == null) {
            return;
        }
        String where = file + ":" + section.line;
        String slug = slug(section.title);
        if (section.title.isEmpty() || slug.isEmpty()) {
            problems.add(where + ": heading has no words to make an id from");
            return;
        }
        String text = paragraphs(section.lines);
        if (text.isEmpty()) {
            problems.add(where + ": section '" + section.title + "' has no text");
            return;
        }
        long words = WORD.matcher(text).results().count();
        if (words > maxWords) {
            problems.add(where + ": section '" + section.title + "' has " + words + " words; the embedding model "
                    + "reads about " + maxWords + " at most, so split it into smaller snippets");
            return;
        }
        out.add(new Snippet(base + "#" + slug, section.title, text, source, topic,
                new Snippet.Location(file, section.line), section.alsoAsked));
    }

    /** Joins wrapped lines into paragraphs; paragraphs stay separated by a blank line. */
    private static String paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(line.strip());
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    /** Lower-case ASCII words joined by dashes: stable across restarts and safe in a URL. */
    public static String slug(String heading) {
        String ascii = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = NON_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return slug.replaceAll("^-+|-+$", "");
    }

    private static String humanize(String base) {
        String name = base.substring(base.lastIndexOf('/') + 1).replaceAll("[-_]+", " ").strip();
        return name.isEmpty() ? base : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int lineOf(String[] lines, int bodyStart, String key) {
        for (int i = 1; i < bodyStart - 1; i++) {
            if (lines[i].stripLeading().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class Section {
        final String title;
        final int line;
        final List<String> lines = new ArrayList<>();
        final List<String> alsoAsked = new ArrayList<>();

        Section(String title, int line) {
            this.title = title;
            this.line = line;
        }
    }
}
