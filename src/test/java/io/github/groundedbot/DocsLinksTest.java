package io.github.groundedbot;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link and image in README.md and docs/ points at a file that exists, and every
 * {@code #anchor} at a heading of that file, so moving or renaming a doc cannot leave dead links.
 */
class DocsLinksTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    /** http:, https:, mailto: ... point outside the repository and are not checked. */
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Parser parser = Parser.builder().build();

    @Test
    void relativeLinksResolve() {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            for (String target : links(parse(doc))) {
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path file = path.isEmpty() ? doc : doc.resolveSibling(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(doc + ": " + target + " (no file " + file + ")");
                } else if (hash >= 0 && file.toString().endsWith(".md")
                        && !anchors(parse(file)).contains(target.substring(hash + 1))) {
                    broken.add(doc + ": " + target + " (no such heading in " + file + ")");
                }
            }
        }
        assertThat(broken).as("links in the docs that lead nowhere").isEmpty();
    }

    private static List<Path> docs() {
        try (Stream<Path> files = Files.walk(DOCS)) {
            return Stream.concat(Stream.of(README), files.filter(f -> f.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node parse(Path file) {
        try {
            return parser.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> links(Node document) {
        List<String> targets = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
            }
        });
        return targets;
    }

    /** Heading ids as GitHub makes them: lower case, spaces to hyphens, punctuation dropped, repeats numbered. */
    private static Set<String> anchors(Node document) {
        IdGenerator ids = IdGenerator.builder().build();
        Set<String> anchors = new HashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text literal) {
                        text.append(literal.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                        text.append(code.getLiteral());
                    }
                });
                anchors.add(ids.generateId(text.toString()));
            }
        });
        return anchors;
    }
}
