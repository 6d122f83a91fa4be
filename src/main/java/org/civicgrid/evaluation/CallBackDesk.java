package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.sync.Outbox;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.web.Problem;

/**
 * 回访台 — the desk's call-backs: the closed cases whose reporter (公众举报, 热线) waits for a 回访 since the last
 * 结案, and the recording of one (satisfied or not, with a note); an unsatisfied call-back with {@code reopen} reopens
 * the case through the workflow (重新开启, which the table gives to 值班长 and 领导) in the same transaction, as is its
 * outbox event (the hub's 公众满意度).
 */
@ApplicationScoped
public class CallBackDesk {

    /** The sources whose reporter can be called back. */
    public static final List<CaseSource> CALLED_BACK = List.of(CaseSource.PUBLIC, CaseSource.HOTLINE);

    /** How far back closed cases wait for their call-back. */
    static final Duration WAITING = Duration.ofDays(30);

    private final CaseActions actions;
    private final Clock clock;
    private final Outbox outbox;

    CallBackDesk(CaseActions actions, Clock clock, Outbox outbox) {
        this.actions = actions;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Closed cases of the last 30 days from a reporter with no call-back since their 结案. */
    private static final String AWAITING = "f.stage = ?1 and f.source in ?2 and f.closedAt >= ?3 and not exists"
            + " (select 1 from CallBack b where b.caseId = f.id and b.calledAt >= f.closedAt)";

    /** The cases waiting for a 回访 ({@link #AWAITING}), the latest 结案 first. */
    @Transactional
    public List<CaseFile> awaiting(int limit) {
        return CaseFile.<CaseFile>find("from CaseFile f where " + AWAITING + " order by f.closedAt desc, f.id desc",
                CaseStage.CLOSED, CALLED_BACK, clock.instant().minus(WAITING)).page(0, limit).list();
    }

    /** How many cases wait for a 回访 (待回访, the desk's workbench): the same cases as {@link #awaiting}. */
    @Transactional
    public long awaitingCount() {
        return CaseFile.getEntityManager().createQuery("select count(f) from CaseFile f where " + AWAITING, Long.class)
                .setParameter(1, CaseStage.CLOSED).setParameter(2, CALLED_BACK).setParameter(3, clock.instant().minus(WAITING)).getSingleResult();
    }

    /** Unsatisfied call-backs whose case was not reopened and is still closed: 值班长/领导 decide whether to reopen. */
    @Transactional
    public List<CallBack> unsatisfiedNotReopened(int limit) {
        return CallBack.<CallBack>find("from CallBack b where b.satisfied = false and b.reopened = false and b.calledAt >= ?1 and exists"
                + " (select 1 from CaseFile c where c.id = b.caseId and c.stage = ?2 and c.closedAt <= b.calledAt) order by b.calledAt desc",
                clock.instant().minus(WAITING), CaseStage.CLOSED).page(0, limit).list();
    }

    @Transactional
    @SingleWriter
    public CallBack record(CallBacks.CallBackInput in, CurrentUser user) {
        if (in == null || in.caseId() == null) {
            throw Problem.badRequest("caseId", "name the closed case called back");
        }
        if (in.satisfied() == null) {
            throw Problem.badRequest("satisfied", "say whether the reporter is satisfied");
        }
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(in.caseId()).orElseThrow(() -> Problem.notFound("case " + in.caseId()));
        if (c.stage != CaseStage.CLOSED) {
            throw Problem.conflict("not_closed", "case " + c.number + " is not closed: call back after 结案");
        }
        boolean reopen = Boolean.TRUE.equals(in.reopen());
        if (reopen && in.satisfied()) {
            throw Problem.badRequest("reopen", "only an unsatisfied call-back reopens the case");
        }
        if (reopen && (in.note() == null || in.note().isBlank())) {
            throw Problem.badRequest("note", "say what the reporter is unsatisfied with");
        }
        if (in.note() != null && in.note().length() > 2000) {
            throw Problem.badRequest("note", "at most 2000 characters");
        }
        CallBack b = new CallBack();
        b.caseId = c.id;
        b.calledAt = clock.instant();
        b.callerId = user.staffId();
        b.callerName = user.displayName();
        b.satisfied = in.satisfied();
        b.note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        b.reopened = reopen;
        b.persist();
        outbox.rating(c.id, SyncProtocol.Rating.callBack(b.id, b.satisfied), b.calledAt); // up to the hub (公众满意度)
        if (reopen) {
            actions.apply(c.id, CaseAction.REOPEN, Actor.of(user), ActionInput.note("回访不满意：" + b.note));
        }
        return b;
    }
}
