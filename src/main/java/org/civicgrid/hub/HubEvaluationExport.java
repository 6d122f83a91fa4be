package org.civicgrid.hub;

import java.util.ArrayList;
import java.util.List;
import org.civicgrid.evaluation.EvaluationExport;
import org.civicgrid.evaluation.EvaluationTexts;

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
        List<String[]> definitions = new ArrayList<>();
        table.columns().forEach(c -> definitions.add(new String[] {c.label(), c.known() ? c.definition() : c.definition() + " — " + c.unknownReason()}));
        return EvaluationExport.xlsx(eval, header(table, eval, text), table.rows().stream().map(row -> cells(table, row, text)).toList(), definitions,
                table.from() + " ~ " + table.to());
    }

    static byte[] csv(HubEvaluation.Table table, EvaluationTexts eval, HubEvaluationTexts text) {
        return EvaluationExport.csv(header(table, eval, text), table.rows().stream().map(row -> cells(table, row, text)).toList());
    }
}
