package org.civicgrid.catalog;

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
import org.civicgrid.catalog.CatalogViews.RejectedRow;
import org.civicgrid.catalog.CatalogViews.StandardForm;
import org.civicgrid.web.Problem;

/**
 * 立案标准表格 — filing standards as CSV, in the columns of the shipped {@code filing_standards_sample.csv}: header row,
 * quoted fields where needed, UTF-8 (GB18030 accepted, as Excel on Chinese Windows saves it). Reading turns each row
 * into a {@link StandardForm} or a refused row with its line; a row that cannot be read never hides the rows before
 * it. Columns read: {@code kind} (component, event or incident), {@code class_code} (4 or 5 digits),
 * {@code condition}, {@code time_limit_value}, {@code time_limit_unit}, {@code closing_condition}, {@code note}; the
 * others are for people and are ignored.
 */
final class FilingStandardCsv {

    static final List<String> COLUMNS = List.of("class_code", "class_name", "condition", "time_limit_value", "time_limit_unit",
            "closing_condition", "kind", "major_name", "time_limit_raw", "time_limit_alt_version", "note");
    private static final List<String> REQUIRED = List.of("class_code", "kind", "condition", "time_limit_value", "time_limit_unit");
    /** API field → CSV column, so a refused row names the column a person sees. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("classRef", "class_code", "condition", "condition",
            "limitValue", "time_limit_value", "limitUnit", "time_limit_unit", "closingCondition", "closing_condition", "note", "note");
    /** The word the reference tables use for incident classes; exports keep it so files compare with the shipped one. */
    private static final String EVENT = "event";
    private static final char BOM = '\uFEFF';
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader ROWS = CSV.readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final CsvSchema EXPORT = COLUMNS.stream().reduce(CsvSchema.builder(), CsvSchema.Builder::addColumn, (a, b) -> a)
            .setUseHeader(true).build();

    private FilingStandardCsv() {
    }

    /** A readable row: its line in the file and the standard it describes (not yet checked against the store). */
    record Row(long line, StandardForm form) {
    }

    /** What a file holds: the readable rows and the refused ones. */
    record Parsed(List<Row> rows, List<RejectedRow> rejected) {
    }

    /** Reads a CSV file; a file without the header's required columns is a 400 on field {@code csv}. */
    static Parsed parse(byte[] csv) {
        String text = decode(csv == null ? new byte[0] : csv);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        try (MappingIterator<String[]> it = ROWS.readValues(text)) {
            Map<String, Integer> header = header(it.hasNextValue() ? it.nextValue() : new String[0]);
            long line = it.getParser().currentLocation().getLineNr();
            try {
                while (it.hasNextValue()) {
                    line = it.getParser().currentLocation().getLineNr();
                    read(line, header, it.nextValue(), rows, rejected);
                }
            } catch (IOException | RuntimeException e) {
                rejected.add(new RejectedRow(line, "unreadable CSV from here on: " + reason(e)));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw Problem.badRequest("csv", "unreadable CSV: " + reason(e));
        }
        return new Parsed(rows, rejected);
    }

    /** Writes standards in the shipped columns; {@code classes} holds the class of every standard by reference. */
    static String write(List<FilingStandard> standards, Map<String, CaseClass> classes) {
        List<String[]> rows = standards.stream().map(s -> row(s, classes.get(s.classRef))).toList();
        try {
            return CSV.writer(EXPORT).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV column a refused row should name for an API field. */
    static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    /** UTF-8; a file that is not valid UTF-8 is read as GB18030, the encoding Excel on Chinese Windows saves CSV in. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
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

    private static void read(long line, Map<String, Integer> header, String[] cells, List<Row> rows, List<RejectedRow> rejected) {
        if (cells.length > header.size()) {
            rejected.add(new RejectedRow(line, cells.length + " columns, the header has " + header.size()));
            return;
        }
        try {
            rows.add(new Row(line, form(header, cells)));
        } catch (Problem problem) {
            rejected.add(new RejectedRow(line, problem.getMessage()));
        }
    }

    private static StandardForm form(Map<String, Integer> header, String[] cells) {
        ClassKind kind = ClassKind.parse("kind", cell(header, cells, "kind"));
        String code = cell(header, cells, "class_code");
        if (ClassSystem.ofCode(code).isEmpty()) {
            throw Problem.badRequest("class_code", "use 4 (legacy) or 5 (GB/T 47678.5) digits");
        }
        Integer value;
        try {
            value = Integer.valueOf(cell(header, cells, "time_limit_value"));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("time_limit_value", "not a whole number");
        }
        return new StandardForm(kind.ref(code), cell(header, cells, "condition"), value, cell(header, cells, "time_limit_unit"),
                cell(header, cells, "closing_condition"), cell(header, cells, "note"), null);
    }

    private static String cell(Map<String, Integer> header, String[] cells, String column) {
        Integer index = header.get(column);
        return index == null || index >= cells.length ? "" : cells[index].trim();
    }

    private static String[] row(FilingStandard s, CaseClass c) {
        return new String[] {c.code, c.name, s.condition, String.valueOf(s.limitValue), s.limitUnit, orEmpty(s.closingCondition),
            c.kind == ClassKind.INCIDENT ? EVENT : c.kind.prefix(), c.majorName, "", "", orEmpty(s.note)};
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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
