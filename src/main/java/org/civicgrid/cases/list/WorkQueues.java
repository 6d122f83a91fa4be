package org.civicgrid.cases.list;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseRouting;
import org.civicgrid.cases.CaseViews.CasePage;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.cases.CaseVisibility;
import org.civicgrid.cases.Deadlines;
import org.civicgrid.cases.DuplicateFinder;
import org.civicgrid.cases.Light;
import org.civicgrid.org.routing.Suggestion;
import org.civicgrid.security.CurrentUser;

/**
 * 工作队列查询 — counts, lights and the most urgent cases of a {@link CaseQueue} for the signed-in user, and the
 * whole queue page by page for the case list. Queues whose scope needs the calendar (lights) or the duplicate
 * search are filtered in memory over at most {@link #SCAN_LIMIT} cases, most urgent first; elsewhere counts and red
 * are SQL and yellow is counted among the {@link #YELLOW_SCAN} nearest deadlines still ahead.
 */
@ApplicationScoped
public class WorkQueues {

    /** Cases read for a queue filtered in memory. */
    static final int SCAN_LIMIT = 2000;

    /** Cases with the nearest deadlines ahead that the yellow count looks at. */
    static final int YELLOW_SCAN = 200;

    /** A queue on the workbench: its size, how many are red and yellow, and its most urgent cases. */
    public record QueueView(CaseQueue queue, long count, long red, long yellow, List<QueueItem> items) {
    }

    /** A case in a queue; {@code suggestion} is the routing suggestion's department for 待派遣, else null. */
    public record QueueItem(CaseSummary c, String suggestion) {
    }

    private final Deadlines deadlines;
    private final DuplicateFinder duplicates;
    private final CaseRouting routing;
    private final Clock clock;

    WorkQueues(Deadlines deadlines, DuplicateFinder duplicates, CaseRouting routing, Clock clock) {
        this.deadlines = deadlines;
        this.duplicates = duplicates;
        this.routing = routing;
        this.clock = clock;
    }

    /** The user's queues with counts and their {@code shown} most urgent cases each. */
    public List<QueueView> of(CurrentUser user, int shown) {
        return CaseQueue.of(user.roles()).stream().map(q -> view(q, user, shown)).toList();
    }

    public QueueView view(CaseQueue queue, CurrentUser user, int shown) {
        Instant now = clock.instant();
        List<CaseSummary> all;
        long count;
        long red;
        if (inMemory(queue)) {
            all = scan(queue, user, now);
            count = all.size();
            red = all.stream().filter(c -> c.light() == Light.RED).count();
        } else {
            Where where = where(queue, user);
            count = CaseFile.count(where.sql, where.params);
            Map<String, Object> litParams = new HashMap<>(where.params);
            litParams.put("now", now);
            boolean allRed = where.sql.contains(":now");
            red = allRed ? count : CaseFile.count(where.sql + " and stageDeadlineAt < :now", litParams);
            all = CaseFile.<CaseFile>find(where.sql, URGENT_FIRST, where.params).page(Page.ofSize(shown)).list()
                    .stream().map(c -> CaseSummary.of(c, deadlines.light(c, now))).toList();
            // yellow needs the calendar: counted among the cases with the nearest deadlines still ahead
            long yellow = allRed ? 0 : CaseFile.<CaseFile>find(where.sql + " and stageDeadlineAt >= :now", URGENT_FIRST, litParams)
                    .page(Page.ofSize(YELLOW_SCAN)).list().stream().filter(c -> deadlines.light(c, now) == Light.YELLOW).count();
            return new QueueView(queue, count, red, yellow, items(queue, all, shown));
        }
        long yellow = all.stream().filter(c -> c.light() == Light.YELLOW).count();
        return new QueueView(queue, count, red, yellow, items(queue, all, shown));
    }

    private List<QueueItem> items(CaseQueue queue, List<CaseSummary> urgentFirst, int shown) {
        return urgentFirst.stream().limit(shown).map(c -> new QueueItem(c, suggestion(queue, c))).toList();
    }

