package io.github.groundedbot.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus: question texts from {@code src/test/resources/hostile/questions.txt} plus
 * generated ones no file should hold (huge, empty), and raw bodies that are not a question at all.
 */
public final class HostileInputs {

    public static final int MB = 1 << 20;

    private HostileInputs() {
    }

    /** Texts to send as the question; each one gets a 4xx, a refusal or an answer. */
    public static Map<String, String> questions() {
        Map<String, String> cases = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("src/test/resources/hostile/questions.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (String line : lines) {
            n++;
            if (!line.startsWith("#")) {
                cases.put("questions.txt:" + n, unescape(line));
            }
        }
        cases.put("empty", "");
        cases.put("whitespace", " \t\r\n \u00a0\u2003 ");
        cases.put("just over the length limit", "x".repeat(1001));
        cases.put("10k characters", "What is Yi-34B? ".repeat(640));
        cases.put("50k of emoji", "🤖".repeat(12_000)); // 48 KB of UTF-8: under the body and frame limits
        cases.put("every control character", controlCharacters());
        return cases;
    }

    /** Raw REST bodies for {@code POST /api/ask}, none a valid question; each gets a 4xx problem. */
    public static Map<String, byte[]> restBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("1 MB question", ("{\"question\": \"" + "a".repeat(MB) + "\"}").getBytes(StandardCharsets.UTF_8));
        bodies.put("100k nested arrays", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        bodies.put("50k nested arrays (under the body limit)", "[".repeat(50_000).getBytes(StandardCharsets.US_ASCII));
        bodies.put("50k nested objects in the question",
                ("{\"question\": " + "{\"a\":".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
        bodies.put("1001 nested arrays in the question",
                ("{\"question\": " + "[".repeat(1001) + "]".repeat(1001) + "}").getBytes(StandardCharsets.US_ASCII));
        for (String wrong : List.of("null", "42", "\"a string\"", "[]", "true", "{\"question\": 12}",
                "{\"question\": true}", "{\"question\": [\"What is Yi-34B?\"]}", "{\"question\": {\"text\": \"x\"}}",
                "{\"question\": null}", "{\"conversationId\": 5, \"question\": \"What is Yi-34B?\"}",
                "{\"question\": \"x\", \"question\": ", "{", "", "   ", "{\"question\": \"\\ud800\"}",
                "{\"question\": \"What is Yi-34B?\"} trailing", "\u0000\u0000")) {
            bodies.put("wrong type or shape: " + wrong, wrong.getBytes(StandardCharsets.UTF_8));
        }
        byte[] prefix = "{\"question\": \"What is ".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "?\"}".getBytes(StandardCharsets.US_ASCII);
        for (byte[] bad : List.of(new byte[]{(byte) 0xff, (byte) 0xfe}, new byte[]{(byte) 0xc3, 0x28},
                new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[]{(byte) 0xf8, (byte) 0x88, (byte) 0x80})) {
            byte[] body = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
            bodies.put("invalid UTF-8 " + HexFormat.of().formatHex(bad), body);
        }
        return bodies;
    }

    /** WebSocket text frames that are not a question; each gets an error frame on an open connection. */
    public static List<String> badFrames() {
        List<String> frames = new ArrayList<>();
        frames.add("{" + "\"a\":[".repeat(10_000));
        frames.add("{\"question\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        frames.add("{\"question\": 12}");
        frames.add("{\"question\": null}");
        frames.add("{\"question\": {\"a\": 1}}");
        frames.add("{\"question\": ");
        frames.add("{}");
        frames.add("{\"question\": \"" + "a".repeat(60_000) + "\"}");
        return frames;
    }

    private static String controlCharacters() {
        StringBuilder text = new StringBuilder("What is");
        for (char c = 0; c < 0x20; c++) {
            text.append(c);
        }
        return text.append("\u007f\u0085\u2028\u2029 Yi-34B?").toString();
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
