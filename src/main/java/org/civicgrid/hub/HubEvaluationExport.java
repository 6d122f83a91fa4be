package org.civicgrid.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.evaluation.EvaluationTexts;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 跨镇评价导出 — the hub's {@link HubEvaluation.Table} as xlsx (sheet 1 the ranking, sheet 2 the definitions with what
 * the hub cannot know and why) and as CSV (UTF-8 with BOM): the same cells as the page, "—" where the hub has no figure.
 */
final class HubEvaluationExport {

    private HubEvaluationExport() {
    }

    static List<String> header(HubEvaluation.Table table, EvaluationTexts eval, HubEvaluationTexts text) {
        List<String> h = new ArrayList<>(List.of(eval.rank(), text.siteId(), text.site()));
        table.columns().forEach(c -> h.add(c.label()));
        h.addAll(List.of(eval.score(), eval.grade()));
        return h;
    }

    /** One site's cells: counts and rates as numbers, an empty rate (no denominator) empty, an unknown one "—". */
    static List<Object> cells(HubEvaluation.Table table, HubEvaluation.Row row, HubEvaluationTexts text) {
        List<Object> cells = new ArrayList<>(List.of(row.rank(), row.siteId(), row.name()));
        for (HubEvaluation.Column c : table.columns()) {
            cells.add(!c.known() ? text.unknown() : c.rate() ? (Object) row.rates().get(c.code()) : (Object) row.counts().get(c.code()));
        }
        cells.add(row.score());
        cells.add(row.grade());
        return cells;
    }

    static byte[] xlsx(HubEvaluation.Table table, EvaluationTexts eval, HubEvaluationTexts text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "civicgrid", "1.0")) {
            Worksheet ws = wb.newWorksheet(eval.sheetRanking());
            List<String> header = header(table, eval, text);
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (HubEvaluation.Row row : table.rows()) {
                List<Object> cells = cells(table, row, text);
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
            Worksheet defs = wb.newWorksheet(eval.sheetDefinitions());
            defs.value(0, 0, eval.indicator());
            defs.value(0, 1, eval.definition());
            int d = 1;
            for (HubEvaluation.Column c : table.columns()) {
                defs.value(d, 0, c.label());
                defs.value(d, 1, c.known() ? c.definition() : c.definition() + " — " + c.unknownReason());
                d++;
            }
            defs.value(d + 1, 0, eval.periodLabel());
            defs.value(d + 1, 1, table.from() + " ~ " + table.to());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] csv(HubEvaluation.Table table, EvaluationTexts eval, HubEvaluationTexts text) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, header(table, eval, text));
        table.rows().forEach(row -> line(sb, cells(table, row, text)));
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
                s = "'" + s; // no formulas from data (a site's name is the site's own text)
            }
            sb.append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        sb.append("\r\n");
    }
}
