package org.civicgrid.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.civicgrid.web.Problem;

/**
 * 部件表格 — components as UTF-8 CSV with the header {@link #COLUMNS} (any order; a BOM ignored; {@code surveyed_on} and
 * {@code note} optional). Each data row becomes a {@link ComponentRow}, indexed from 0; an unreadable row is reported
 * and never hides the rows before it.
 */
final class ComponentCsv {

    static final List<String> COLUMNS = List.of("id", "name", "class", "state", "lat", "lon", "owner_department", "property_department",
            "maintainer_department", "installed_on", "data_source", "accuracy_class", "address", "surveyed_on", "note");
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader ROWS = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
            .with(CsvParser.Feature.SKIP_EMPTY_LINES).with(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE);
    private static final CsvSchema EXPORT = COLUMNS.stream().reduce(CsvSchema.builder(), CsvSchema.Builder::addColumn, (a, b) -> a)
            .setUseHeader(true).build();

    private ComponentCsv() {
    }

    static List<ComponentRow> read(byte[] csv) {
        String text = new String(csv == null ? new byte[0] : csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        List<ComponentRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = ROWS.readValues(text)) {
            try {
                while (it.hasNextValue()) {
                    rows.add(row(rows.size(), it.nextValue()));
                }
            } catch (RuntimeException e) {
                rows.add(ComponentRow.unreadable(rows.size(), null, "unreadable CSV from here on: " + e.getMessage()));
            }
            List<String> header = ((CsvSchema) it.getParser().getSchema()).getColumnNames();
            if (!header.containsAll(List.of("id", "lat", "lon"))) {
                throw Problem.badRequest("csv", "the header must name at least id, lat and lon; expected " + String.join(",", COLUMNS));
            }
        } catch (IOException e) {
            throw Problem.badRequest("csv", "unreadable CSV: " + e.getMessage());
        }
        return rows;
    }

    private static ComponentRow row(int index, Map<String, String> cells) {
        String id = cell(cells, "id");
        try {
            return new ComponentRow(index, id, cell(cells, "name"), cell(cells, "class"), cell(cells, "state"), number(cells, "lat"),
                    number(cells, "lon"), cell(cells, "owner_department"), cell(cells, "property_department"),
                    cell(cells, "maintainer_department"), cell(cells, "installed_on"), cell(cells, "surveyed_on"), cell(cells, "data_source"),
                    cell(cells, "accuracy_class"), cell(cells, "address"), cell(cells, "note"), null);
        } catch (IllegalArgumentException e) {
            return ComponentRow.unreadable(index, id, e.getMessage());
        }
    }

    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Double number(Map<String, String> cells, String column) {
        String value = cell(cells, column);
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number (decimal degrees)");
        }
    }

    static String write(List<CityComponent> components, Map<Long, String> departmentCodes) {
        List<String[]> rows = components.stream().map(c -> Stream.of(c.id, c.name, c.classRef, c.state, c.lat, c.lon,
            departmentCodes.get(c.ownerDepartmentId), departmentCodes.get(c.propertyDepartmentId), departmentCodes.get(c.maintainerDepartmentId),
            c.installedOn, c.dataSource, c.accuracyClass, c.address, c.surveyedOn, c.note)
                .map(value -> value == null ? "" : value.toString()).toArray(String[]::new)).toList();
        try {
            return CSV.writer(EXPORT).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
