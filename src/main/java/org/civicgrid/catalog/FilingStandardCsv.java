package org.civicgrid.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicgrid.catalog.CatalogViews.RejectedRow;
import org.civicgrid.catalog.CatalogViews.StandardForm;
import org.civicgrid.web.CsvTable;
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
        CsvTable.Table table = CsvTable.read(csv, REQUIRED, COLUMNS);
        List<Row> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                rows.add(new Row(row.line(), form(row)));
            } catch (Problem problem) {
                rejected.add(new RejectedRow(row.line(), problem.getMessage()));
            }
        }
        table.unreadable().forEach(u -> rejected.add(new RejectedRow(u.line(), u.reason())));
        rejected.sort(java.util.Comparator.comparingLong(RejectedRow::line));
        return new Parsed(rows, rejected);
    }

    /** Writes standards in the shipped columns; {@code classes} holds the class of every standard by reference. */
    static String write(List<FilingStandard> standards, Map<String, CaseClass> classes) {
        return CsvTable.write(COLUMNS, standards.stream().map(s -> row(s, classes.get(s.classRef))).toList());
    }

    /** The CSV column a refused row should name for an API field. */
    static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private static StandardForm form(CsvTable.Row row) {
        ClassKind kind = ClassKind.parse("kind", row.text("kind"));
        String code = row.text("class_code");
        if (ClassSystem.ofCode(code).isEmpty()) {
            throw Problem.badRequest("class_code", "use 4 (legacy) or 5 (GB/T 47678.5) digits");
        }
        Integer value;
        try {
            value = Integer.valueOf(row.text("time_limit_value"));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("time_limit_value", "not a whole number");
        }
        return new StandardForm(kind.ref(code), row.text("condition"), value, row.text("time_limit_unit"),
                row.text("closing_condition"), row.text("note"), null);
    }

    private static String[] row(FilingStandard s, CaseClass c) {
        return new String[] {c.code, c.name, s.condition, String.valueOf(s.limitValue), s.limitUnit, orEmpty(s.closingCondition),
            c.kind == ClassKind.INCIDENT ? EVENT : c.kind.prefix(), c.majorName, "", "", orEmpty(s.note)};
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
