package org.civicgrid.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 表格文件 — CSV as county staff exchange it with Excel: UTF-8, or GB18030 when the file is not valid UTF-8 (what
 * Excel on Chinese Windows saves), a BOM ignored, columns found by their header name in any order. Reading keeps every
 * readable row and reports the first unreadable one with its line; a header without the required columns is a 400
 * on field {@code csv}. The features' CSV imports share this; what a row means stays in each feature.
 */
public final class CsvTable {

    /** One data row: its line in the file and its cells by column name. */
    public record Row(long line, Map<String, String> cells) {

        /** The trimmed cell, "" when the column is absent or empty. */
        public String text(String column) {
            return cells.getOrDefault(column, "");
        }

        /** The trimmed cell, null when the column is absent or empty. */
        public String optional(String column) {
            String value = text(column);
            return value.isEmpty() ? null : value;
        }

        public Double decimal(String column) {
            String value = optional(column);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw Problem.badRequest(column, "not a decimal number: '" + value + "'");
            }
        }

        public Integer whole(String column) {
            String value = optional(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw Problem.badRequest(column, "not a whole number: '" + value + "'");
            }
        }
    }

    /** A line that could not be read, and why. */
    public record Unreadable(long line, String reason) {
    }

    /** What a file holds: the readable rows and the unreadable lines. */
    public record Table(List<Row> rows, List<Unreadable> unreadable) {
    }

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader ROWS = CSV.readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvTable() {
    }

    public static Table read(byte[] csv, List<String> required, List<String> columns) {
        String text = decode(csv == null ? new byte[0] : csv).replaceFirst("^\uFEFF", "");
        List<Row> rows = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        try (MappingIterator<String[]> it = ROWS.readValues(text)) {
            List<String> header = header(it.hasNextValue() ? it.nextValue() : new String[0], required, columns);
            long line = it.getParser().currentLocation().getLineNr();
            try {
                while (it.hasNextValue()) {
                    line = it.getParser().currentLocation().getLineNr();
                    String[] cells = it.nextValue();
                    if (cells.length > header.size()) {
                        unreadable.add(new Unreadable(line, cells.length + " columns, the header has " + header.size()));
                        continue;
                    }
                    Map<String, String> byName = new HashMap<>();
                    for (int i = 0; i < cells.length; i++) {
                        byName.putIfAbsent(header.get(i), cells[i].trim());
                    }
                    rows.add(new Row(line, byName));
                }
            } catch (IOException | RuntimeException e) {
                unreadable.add(new Unreadable(line, "unreadable CSV from here on: " + reason(e)));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw Problem.badRequest("csv", "unreadable CSV: " + reason(e));
        }
        return new Table(rows, unreadable);
    }

    /** The rows under a header of {@code columns}. */
    public static String write(List<String> columns, List<String[]> rows) {
        CsvSchema schema = columns.stream().reduce(CsvSchema.builder(), CsvSchema.Builder::addColumn, (a, b) -> a).setUseHeader(true).build();
        try {
            return CSV.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8; a file that is not valid UTF-8 is read as GB18030. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static List<String> header(String[] names, List<String> required, List<String> columns) {
        List<String> header = new ArrayList<>();
        for (String name : names) {
            header.add(name.trim());
        }
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw Problem.badRequest("csv", "the header row lacks " + String.join(", ", missing) + "; use the columns " + String.join(",", columns));
        }
        return header;
    }

    /** The parser's own words, without Jackson's location and reference-chain decoration. */
    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json.getOriginalMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }
}
