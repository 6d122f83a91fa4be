package org.civicgrid.evaluation.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.evaluation.EvaluationPeriod;

/**
 * 报告序列 — the series a report draws beside the evaluation table, from the case history of the period: reports,
 * filings and closures per hour (a day) or per day, filed cases per class and per unit grid.
 */
@ApplicationScoped
class ReportSeries {

    static final int TOP_CLASSES = 10;

    /** Per hour for one day, else per day; every step present (zeros included), in order. */
    List<Report.Bucket> trend(EvaluationPeriod period, ZoneId zone) {
        boolean hourly = period.firstDay().equals(period.lastDay());
        Map<String, long[]> steps = new LinkedHashMap<>();
        if (hourly) {
            for (int h = 0; h < 24; h++) {
                steps.put("%02d:00".formatted(h), new long[3]);
            }
        } else {
            period.firstDay().datesUntil(period.lastDay().plusDays(1)).forEach(d -> steps.put(d.toString().substring(5), new long[3]));
        }
        List<Object[]> rows = CaseFile.getEntityManager().createQuery("select t.action, t.at from CaseTransition t where t.at >= :from and t.at < :to"
                + " and t.action in ('report', 'file', 'close')", Object[].class).setParameter("from", period.from()).setParameter("to", period.to())
                .getResultList();
        for (Object[] row : rows) {
            LocalDateTime at = LocalDateTime.ofInstant((Instant) row[1], zone);
            long[] step = steps.get(hourly ? "%02d:00".formatted(at.getHour()) : at.toLocalDate().toString().substring(5));
            if (step != null) {
                step["report".equals(row[0]) ? 0 : "file".equals(row[0]) ? 1 : 2]++;
            }
        }
        List<Report.Bucket> out = new ArrayList<>();
        steps.forEach((label, n) -> out.add(new Report.Bucket(label, n[0], n[1], n[2])));
        return out;
    }

    /** Filed cases per class, most first (the first {@value #TOP_CLASSES}). */
    List<Report.Count> classes(EvaluationPeriod period) {
        return filedBy("c.classCode", period, TOP_CLASSES);
    }

    /** Filed cases per unit grid (every grid with one). */
    List<Report.Count> grids(EvaluationPeriod period) {
        return filedBy("c.gridCode", period, Integer.MAX_VALUE);
    }

    private static List<Report.Count> filedBy(String key, EvaluationPeriod period, int limit) {
        return CaseFile.getEntityManager().createQuery("select " + key + ", count(t) from CaseTransition t join CaseFile c on c.id = t.caseId"
                + " where t.action = 'file' and t.at >= :from and t.at < :to and " + key + " is not null group by " + key
                + " order by count(t) desc, " + key, Object[].class).setParameter("from", period.from()).setParameter("to", period.to())
                .setMaxResults(limit).getResultList().stream().map(r -> new Report.Count(String.valueOf(r[0]), ((Number) r[1]).longValue())).toList();
    }
}
