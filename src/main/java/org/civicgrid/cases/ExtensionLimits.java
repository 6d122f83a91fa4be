package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.web.Problem;

/**
 * 延期审批规则 — checks a 延期 request against the case's {@link ExtensionLimit}: refused (400 on {@code extension},
 * saying the limit) past the count or the total; marked for 领导 past the threshold. Counts what was granted on
 * approval.
 */
@ApplicationScoped
class ExtensionLimits {

    private final Calendars calendars;

    ExtensionLimits(Calendars calendars) {
        this.calendars = calendars;
    }

    /** Checks the request of {@code asked} more time and records whether 领导 must approve it. */
    void request(CaseFile c, TimeLimit asked) {
        ExtensionLimit limit = ExtensionLimit.forClass(c.classCode).orElse(null);
        if (limit == null) {
            c.extensionNeedsLeader = false;
            return;
        }
        WorkingCalendar calendar = calendars.current();
        int count = c.extensionCount + 1;
        if (count > limit.maxCount) {
            throw Problem.badRequest("extension", "延期 refused: at most " + limit.maxCount + " extension(s) for this case, "
                    + c.extensionCount + " already approved");
        }
        Duration total = Duration.ofMillis(c.extensionTotalMs).plus(calendar.allowance(asked));
        if (total.compareTo(calendar.allowance(TimeLimit.parse(limit.maxTotal))) > 0) {
            throw Problem.badRequest("extension", "延期 refused: extensions may add up to at most " + limit.maxTotal
                    + " for this case (" + hours(c.extensionTotalMs) + " h granted, " + asked + " asked)");
        }
        c.extensionNeedsLeader = count > limit.leaderAfterCount
                || total.compareTo(calendar.allowance(TimeLimit.parse(limit.leaderAfterTotal))) > 0;
    }

    /** Counts the approved extension. */
    void approved(CaseFile c) {
        c.extensionCount++;
        c.extensionTotalMs += calendars.current().allowance(TimeLimit.parse(c.pendingExtension)).toMillis();
        c.extensionNeedsLeader = false;
    }

    private static String hours(long ms) {
        return String.valueOf(Duration.ofMillis(ms).toMinutes() / 60.0).replaceAll("\\.0$", "");
    }
}