    /** One page of the queue, most urgent first. */
    public CasePage page(CaseQueue queue, CurrentUser user, int page, int size) {
        Instant now = clock.instant();
        if (inMemory(queue)) {
            List<CaseSummary> all = scan(queue, user, now);
            int from = Math.min(page * size, all.size());
            return new CasePage(all.subList(from, Math.min(from + size, all.size())), all.size());
        }
        Where where = where(queue, user);
        var query = CaseFile.<CaseFile>find(where.sql, URGENT_FIRST, where.params);
        List<CaseSummary> items = query.page(Page.of(page, size)).list().stream()
                .map(c -> CaseSummary.of(c, deadlines.light(c, now))).toList();
        return new CasePage(items, query.count());
    }

    private static final Sort URGENT_FIRST = Sort.ascending("stageDeadlineAt").and("id");

    private static boolean inMemory(CaseQueue queue) {
        return queue.scope() == CaseQueue.Scope.OWN_DEPARTMENT_LIT || queue.scope() == CaseQueue.Scope.POSSIBLE_DUPLICATE;
    }

    private List<CaseSummary> scan(CaseQueue queue, CurrentUser user, Instant now) {
        Where where = where(queue, user);
        return CaseFile.<CaseFile>find(where.sql, URGENT_FIRST, where.params).page(Page.ofSize(SCAN_LIMIT)).list().stream()
                .filter(c -> queue.scope() != CaseQueue.Scope.POSSIBLE_DUPLICATE || !duplicates.candidates(c).isEmpty())
                .map(c -> CaseSummary.of(c, deadlines.light(c, now)))
                .filter(c -> queue.scope() != CaseQueue.Scope.OWN_DEPARTMENT_LIT || c.light() == Light.RED || c.light() == Light.YELLOW)
                .toList();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(CaseQueue queue, CurrentUser user) {
        StringBuilder sql = new StringBuilder("stage in :stages");
        Map<String, Object> params = new HashMap<>();
        params.put("stages", queue.stages());
        switch (queue.scope()) {
            case OWN_DEPARTMENT, OWN_DEPARTMENT_LIT -> {
                sql.append(" and departmentId = :department");
                params.put("department", user.departmentId().orElse(-1L));
            }
            case OWN_DEPARTMENT_URGED -> {
                sql.append(" and departmentId = :department and urged = true");
                params.put("department", user.departmentId().orElse(-1L));
            }
            case ASSIGNED_TO_ME -> {
                sql.append(" and assigneeId = :me");
                params.put("me", user.staffId() == null ? -1L : user.staffId());
            }
            case OVERDUE -> {
                sql.append(" and stageDeadlineAt < :now");
                params.put("now", clock.instant());
            }
            case URGED -> sql.append(" and urged = true");
            case ESCALATED -> sql.append(" and urgeEscalated = true");
            case EXTENSION_FOR_LEADER -> sql.append(" and extensionNeedsLeader = true");
            case POSSIBLE_DUPLICATE -> sql.append(" and duplicateOfId is null and classCode is not null and lat is not null");
            case ALL -> {
            }
        }
        if (CaseVisibility.onlyOwnDepartment(user) && queue.scope() != CaseQueue.Scope.OWN_DEPARTMENT
                && queue.scope() != CaseQueue.Scope.OWN_DEPARTMENT_LIT && queue.scope() != CaseQueue.Scope.OWN_DEPARTMENT_URGED) {
            sql.append(" and departmentId = :visible");
            params.put("visible", user.departmentId().orElse(-1L));
        }
        return new Where(sql.toString(), params);
    }

    private String suggestion(CaseQueue queue, CaseSummary c) {
        if (queue != CaseQueue.TO_DISPATCH) {
            return null;
        }
        return CaseFile.<CaseFile>findByIdOptional(c.id()).map(routing::suggest).orElse(List.of()).stream()
                .findFirst().map(Suggestion::name).orElse(null);
    }
}
