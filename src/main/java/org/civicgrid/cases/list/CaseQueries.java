package org.civicgrid.cases.list;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseViews.CasePage;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.cases.Deadlines;
import org.civicgrid.cases.Light;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 案卷查询 — filtered case lists, newest first, with their lights (green and yellow are computed on the calendar).
 * Pages follow a keyset ({@link CaseCursor}: after the last case shown, before the first) or, without one, an offset;
 * the total is counted up to {@value #COUNT_CAP} and then only said to be more (a list of a million cases is never
 * counted to show twenty). A keyword of three characters or more is looked up in the trigram index ({@link CaseSearch}).
 */
@ApplicationScoped
public class CaseQueries {

    /** Totals above this are reported as "more than" ({@link CasePage#totalCapped()}). */
    public static final int COUNT_CAP = 1000;

    /** List filters; null means any. */
    public record Filter(CaseStage stage, CaseSource source, String classCode, String gridCode, String streetCode, Long departmentId,
            Light light, String q, Instant from, Instant to) {
    }

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
    private static final Sort OLDEST_FIRST = Sort.ascending("createdAt").and("id", Sort.Direction.Ascending);

    private static final long CAPPED_FOR_NANOS = 5_000_000_000L;

    private final Deadlines deadlines;
    private final Clock clock;
    /** The keyword index ({@link CaseSearch}) exists: SQLite (the hub's PostgreSQL keeps the LIKE). */
    private final boolean keywordIndex;
    private final Map<String, Long> capped = new ConcurrentHashMap<>();

    CaseQueries(Deadlines deadlines, Clock clock, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.keywordIndex = "sqlite".equals(dbKind);
    }

    /** A page by offset ({@code page} from 0). */
    public CasePage list(Filter f, int page, int size) {
        return list(f, page, null, null, size);
    }

    /**
     * A page after {@code after} or before {@code before} (keyset; {@code after} wins when both are given), else at
     * offset {@code page}. The green and yellow filters read the open cases still within their deadline and page by
     * offset only.
     */
    public CasePage list(Filter f, int page, CaseCursor after, CaseCursor before, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        add(where, params, "stage", f.stage());
        add(where, params, "source", f.source());
        add(where, params, "classCode", f.classCode());
        add(where, params, "gridCode", f.gridCode());
        add(where, params, "streetCode", f.streetCode());
        add(where, params, "departmentId", f.departmentId());
        if (f.q() != null && !f.q().isBlank()) {
            String text = f.q().trim();
            if (keywordIndex && CaseSearch.answers(text) && CaseSearch.rare(text)) { // the trigram index (V51)
                where.append(" and id in (select s.id from CaseSearch s where s.phrase = :q)");
                params.put("q", CaseSearch.phrase(text));
            } else { // short, or common enough that the newest-first walk meets a page of matches soon
                where.append(" and (number like :q or description like :q or address like :q)");
                params.put("q", "%" + text + "%");
            }
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
        if (f.light() == Light.GREEN || f.light() == Light.YELLOW) {
            return litByCalendar(where, params, f.light(), now, page, size);
        }
        if (f.light() == Light.RED) { // past the deadline: decided in SQL, paged there
            where.append(" and stageDeadlineAt < :now and stage not in :terminal");
            params.put("now", now);
            params.put("terminal", List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
        }
        return keyset(where.toString(), params, f.light() == Light.RED ? Light.RED : null, now, page, after, before, size);
    }

    private CasePage keyset(String filter, Map<String, Object> filterParams, Light fixed, Instant now, int page, CaseCursor after,
            CaseCursor before, int size) {
        boolean backwards = after == null && before != null;
        CaseCursor at = after != null ? after : before;
        String sql = filter;
        Map<String, Object> params = filterParams;
        if (at != null) { // the range on createdAt is what an index walks; the tie on the instant is broken by id
            params = new HashMap<>(filterParams);
            params.put("kAt", at.createdAt());
            params.put("kId", at.id());
            sql = backwards ? filter + " and createdAt >= :kAt and (createdAt > :kAt or id > :kId)"
                    : filter + " and createdAt <= :kAt and (createdAt < :kAt or id < :kId)";
        }
        var query = CaseFile.<CaseFile>find(sql, backwards ? OLDEST_FIRST : NEWEST_FIRST, params);
        int first = at == null ? page * size : 0;
        List<CaseFile> rows = new ArrayList<>(query.range(first, first + size).list()); // one more than shown: is there another page?
        boolean beyond = rows.size() > size;
        if (beyond) {
            rows.remove(size);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        List<CaseSummary> items = rows.stream().map(c -> CaseSummary.of(c, fixed != null ? fixed : deadlines.light(c, now))).toList();
        boolean hasNext = backwards ? !items.isEmpty() : beyond;
        boolean hasPrevious = backwards ? beyond : (at != null || page > 0) && !items.isEmpty();
        String next = hasNext ? CaseCursor.of(items.get(items.size() - 1)).toString() : null;
        String previous = hasPrevious ? CaseCursor.of(items.get(0)).toString() : null;
        if (at == null && page == 0 && !beyond) { // everything is on this page: it is the count
            return new CasePage(items, items.size(), false, next, previous);
        }
        long counted = boundedCount(filter, filterParams);
        return new CasePage(items, Math.min(counted, COUNT_CAP), counted > COUNT_CAP, next, previous);
    }

    /**
     * How many cases match, reading at most one more id than {@link #COUNT_CAP} (an index range, not the table). A
     * filter found to match more is remembered as such for {@link #CAPPED_FOR_NANOS} (cases are never deleted: such a
     * list rarely shrinks below the cap, and "more than 1,000" is all it would say anyway).
     */
    private long boundedCount(String filter, Map<String, Object> params) {
        String key = filter + params;
        Long until = capped.get(key);
        long now = System.nanoTime();
        if (until != null && now - until < 0) {
            return COUNT_CAP + 1;
        }
        var ids = CaseFile.getEntityManager().createQuery("select id from CaseFile where " + filter, Long.class);
        params.forEach(ids::setParameter);
        long counted = ids.setMaxResults(COUNT_CAP + 1).getResultList().size();
        if (counted > COUNT_CAP) {
            if (capped.size() > 10_000) {
                capped.clear();
            }
            capped.put(key, now + CAPPED_FOR_NANOS);
        }
        return counted;
    }

    /** Green and yellow need the working calendar: only open cases still within their deadline are read. */
    private CasePage litByCalendar(StringBuilder where, Map<String, Object> params, Light light, Instant now, int page, int size) {
        where.append(" and stageDeadlineAt >= :now and stage not in :terminal");
        params.put("now", now);
        params.put("terminal", List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
        List<CaseSummary> lit = new ArrayList<>();
        for (CaseFile c : CaseFile.<CaseFile>list(where.toString(), NEWEST_FIRST, params)) {
            Light l = deadlines.light(c, now);
            if (l == light) {
                lit.add(CaseSummary.of(c, l));
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
