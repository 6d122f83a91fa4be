package org.civicgrid.evaluation;

import java.util.List;
import java.util.Map;

/**
 * 考核结果 — the evaluation of one object type over one period, as {@code GET /api/evaluation} answers it and the page,
 * the exports and the snapshots show it: one row per object, ranked by score; each row's counts and rates by
 * indicator code, the computed score and grade, and beside them (never in them) the sum of approved manual entries.
 */
public record EvaluationTable(String object, String period, String from, String to, List<Column> columns, List<Row> rows,
        Map<String, String> definitions) {

    /** One indicator column: code, label in the viewer's language, whether it is a rate. */
    public record Column(String code, String label, boolean rate) {
    }

    /** One object: key (department id, street code …, staff id), name, counts, rates, score, grade, adjustments. */
    public record Row(int rank, String key, String name, Map<String, Long> counts, Map<String, Double> rates, Double score, String grade,
            double adjustment, Double adjustedScore) {
    }
}
