package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.LimitUnit;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.calendar.WorkingCalendar;

/**
 * 考核时限 — the evaluation deadline of a case (DOMAIN.md §3, §6): set at the first 派遣 from the 立案条件's limit,
 * moved by an approved 延期 and by the time a 挂账 kept the clock paused — nothing else. Unlike the operational handling
 * clock ({@link Deadlines}), 返工, 重新开启 and a second 派遣 after 回退 do not restart it. Each value is written once on
 * the history row of the action that set it ({@link CaseTransition#dueAt}); the case's deadline is the greatest of them
 * (it only ever moves later), which is what evaluation reads.
 */
@ApplicationScoped
class EvaluationClock {

    private final Calendars calendars;

    EvaluationClock(Calendars calendars) {
        this.calendars = calendars;
    }

    /**
     * The evaluation deadline this action sets, or null when it leaves it as it was; called before the operational
     * clocks move (the 延期 asked for is still on the case).
     */
    Instant dueAfter(CaseFile c, CaseAction action, Instant now) {
        if (action == null || c.id == null || c.handlingLimit == null) {
            return null;
        }
        if (action != CaseAction.DISPATCH && action != CaseAction.APPROVE_EXTENSION && action != CaseAction.RESUME) {
            return null; // no other action moves it: no need to read the history (受理 and 立案 of an alert storm's cases)
        }
        WorkingCalendar calendar = calendars.current();
        LimitUnit unit = TimeLimit.parse(c.handlingLimit).unit();
        Instant due = currentDue(c.id);
        return switch (action) {
            case DISPATCH -> due == null ? calendar.deadline(now, TimeLimit.parse(c.handlingLimit)) : null;
            case APPROVE_EXTENSION -> due == null || c.pendingExtension == null ? null
                    : calendar.deadline(due, TimeLimit.parse(c.pendingExtension));
            case RESUME -> {
                Instant pausedAt = lastAt(c.id, CaseAction.APPROVE_SUSPEND);
                if (due == null || pausedAt == null || !due.isAfter(pausedAt)) {
                    yield null; // overdue before the pause: pausing does not give time back
                }
                Duration left = calendar.clockTime(pausedAt, due, unit);
                yield calendar.add(now, left, unit);
            }
            default -> null;
        };
    }

    /**
     * The evaluation deadline replayed from what a case keeps when its history carries none (written before V20): the
     * limit and the extension time granted in all (both in the limit's clock), counted from the first 派遣 and pushed
     * past each 挂账 that began before the deadline by the time it kept the clock paused — the same rule as
     * {@link #dueAfter} applied action by action, except that extensions in another unit than the limit count in the
     * limit's unit. A 挂账 not resumed leaves the deadline where it was (as {@link #dueAfter} does until 恢复).
     *
     * @param pauses each 挂账 as {approved, resumed or null}, in order
     */
    static Instant replay(WorkingCalendar calendar, TimeLimit limit, Duration extensions, Instant dispatchedAt, java.util.List<Instant[]> pauses) {
        Instant due = calendar.add(dispatchedAt, calendar.allowance(limit).plus(extensions), limit.unit());
        for (Instant[] pause : pauses) {
            if (pause[1] == null || pause[0].isBefore(dispatchedAt) || !due.isAfter(pause[0])) {
                continue;
            }
            due = calendar.add(pause[1], calendar.clockTime(pause[0], due, limit.unit()), limit.unit());
        }
        return due;
    }

    private static Instant currentDue(long caseId) {
        return CaseTransition.getEntityManager().createQuery("select max(t.dueAt) from CaseTransition t where t.caseId = :id", Instant.class)
                .setParameter("id", caseId).getSingleResult();
    }

    private static Instant lastAt(long caseId, CaseAction action) {
        return CaseTransition.getEntityManager().createQuery("select max(t.at) from CaseTransition t where t.caseId = :id and t.action = :a",
                Instant.class).setParameter("id", caseId).setParameter("a", action.apiName()).getSingleResult();
    }
}
