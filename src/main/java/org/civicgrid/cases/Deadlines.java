package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.LimitUnit;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.cases.CaseStage.StageClock;

/**
 * 时限 — the clocks of a case on the working calendar: the stage limits (受理, 核实, 立案, 派遣, 核查, 结案) from
 * configuration — round the clock for the stages on the 24-hour duty calendar (值班) — the handling limit (处置时限)
 * from the 立案条件, restarted by 派遣, 返工 and 重新开启, 挂账 pausing it, 延期 moving it, and the light.
 */
@ApplicationScoped
public class Deadlines {

    private final Calendars calendars;
    private final CasesConfig config;

    Deadlines(Calendars calendars, CasesConfig config) {
        this.calendars = calendars;
        this.config = config;
    }

    /** Updates the clocks after {@code action} moved the case from {@code from} to its current stage. */
    void afterTransition(CaseFile c, CaseAction action, CaseStage from, Instant now) {
        WorkingCalendar calendar = calendars.current();
        if (action != null) {
            moveHandlingClock(c, action, now, calendar);
        }
        if (action != CaseAction.URGE && action != CaseAction.REPLY_URGE) {
            moveStageClock(c, from, now, calendar);
        }
        capAtSuperiorDeadline(c);
    }

    /**
     * Gives the case the deadline of the platform above (上级交办): from now on neither its stage clock nor its handling
     * clock (延期 included) runs past {@code dueAt}.
     */
    public void setSuperiorDeadline(CaseFile c, Instant dueAt) {
        c.superiorDueAt = dueAt;
        capAtSuperiorDeadline(c);
    }

    private static void capAtSuperiorDeadline(CaseFile c) {
        if (c.superiorDueAt == null) {
            return;
        }
        if (c.stageDeadlineAt != null && c.stageDeadlineAt.isAfter(c.superiorDueAt)) {
            c.stageDeadlineAt = c.superiorDueAt;
        }
        if (c.handlingDeadlineAt != null && c.handlingDeadlineAt.isAfter(c.superiorDueAt)) {
            c.handlingDeadlineAt = c.superiorDueAt;
        }
    }

    private void moveStageClock(CaseFile c, CaseStage from, Instant now, WorkingCalendar calendar) {
        c.stageStartedAt = now;
        StageClock clock = c.stage.clock();
        if (clock == StageClock.NONE) {
            c.stageLimit = null;
            c.stageDeadlineAt = null;
        } else if (clock == StageClock.HANDLE) {
            c.stageLimit = c.handlingLimit;
            c.stageDeadlineAt = c.handlingDeadlineAt;
        } else if (from == null || from.clock() != clock || c.stageDeadlineAt == null) {
            TimeLimit limit = stageLimit(clock);
            c.stageLimit = limit.toString();
            c.stageDeadlineAt = calendar.deadline(now, limit);
        }
    }

    private void moveHandlingClock(CaseFile c, CaseAction action, Instant now, WorkingCalendar calendar) {
        switch (action) {
            case DISPATCH, REWORK, REOPEN -> {
                c.handlingStartedAt = now;
                c.handlingDeadlineAt = calendar.deadline(now, TimeLimit.parse(c.handlingLimit));
            }
            case APPROVE_EXTENSION -> {
                c.handlingDeadlineAt = calendar.deadline(c.handlingDeadlineAt, TimeLimit.parse(c.pendingExtension));
                c.pendingExtension = null;
            }
            case REJECT_EXTENSION -> c.pendingExtension = null;
            case APPROVE_SUSPEND -> {
                c.suspendedRemainingMs = calendar.clockTime(now, c.handlingDeadlineAt, handlingUnit(c)).toMillis();
                c.handlingDeadlineAt = null;
            }
            case RESUME -> {
                c.handlingDeadlineAt = calendar.add(now, Duration.ofMillis(c.suspendedRemainingMs), handlingUnit(c));
                c.suspendedRemainingMs = null;
            }
            case APPROVE_RETURN -> {
                c.handlingStartedAt = null;
                c.handlingDeadlineAt = null;
            }
            default -> {
                // other actions leave the handling clock as it is
            }
        }
    }

    /** The light of the case now. */
    public Light light(CaseFile c, Instant now) {
        if (!c.stage.isOpen() || c.stageDeadlineAt == null || c.stageLimit == null) {
            return Light.NONE;
        }
        if (now.isAfter(c.stageDeadlineAt)) {
            return Light.RED;
        }
        WorkingCalendar calendar = calendars.current();
        TimeLimit limit = TimeLimit.parse(c.stageLimit);
        Duration remaining = calendar.clockTime(now, c.stageDeadlineAt, limit.unit());
        long yellowBelow = (long) (calendar.allowance(limit).toMillis() * (1 - config.yellowAt()));
        return remaining.toMillis() <= yellowBelow ? Light.YELLOW : Light.GREEN;
    }


    /**
     * The configured limit of a stage clock; for the stages the centre staffs around the clock
     * ({@code civicgrid.cases.duty-stages}, 24小时值班) its working units count wall-clock time.
     */
    TimeLimit stageLimit(StageClock clock) {
        TimeLimit configured = configuredLimit(clock);
        return config.dutyStages().contains(clock) ? configured.roundTheClock() : configured;
    }

    private TimeLimit configuredLimit(StageClock clock) {
        return TimeLimit.parse(switch (clock) {
            case ACCEPT -> config.acceptLimit();
            case CONFIRM -> config.confirmLimit();
            case FILE -> config.fileLimit();
            case DISPATCH -> config.dispatchLimit();
            case CHECK -> config.checkLimit();
            case CLOSE -> config.closeLimit();
            case HANDLE, NONE -> throw new IllegalArgumentException("no configured limit for " + clock);
        });
    }

    private static LimitUnit handlingUnit(CaseFile c) {
        return TimeLimit.parse(c.handlingLimit).unit();
    }
}
