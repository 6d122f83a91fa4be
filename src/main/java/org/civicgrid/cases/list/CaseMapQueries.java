package org.civicgrid.cases.list;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseViews.CasePoint;
import org.civicgrid.cases.Deadlines;

/**
 * 案卷分布 — open cases in space for the map: how many are open in each unit grid (one grouped query) and the
 * open cases as points with their lights. {@code departmentId} limits both to one department's cases.
 */
@ApplicationScoped
public class CaseMapQueries {

    /** At most this many points are answered, newest first: the map is an overview, the case list pages. */
    static final int MAX_POINTS = 5000;

    static final List<CaseStage> OPEN = Arrays.stream(CaseStage.values()).filter(CaseStage::isOpen).toList();

    private final Deadlines deadlines;
    private final Clock clock;

    CaseMapQueries(Deadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Open cases per grid code, grids without open cases left out. */
    public Map<String, Long> openByGrid(Long departmentId) {
        String department = departmentId == null ? "" : " and c.departmentId = :department";
        var query = CaseFile.getEntityManager().createQuery("select c.gridCode, count(c) from CaseFile c"
                + " where c.stage in :open and c.gridCode is not null" + department + " group by c.gridCode order by c.gridCode",
                Object[].class).setParameter("open", OPEN);
        if (departmentId != null) {
            query.setParameter("department", departmentId);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Open cases with a position, newest first, optionally in one grid. */
    public List<CasePoint> openPoints(String gridCode, Long departmentId) {
        StringBuilder where = new StringBuilder("stage in :open and lat is not null and lon is not null");
        Map<String, Object> params = new LinkedHashMap<>(Map.of("open", OPEN));
        if (gridCode != null && !gridCode.isBlank()) {
            where.append(" and gridCode = :grid");
            params.put("grid", gridCode);
        }
        if (departmentId != null) {
            where.append(" and departmentId = :department");
            params.put("department", departmentId);
        }
        Instant now = clock.instant();
        return CaseFile.<CaseFile>find(where + " order by createdAt desc, id desc", params).range(0, MAX_POINTS - 1).list().stream()
                .map(c -> CasePoint.of(c, deadlines.light(c, now))).toList();
    }
}
