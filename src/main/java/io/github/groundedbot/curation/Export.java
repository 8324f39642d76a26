package io.github.groundedbot.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.groundedbot.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A download of rows for curators, as CSV (for a spreadsheet) or JSON Lines (for scripts). Cells that
 * a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) get a leading
 * apostrophe in CSV: the questions come from anyone.
 *
 * @param name    the file name without extension, for {@code Content-Disposition}
 * @param columns the CSV columns, in order, each with how to read it from a row
 */
public record Export<T>(String name, List<Column<T>> columns) {

    /** A CSV column: its header and its cell for a row. */
    public record Column<T>(String header, Function<T, Object> cell) {
    }

    /** The formats a client may ask for. */
    public enum Format { CSV, JSONL }

    private static final CsvMapper CSV = new CsvMapper();
    private static final String FORMULA_START = "=+-@\t\r";

    public Export {
        columns = List.copyOf(columns);
    }

    /** The format named by a {@code format} query parameter. */
    public static Format format(String name) {
        try {
            return Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(400, "Invalid format", "format must be csv or jsonl; it was '" + name + "'.");
        }
    }

    /** The rows as a download in the given format; JSON Lines are written by {@code json}, one row a line. */
    public Response download(Format format, List<T> rows, ObjectMapper json) {
        String body = format == Format.CSV ? csv(rows) : jsonl(rows, json);
        String type = format == Format.CSV ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
        String file = name + (format == Format.CSV ? ".csv" : ".jsonl");
        return Response.ok(body).type(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .build();
    }

    private String csv(List<T> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(column -> schema.addColumn(column.header()));
        List<Map<String, String>> cells = rows.stream().map(row -> {
            Map<String, String> line = new LinkedHashMap<>();
            columns.forEach(column -> line.put(column.header(), cell(column.cell().apply(row))));
            return line;
        }).toList();
        try {
            return CSV.writer(schema.build().withHeader()).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // maps of strings always serialise
        }
    }

    private static String jsonl(List<?> rows, ObjectMapper json) {
        StringBuilder out = new StringBuilder();
        for (Object row : rows) {
            try {
                out.append(json.writeValueAsString(row)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e); // records of strings and instants always serialise
            }
        }
        return out.toString();
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
