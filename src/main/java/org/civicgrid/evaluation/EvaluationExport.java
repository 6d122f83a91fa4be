package org.civicgrid.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 考核导出 — an {@link EvaluationTable} as xlsx (fastexcel: sheet 1 the ranking, sheet 2 the definitions) and as CSV
 * (UTF-8 with BOM, for Excel): the same cells as the page.
 */
public final class EvaluationExport {

    private EvaluationExport() {
    }

    /** The header row: rank, object, every indicator, score, grade, adjustment, adjusted score. */
    static List<String> header(EvaluationTable table, EvaluationTexts text) {
        List<String> h = new ArrayList<>(List.of(text.rank(), text.object()));
        table.columns().forEach(c -> h.add(c.label()));
        h.addAll(List.of(text.score(), text.grade(), text.adjustment(), text.adjustedScore()));
        return h;
    }

    /** One row's cells; a rate without a denominator is empty. */
    static List<Object> cells(EvaluationTable table, EvaluationTable.Row row) {
        List<Object> cells = new ArrayList<>(List.of(row.rank(), row.name()));
        for (EvaluationTable.Column c : table.columns()) {
            cells.add(c.rate() ? (Object) row.rates().get(c.code()) : (Object) row.counts().get(c.code()));
        }
        cells.add(row.score());
        cells.add(row.grade());
        cells.add(row.adjustment());
        cells.add(row.adjustedScore());
        return cells;
    }

    static byte[] xlsx(EvaluationTable table, EvaluationTexts text) {
        List<String[]> definitions = new ArrayList<>();
        table.columns().forEach(c -> definitions.add(new String[] {c.label(), table.definitions().get(c.code())}));
        return xlsx(text, header(table, text), table.rows().stream().map(row -> cells(table, row)).toList(), definitions,
                table.from() + " ~ " + table.to());
    }

    static byte[] csv(EvaluationTable table, EvaluationTexts text) {
        return csv(header(table, text), table.rows().stream().map(row -> cells(table, row)).toList());
    }

    /**
     * Any evaluation table (the edge's objects, the hub's sites) as xlsx: sheet 1 the header (bold) and the rows (numbers
     * as numbers, null cells empty), sheet 2 each indicator's definition and the period.
     */
    public static byte[] xlsx(EvaluationTexts text, List<String> header, List<List<Object>> rows, List<String[]> definitions, String period) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "civicgrid", "1.0")) {
            Worksheet ws = wb.newWorksheet(text.sheetRanking());
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (List<Object> cells : rows) {
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v != null) {
                        ws.value(r, c, v.toString());
                    }
                }
                r++;
            }
            Worksheet defs = wb.newWorksheet(text.sheetDefinitions());
            defs.value(0, 0, text.indicator());
            defs.value(0, 1, text.definition());
            int d = 1;
            for (String[] definition : definitions) {
                defs.value(d, 0, definition[0]);
                defs.value(d, 1, definition[1]);
                d++;
            }
            defs.value(d + 1, 0, text.periodLabel());
            defs.value(d + 1, 1, period);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Any evaluation table as CSV (UTF-8 with BOM, for Excel); a cell that would start a formula is quoted as text. */
    public static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, header);
        rows.forEach(cells -> line(sb, cells));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v.toString();
            if (s.startsWith("=") || s.startsWith("+") || s.startsWith("-") && !(v instanceof Number) || s.startsWith("@")) {
                s = "'" + s; // no formulas from data (an object's or a site's name is someone's own text)
            }
            sb.append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        sb.append("\r\n");
    }
}
