package org.civicgrid.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.calendar.LimitUnit;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.cases.CaseFile;

/**
 * 处置用时 — the working time of {@link Indicator#HANDLING_MINUTES}: from the first 派遣 to the last 处置反馈 by the
 * working calendar, less the 挂账 intervals between them (moved unchanged from {@link EvaluationQueries}).
 */
final class HandlingTime {

    private HandlingTime() {
    }

    /** Working minutes from the first 派遣 to the last 处置反馈, less the working time of each 挂账 between them. */
    static long handlingMinutes(WorkingCalendar calendar, Instant dispatchedAt, Instant handledAt, List<Instant[]> pauses) {
        Duration time = calendar.clockTime(dispatchedAt, handledAt, LimitUnit.WORK_HOUR);
        for (Instant[] pause : pauses) {
            Instant start = pause[0].isBefore(dispatchedAt) ? dispatchedAt : pause[0];
            Instant end = pause[1] == null || pause[1].isAfter(handledAt) ? handledAt : pause[1];
            time = time.minus(calendar.clockTime(start, end, LimitUnit.WORK_HOUR));
        }
        return Math.max(0, time.toMinutes());
    }

    /** The 挂账 intervals (approved, resumed or null) before the period's end of the cases given. */
    static Map<Long, List<Instant[]>> pauses(Set<Long> caseIds, Instant to) {
        Map<Long, List<Instant[]>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(caseIds);
        for (int i = 0; i < ids.size(); i += 500) {
            CaseFile.getEntityManager().createQuery("select t.caseId, t.action, t.at from CaseTransition t where t.caseId in :ids"
                            + " and t.action in ('approveSuspend', 'resume') and t.at < :to order by t.caseId, t.seq", Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).setParameter("to", to).getResultList().forEach(row -> {
                        List<Instant[]> list = out.computeIfAbsent(number(row[0]), k -> new ArrayList<>());
                        if ("approveSuspend".equals(row[1])) {
                            list.add(new Instant[] {(Instant) row[2], null});
                        } else if (!list.isEmpty() && list.get(list.size() - 1)[1] == null) {
                            list.get(list.size() - 1)[1] = (Instant) row[2];
                        }
                    });
        }
        return out;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
