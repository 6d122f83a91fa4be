package org.civicgrid.cases;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseViews.CasePage;
import org.civicgrid.cases.CaseViews.CaseSummary;

/** 案卷查询 — filtered, paged case lists with their lights (the light filter is computed on the calendar). */
@ApplicationScoped
public class CaseQueries {

    /** List filters; null means any. */
    public record Filter(CaseStage stage, CaseSource source, String classCode, String gridCode, String streetCode, Long departmentId,
            Light light, String q, Instant from, Instant to) {
    }

    private final Deadlines deadlines;
    private final Clock clock;

    CaseQueries(Deadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public CasePage list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        add(where, params, "stage", f.stage());
        add(where, params, "source", f.source());
        add(where, params, "classCode", f.classCode());
        add(where, params, "gridCode", f.gridCode());
        add(where, params, "streetCode", f.streetCode());
        add(where, params, "departmentId", f.departmentId());
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (number like :q or description like :q or address like :q)");
            params.put("q", "%" + f.q().trim() + "%");
        }
        if (f.from() != null) {
            where.append(" and createdAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and createdAt < :to");
            params.put("to", f.to());
        }
        Instant now = clock.instant();
        Sort sort = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        if (f.light() == null) {
            var query = CaseFile.<CaseFile>find(where.toString(), sort, params);
            List<CaseSummary> items = query.page(Page.of(page, size)).list().stream()
                    .map(c -> CaseSummary.of(c, deadlines.light(c, now))).toList();
            return new CasePage(items, query.count());
        }
        if (f.light() == Light.RED) { // past the deadline: decided in SQL, paged there
            where.append(" and stageDeadlineAt < :now and stage not in :terminal");
            params.put("now", now);
            params.put("terminal", List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
            var query = CaseFile.<CaseFile>find(where.toString(), sort, params);
            List<CaseSummary> items = query.page(Page.of(page, size)).list().stream().map(c -> CaseSummary.of(c, Light.RED)).toList();
            return new CasePage(items, query.count());
        }
        // green and yellow need the working calendar: only open cases still within their deadline are read
        where.append(" and stageDeadlineAt >= :now and stage not in :terminal");
        params.put("now", now);
        params.put("terminal", List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
        List<CaseSummary> lit = new ArrayList<>();
        for (CaseFile c : CaseFile.<CaseFile>list(where.toString(), sort, params)) {
            Light light = deadlines.light(c, now);
            if (light == f.light()) {
                lit.add(CaseSummary.of(c, light));
            }
        }
        int fromIndex = Math.min(page * size, lit.size());
        return new CasePage(lit.subList(fromIndex, Math.min(fromIndex + size, lit.size())), lit.size());
    }

    private static void add(StringBuilder where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }
}
