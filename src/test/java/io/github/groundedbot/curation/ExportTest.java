package io.github.groundedbot.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.groundedbot.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportTest {

    private static final Export<UnansweredQuestion> EXPORT = new Export<>("unanswered", List.of(
            new Export.Column<>("at", UnansweredQuestion::at),
            new Export.Column<>("question", UnansweredQuestion::question)));
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

    private final List<UnansweredQuestion> rows = List.of(
            new UnansweredQuestion(AT, "Who said \"hello\", and when?"),
            new UnansweredQuestion(AT, "=HYPERLINK(\"http://evil\")"),
            new UnansweredQuestion(AT, "-1 + 2?"));

    @Test
    void csvHasAHeaderQuotesWhatNeedsItAndDisarmsFormulas() {
        Response response = EXPORT.download(Export.Format.CSV, rows, JSON);

        assertThat(response.getMediaType().toString()).startsWith("text/csv");
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"unanswered.csv\"");
        assertThat(((String) response.getEntity()).lines()).containsExactly(
                "at,question",
                "2026-01-01T12:00:00Z,\"Who said \"\"hello\"\", and when?\"",
                "2026-01-01T12:00:00Z,\"'=HYPERLINK(\"\"http://evil\"\")\"",
                "2026-01-01T12:00:00Z,\"'-1 + 2?\"");
    }

    @Test
    void jsonLinesHoldOneRowPerLineAsItIs() {
        Response response = EXPORT.download(Export.Format.JSONL, rows, JSON);

        assertThat(response.getHeaderString("Content-Disposition")).contains("unanswered.jsonl");
        assertThat(((String) response.getEntity()).lines()).hasSize(3)
                .first().isEqualTo("{\"at\":\"2026-01-01T12:00:00Z\",\"question\":\"Who said \\\"hello\\\", and when?\"}");
    }

    @Test
    void anUnknownFormatIsAClientError() {
        assertThat(Export.format(" JSONL ")).isEqualTo(Export.Format.JSONL);
        assertThatThrownBy(() -> Export.format("xlsx")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("csv or jsonl");
    }
}
