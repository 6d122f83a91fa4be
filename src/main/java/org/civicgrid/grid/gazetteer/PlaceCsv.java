package org.civicgrid.grid.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicgrid.grid.gazetteer.PlaceViews.PlaceForm;
import org.civicgrid.grid.gazetteer.PlaceViews.RejectedRow;
import org.civicgrid.web.CsvTable;
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
        rejected.sort(Comparator.comparingLong(RejectedRow::line));
        return new Parsed(rows, rejected);
    }

    static String write(List<Place> places) {
        List<String[]> rows = places.stream().map(p -> new String[] {p.kind.name().toLowerCase(java.util.Locale.ROOT), p.name,
            text(p.alias), text(p.address), String.valueOf(p.lat), String.valueOf(p.lon), text(p.line), text(p.numberFrom),
            text(p.numberTo), text(p.streetCode), text(p.communityCode)}).toList();
        return CsvTable.write(COLUMNS, rows);
    }

    private static PlaceForm form(CsvTable.Row row) {
        return new PlaceForm(row.optional("kind"), row.optional("name"), row.optional("alias"), row.optional("address"),
                row.decimal("lat"), row.decimal("lon"), row.optional("line"), row.whole("number_from"), row.whole("number_to"),
                row.optional("street_code"), row.optional("community_code"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
