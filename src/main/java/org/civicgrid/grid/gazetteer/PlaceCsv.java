package org.civicgrid.grid.gazetteer;

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
import org.civicgrid.grid.gazetteer.PlaceViews.PlaceForm;
import org.civicgrid.grid.gazetteer.PlaceViews.RejectedRow;
import org.civicgrid.web.Problem;

/**
 * 地名表格 (place CSV) — places as CSV with the header {@link #COLUMNS}: UTF-8 (GB18030 accepted, as Excel on
 * Chinese Windows saves it), a BOM ignored, quoted fields where needed (a {@code line} holds commas). Each row
 * becomes a {@link PlaceForm} or a refused row with its line; an unreadable row never hides the rows before it.
 */
final class PlaceCsv {

    static final List<String> COLUMNS = List.of("kind", "name", "alias", "address", "lat", "lon", "line", "number_from", "number_to",
            "street_code", "community_code");
    private static final List<String> REQUIRED = List.of("kind", "name", "lat", "lon");
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader ROWS = CSV.readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final CsvSchema EXPORT = COLUMNS.stream().reduce(CsvSchema.builder(), CsvSchema.Builder::addColumn, (a, b) -> a)
            .setUseHeader(true).build();

    /** A readable row: its line in the file and the place it describes (not yet checked). */
    record Row(long line, PlaceForm form) {
    }

    /** What a file holds: the readable rows and the refused ones. */
    record Parsed(List<Row> rows, List<RejectedRow> rejected) {
    }

    private PlaceCsv() {
    }

    /** Reads a CSV file; a file without the header's required columns is a 400 on field {@code csv}. */
    static Parsed parse(byte[] csv) {
        String text = decode(csv == null ? new byte[0] : csv).replaceFirst("^\uFEFF", "");
        List<Row> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        try (MappingIterator<String[]> it = ROWS.readValues(text)) {
            Map<String, Integer> header = header(it.hasNextValue() ? it.nextValue() : new String[0]);
            long line = it.getParser().currentLocation().getLineNr();
            try {
                while (it.hasNextValue()) {
                    line = it.getParser().currentLocation().getLineNr();
                    String[] cells = it.nextValue();
                    try {
                        rows.add(new Row(line, form(header, cells)));
                    } catch (Problem problem) {
                        rejected.add(new RejectedRow(line, problem.getMessage()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                rejected.add(new RejectedRow(line, "unreadable CSV from here on: " + reason(e)));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw Problem.badRequest("csv", "unreadable CSV: " + reason(e));
        }
        return new Parsed(rows, rejected);
    }

    static String write(List<Place> places) {
        List<String[]> rows = places.stream().map(p -> new String[] {p.kind.name().toLowerCase(java.util.Locale.ROOT), p.name,
            text(p.alias), text(p.address), String.valueOf(p.lat), String.valueOf(p.lon), text(p.line), text(p.numberFrom),
            text(p.numberTo), text(p.streetCode), text(p.communityCode)}).toList();
        try {
            return CSV.writer(EXPORT).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            header.putIfAbsent(names[i].trim(), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw Problem.badRequest("csv", "the header row lacks " + String.join(", ", missing) + "; use the columns " + String.join(",", COLUMNS));
        }
        return header;
    }

    private static PlaceForm form(Map<String, Integer> header, String[] cells) {
        if (cells.length > header.size()) {
            throw Problem.badRequest(null, cells.length + " columns, the header has " + header.size());
        }
        return new PlaceForm(cell(header, cells, "kind"), cell(header, cells, "name"), cell(header, cells, "alias"),
                cell(header, cells, "address"), decimal(header, cells, "lat"), decimal(header, cells, "lon"), cell(header, cells, "line"),
                whole(header, cells, "number_from"), whole(header, cells, "number_to"), cell(header, cells, "street_code"),
                cell(header, cells, "community_code"));
    }

    private static String cell(Map<String, Integer> header, String[] cells, String column) {
        Integer index = header.get(column);
        String value = index == null || index >= cells.length ? "" : cells[index].trim();
        return value.isEmpty() ? null : value;
    }

    private static Double decimal(Map<String, Integer> header, String[] cells, String column) {
        String value = cell(header, cells, column);
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(column, "not a decimal number: '" + value + "'");
        }
    }

    private static Integer whole(Map<String, Integer> header, String[] cells, String column) {
        String value = cell(header, cells, column);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(column, "not a whole number: '" + value + "'");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** UTF-8; a file that is not valid UTF-8 is read as GB18030. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json.getOriginalMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }
}
