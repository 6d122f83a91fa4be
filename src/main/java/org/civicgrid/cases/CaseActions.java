package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.org.Role;
import org.civicgrid.sync.Outbox;
import org.civicgrid.web.Problem;

/**
 * 案卷操作执行 — applies one action of {@link CaseWorkflow#TABLE} to a case in one transaction: checks role,
 * stage, scope (own department, own task) and input, sets the stage, moves the clocks, appends the history row
 * and the outbox event. Nobody else assigns a stage.
 */
@ApplicationScoped
public class CaseActions {

    private final ActionEffects effects;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final WorkGrids workGrids;
    private final Clock clock;
    private final EvaluationClock evaluationClock;
    private final HistoryRows history;

    CaseActions(ActionEffects effects, Deadlines deadlines, Outbox outbox, WorkGrids workGrids, Clock clock, EvaluationClock evaluationClock,
            HistoryRows history) {
        this.history = history;
        this.evaluationClock = evaluationClock;
        this.workGrids = workGrids;
        this.effects = effects;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    public CaseFile apply(long caseId, CaseAction action, Actor actor, ActionInput input) {
        ActionInput in = input == null ? ActionInput.note(null) : input;
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(caseId).orElseThrow(() -> Problem.notFound("case " + caseId));
        Transition transition = authorise(c, action, actor);
        if (in.version() != null && in.version() != c.version) {
            throw Problem.conflict("conflict", "case " + c.number + " was changed by someone else (version " + c.version
                    + ", you sent " + in.version() + "): reload and try again");
        }
        Instant now = clock.instant();
        CaseStage from = c.stage;
        Long departmentBefore = c.departmentId;
        String role = roleUsed(transition, actor);
        Instant stageDue = c.stageDeadlineAt;
        String note = effects.apply(c, action, actor, role, in, now);
        c.stage = transition.to();
        Instant evaluationDue = evaluationClock.dueAfter(c, action, now);
        deadlines.afterTransition(c, action, from, now);
        record(c, from, action, actor, role, note, now, c.departmentId != null ? c.departmentId : departmentBefore,
                evaluationDue, stageDue);
        var session = CaseFile.getEntityManager();
        if (session.getFlushMode() != FlushModeType.COMMIT) { // a batch that flushes at commit (alert storms) meets conflicts there
            session.flush(); // a concurrent change fails here as OptimisticLockException → 409 conflict
        }
        return c;
    }

    /** Appends the history row and its outbox event (also used for the creation row). */
    void record(CaseFile c, CaseStage from, CaseAction action, Actor actor, String role, String note, Instant at) {
        record(c, from, action, actor, role, note, at, c.departmentId, null, null);
    }

    /**
     * Appends the history row with the department it concerns: after 同意回退 the department that returned the case
     * (首接负责制 reads the case's path from these rows).
     */
    private CaseTransition record(CaseFile c, CaseStage from, CaseAction action, Actor actor, String role, String note, Instant at,
            Long departmentId, Instant evaluationDue, Instant stageDue) {
        CaseTransition row = new CaseTransition();
        row.caseId = c.id;
        row.seq = ++c.historyCount;
        row.from = from;
        row.to = c.stage;
        row.action = action == null ? "report" : action.apiName();
        row.actorId = actor.staffId();
        row.actorName = actor.name();
        row.actorRole = role;
        row.departmentId = departmentId;
        row.at = at;
        row.note = note == null || note.isBlank() ? null : note.trim();
        row.dueAt = evaluationDue;
        row.stageDueAt = stageDue;
        history.append(row, outbox.entry(c.id, row.seq, "case." + row.action, CaseEvent.of(c, row), at));
        return row;
    }

    private Transition authorise(CaseFile c, CaseAction action, Actor actor) {
        Transition transition = CaseWorkflow.find(c.stage, action).orElse(null);
        if (actor.system()) {
            if (transition == null || !CaseWorkflow.SYSTEM_ACTIONS.contains(action)) {
                throw Problem.conflict("invalid_transition", action.apiName() + " is not possible for the system in " + c.stage);
            }
            throwIf(ActionGuards.refusal(c, action, EnumSet.allOf(Role.class)));
            return transition;
        }
        if (transition == null) {
            if (!CaseWorkflow.mayEverTake(action, actor.roles())) {
                throw forbidden(action);
            }
            throw Problem.conflict("invalid_transition", action.apiName() + " is not possible while the case is " + c.stage);
        }
        if (!transition.allows(actor.roles())) {
            throw forbidden(action);
        }
        checkScope(c, action, actor, transition);
        throwIf(ActionGuards.refusal(c, action, actor.roles()));
        return transition;
    }

    /**
     * Department staff act only on their department's cases; inspectors only on tasks given to them or lying in their
     * work grids, and 自处理 only on their own reports.
     */
    private void checkScope(CaseFile c, CaseAction action, Actor actor, Transition transition) {
        String role = roleUsed(transition, actor);
        if (Role.DEPARTMENT.name().equals(role) && (c.departmentId == null || !c.departmentId.equals(actor.departmentId()))) {
            throw new Problem(403, "forbidden", null, "case " + c.number + " is not dispatched to your department");
        }
        if (Role.INSPECTOR.name().equals(role)) {
            boolean own = action == CaseAction.SELF_HANDLE
                    ? actor.staffId() != null && actor.staffId().equals(c.reportedById)
                    : actor.staffId() != null && (actor.staffId().equals(c.assigneeId) || workGrids.covers(actor.staffId(), c.gridCode));
            if (!own) {
                throw new Problem(403, "forbidden", null, "case " + c.number + " is neither a task given to you nor in your work grids");
            }
        }
    }

    private static String roleUsed(Transition transition, Actor actor) {
        if (actor.system()) {
            return null;
        }
        return transition.actors().stream().filter(actor.roles()::contains).map(Role::name).sorted().findFirst().orElse(null);
    }

    private static void throwIf(Problem refusal) {
        if (refusal != null) {
            throw refusal;
        }
    }

    private static Problem forbidden(CaseAction action) {
        return new Problem(403, "forbidden", null, "your roles may not " + action.apiName());
    }
}
