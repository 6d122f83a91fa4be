package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/**
 * 加分/扣分与申诉登记 — appends the signed entries of {@link Adjustment}: a 加分/扣分 proposed by the centre (值班长 or
 * 领导), a department's 申诉 within the window after the period, and the decision on either (领导 approves a 加分/扣分;
 * the centre decides an appeal) — only a decision moves the adjusted score, and none touches the computed one.
 */
@ApplicationScoped
public class Adjustments {

    static final double MAX_POINTS = 100;

    /** What a client sends. */
    public record EntryInput(String object, String key, String period, Double points, String reason, Long caseId) {
    }

    /** A decision: approve (with the points granted, default the entry's own) or refuse, with the reason. */
    public record DecisionInput(Boolean approve, Double points, String reason) {
    }

    private final EvaluationConfig config;
    private final Evaluation evaluation;
    private final Clock clock;

    Adjustments(EvaluationConfig config, Evaluation evaluation, Clock clock) {
        this.config = config;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    public Adjustment propose(EntryInput in, CurrentUser user) {
        require(in);
        Adjustment a = entry(Adjustment.Kind.ADJUSTMENT, EvaluationApi.object(in.object()), key(in.key()), period(in.period()), points(in.points()),
                in.reason(), in.caseId(), user);
        a.persist();
        return a;
    }

    /** 申诉: a department against a case's effect on its score, within the window after the period's end. */
    @Transactional
    @SingleWriter
    public Adjustment appeal(EntryInput in, CurrentUser user) {
        require(in);
        long department = user.departmentId().orElseThrow(() -> new Problem(403, "forbidden", null, "only department staff appeal"));
        EvaluationPeriod p = EvaluationPeriod.parse(period(in.period()), null, null, clock, evaluation.zone());
        Instant now = clock.instant();
        if (now.isAfter(p.to().plus(config.appealWindow()))) {
            throw Problem.conflict("appeal_closed", "the appeal window of " + p.label() + " closed " + config.appealWindow().toDays() + " days after it");
        }
        CaseFile c = in.caseId() == null ? null : CaseFile.findById(in.caseId());
        if (c == null) {
            throw Problem.badRequest("caseId", "name the case the appeal is about");
        }
        if (!handledBy(c, department)) {
            throw new Problem(403, "not_own_case", "caseId",
                    "case " + c.number + " was never dispatched to your department: appeal only your own cases");
        }
        if (Adjustment.count("kind = ?1 and caseId = ?2 and objectKey = ?3 and period = ?4 and id not in (select d.decidesId from Adjustment d"
                + " where d.decidesId is not null)", Adjustment.Kind.APPEAL, c.id, String.valueOf(department), p.label()) > 0) {
            throw Problem.conflict("appeal_pending", "an appeal of case " + c.number + " for " + p.label() + " awaits its decision");
        }
        Adjustment a = entry(Adjustment.Kind.APPEAL, EvaluationObject.DEPARTMENT, String.valueOf(department), p.label(), 0, in.reason(), in.caseId(), user);
        a.persist();
        return a;
    }

    /** The decision on an entry: another signed entry; a 加分/扣分 needs 领导, an appeal the centre (值班长 or 领导). */
    @Transactional
    @SingleWriter
    public Adjustment decide(long id, DecisionInput in, CurrentUser user) {
        Adjustment decided = Adjustment.<Adjustment>findByIdOptional(id).filter(a -> a.kind != Adjustment.Kind.DECISION)
                .orElseThrow(() -> Problem.notFound("evaluation entry " + id));
        if (Adjustment.count("decidesId", id) > 0) {
            throw Problem.conflict("decided", "entry " + id + " was already decided");
        }
        if (decided.kind == Adjustment.Kind.ADJUSTMENT && !user.has(Role.LEADER)) {
            throw new Problem(403, "forbidden", null, "a 加分/扣分 is approved by 领导");
        }
        if (in == null || in.approve() == null) {
            throw Problem.badRequest("approve", "say whether the entry is approved");
        }
        if (in.reason() == null || in.reason().isBlank()) {
            throw Problem.badRequest("reason", "give the reason");
        }
        double points = !in.approve() ? 0 : in.points() != null ? points(in.points()) : decided.points;
        Adjustment d = entry(Adjustment.Kind.DECISION, EvaluationObject.of(decided.objectType).orElseThrow(), decided.objectKey, decided.period,
                points, in.reason(), decided.caseId, user);
        d.decidesId = decided.id;
        d.approvedBy = in.approve() ? user.displayName() : null;
        d.persist();
        return d;
    }

    public List<Adjustment> list(EvaluationObject object, String period) {
        return Adjustment.of(object, period);
    }

    /** The appeals a user may see, newest first: a department its own, the centre every department's. */
    @Transactional
    public List<Adjustment> appeals(CurrentUser user) {
        if (centre(user)) {
            return Adjustment.list("kind = ?1 order by id desc", Adjustment.Kind.APPEAL);
        }
        return user.departmentId().map(d -> Adjustment.<Adjustment>list("kind = ?1 and objectKey = ?2 order by id desc", Adjustment.Kind.APPEAL,
                String.valueOf(d))).orElse(List.of());
    }

    /** One appeal; 404 for a department that did not file it (another department's appeal is not its business). */
    @Transactional
    public Adjustment appeal(long id, CurrentUser user) {
        return Adjustment.<Adjustment>findByIdOptional(id).filter(a -> a.kind == Adjustment.Kind.APPEAL)
                .filter(a -> centre(user) || user.departmentId().map(d -> String.valueOf(d).equals(a.objectKey)).orElse(false))
                .orElseThrow(() -> Problem.notFound("appeal " + id));
    }

    /** The decision on an entry, if any. */
    public static Adjustment decisionOf(long id) {
        return Adjustment.<Adjustment>find("decidesId", id).firstResult();
    }

    private static boolean centre(CurrentUser user) {
        return user.has(Role.LEADER) || user.has(Role.SHIFT_LEAD) || user.has(Role.ADMIN);
    }

    /** 首接负责制: a case is a department's once it was dispatched to it, even if it went elsewhere after a 回退. */
    static boolean handledBy(CaseFile c, long department) {
        return Long.valueOf(department).equals(c.departmentId) || Long.valueOf(department).equals(c.firstDepartmentId)
                || CaseTransition.count("caseId = ?1 and action = 'dispatch' and departmentId = ?2", c.id, department) > 0;
    }

    private Adjustment entry(Adjustment.Kind kind, EvaluationObject object, String key, String period, double points, String reason, Long caseId,
            CurrentUser user) {
        Adjustment a = new Adjustment();
        a.kind = kind;
        a.objectType = object.apiName();
        a.objectKey = key;
        a.period = period;
        a.points = points;
        a.reason = reason.trim().length() > 2000 ? reason.trim().substring(0, 2000) : reason.trim();
        a.caseId = caseId;
        a.enteredBy = user.displayName();
        a.enteredRole = user.roles().stream().map(Role::name).sorted().findFirst().orElse(null);
        a.enteredAt = clock.instant();
        return a;
    }

    private static void require(EntryInput in) {
        if (in == null) {
            throw Problem.badRequest(null, "send {object, key, period, points, reason, caseId?}");
        }
        if (in.reason() == null || in.reason().isBlank()) {
            throw Problem.badRequest("reason", "give the reason");
        }
    }

    private String period(String period) {
        if (period == null || period.isBlank()) {
            throw Problem.badRequest("period", "name the month (2026-11) or week (2026-W48)");
        }
        return EvaluationPeriod.parse(period, null, null, clock, evaluation.zone()).label();
    }

    private static String key(String key) {
        if (key == null || key.isBlank()) {
            throw Problem.badRequest("key", "name the object (department id, street code …)");
        }
        return key.trim();
    }

    private static double points(Double points) {
        if (points == null || points.isNaN() || points == 0 || Math.abs(points) > MAX_POINTS) {
            throw Problem.badRequest("points", "a signed number of points, not 0, at most " + (int) MAX_POINTS + " either way");
        }
        return Math.round(points * 10) / 10.0;
    }
}
