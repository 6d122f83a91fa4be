package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.web.Problem;

/**
 * 督办 — issues a {@link CaseUrge} (reply deadline on the working calendar, default
 * {@code civicgrid.cases.urge-reply-limit}) and takes the department's reply. Escalation: a 督办 of a case already
 * urged that is overdue — past its stage deadline or with a 督办 unanswered past its reply deadline — goes to 领导
 * (the case shows in 领导's 升级督办 queue until the department replies).
 */
@ApplicationScoped
class Urges {

    private final Calendars calendars;
    private final CasesConfig config;

    Urges(Calendars calendars, CasesConfig config) {
        this.calendars = calendars;
        this.config = config;
    }

    void issue(CaseFile c, Actor actor, String role, ActionInput in, Instant now) {
        TimeLimit limit = replyLimit(in.replyLimit());
        CaseUrge u = new CaseUrge();
        u.caseId = c.id;
        u.seq = c.urgeCount + 1;
        u.transitionSeq = c.historyCount + 1;
        u.issuedById = actor.staffId();
        u.issuedByName = actor.name();
        u.issuedByRole = role;
        u.issuedAt = now;
        u.reason = in.note().trim();
        u.replyLimit = limit.toString();
        u.replyDueAt = calendars.current().deadline(now, limit);
        u.escalated = c.urgeCount > 0 && overdue(c, now);
        u.departmentId = c.departmentId;
        u.persist();
        c.urgeCount++;
        c.urged = true;
        c.urgeEscalated |= u.escalated;
    }

    void reply(CaseFile c, Actor actor, String reply, Instant now) {
        for (CaseUrge u : CaseUrge.openOf(c.id)) {
            u.reply = reply.trim();
            u.repliedByName = actor.name();
            u.repliedAt = now;
        }
        c.urged = false;
        c.urgeEscalated = false;
    }

    private static boolean overdue(CaseFile c, Instant now) {
        boolean stageOverdue = c.stageDeadlineAt != null && now.isAfter(c.stageDeadlineAt);
        return stageOverdue || CaseUrge.openOf(c.id).stream().anyMatch(u -> now.isAfter(u.replyDueAt));
    }

    private TimeLimit replyLimit(String asked) {
        try {
            return TimeLimit.parse(asked == null || asked.isBlank() ? config.urgeReplyLimit() : asked);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("replyLimit", "write the time to reply like 1工作日 or 4工作时");
        }
    }
}
