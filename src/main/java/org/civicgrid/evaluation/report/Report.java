package org.civicgrid.evaluation.report;

import java.util.List;
import org.civicgrid.evaluation.EvaluationPages;
import org.civicgrid.evaluation.EvaluationTable;

/**
 * 考核报告 — what a 日盘点/周分析/月通报 shows: the county's figures beside the period before, the department and
 * street rankings, the trend, the class breakdown, the filed cases per unit grid (heat map), the overdue cases and the
 * definitions. A stored 月通报 is this record as JSON.
 */
public record Report(String kind, String period, String previous, String from, String to, List<Compared> county, List<Ranking> rankings,
        List<EvaluationPages.Shown> shown, boolean hourly, List<Bucket> trend, List<Count> classes, List<Count> grids, List<Overdue> overdue,
        boolean overdueTruncated) {

    /** One county figure this period and the one before. */
    public record Compared(String label, String now, String before) {
    }

    /** One ranking: departments (street = false) or streets. */
    public record Ranking(boolean street, EvaluationTable table) {
    }

    /** One step of the trend (an hour of a day, else a day): reports, filings, closures. */
    public record Bucket(String label, long reported, long filed, long closed) {
    }

    /** Filed cases of one class or one unit grid. */
    public record Count(String key, long filed) {
    }

    /** A case that fell due in the period and was not closed on time. */
    public record Overdue(long id, String number, String classCode, String department, String address, String due, org.civicgrid.cases.CaseStage stage) {
    }
}
