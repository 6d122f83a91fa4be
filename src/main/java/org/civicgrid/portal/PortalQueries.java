package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.org.Department;
import org.civicgrid.web.Problem;

/**
 * 公开查询 — what the portal shows without an account: a case's progress by number, the published recent cases and
 * the department results; and the reporter's rating after closure. Never a name, phone, note or staff member.
 */
@ApplicationScoped
class PortalQueries {

    /** One public step: when the case entered a phase. */
    record Step(PublicPhase phase, Instant at) {
    }

    /** A case as the public may see it; {@code text} only once published. */
    record Progress(String number, String problem, PublicPhase phase, Instant reportedAt, Instant closedAt, String area, String text,
            List<Step> steps, boolean rateable, Integer score, String comment) {
    }

    /** 部门处置结果 — one department's public figures: cases given to it, closed, closed on time, and the rate. */
    record DepartmentResult(String department, long dispatched, long closed, long closedOnTime, Double onTimeRate) {
    }

    record Results(Instant from, Instant to, List<DepartmentResult> departments, long reports, long closed, Double averageScore) {
    }

    private final PublicView publicView;
    private final PortalConfig config;
    private final Clock clock;

    PortalQueries(PublicView publicView, PortalConfig config, Clock clock) {
        this.publicView = publicView;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    Progress progress(String number, boolean english) {
        CaseFile c = number == null ? null : CaseFile.<CaseFile>find("number", number.trim()).firstResult();
        PublicReport r = c == null ? null : PublicReport.ofCase(c.id).orElse(null);
        if (r == null) {
            throw Problem.notFound("public report " + (number == null ? "" : number.trim()));
        }
        return progress(c, r, english);
    }

    private Progress progress(CaseFile c, PublicReport r, boolean english) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(PublicPhase.RECEIVED, c.createdAt));
        for (CaseTransition t : CaseTransition.of(c.id)) {
            PublicPhase phase = PublicPhase.of(t.to);
            if (steps.get(steps.size() - 1).phase() != phase) {
                steps.add(new Step(phase, t.at));
            }
        }
        PublicRating rating = PublicRating.ofCase(c.id).orElse(null);
        String problem = PlainProblem.of(r.problemKey).map(p -> p.label(english)).orElse(r.problemKey);
        String text = publicView.text(c.id).orElse(null);
        return new Progress(c.number, problem, PublicPhase.of(c.stage), c.createdAt, c.closedAt, publicView.area(c), text, steps,
                c.stage == CaseStage.CLOSED && rating == null, rating == null ? null : rating.score, rating == null ? null : rating.comment);
    }

    @Transactional
    @SingleWriter
    Progress rate(String number, String key, Integer score, String comment, boolean english) {
        CaseFile c = number == null ? null : CaseFile.<CaseFile>find("number", number.trim()).firstResult();
        PublicReport r = c == null ? null : PublicReport.ofCase(c.id).orElse(null);
        if (r == null) {
            throw Problem.notFound("public report " + number);
        }
        if (key == null || !PortalIntake.sha256(key.trim()).equals(r.keyHash)) {
            throw new Problem(403, "forbidden", "key", "only the reporter can rate: use the link given when reporting");
        }
        if (c.stage != CaseStage.CLOSED) {
            throw Problem.conflict("not_closed", "case " + c.number + " is not closed yet: rate it after it is done");
        }
        if (PublicRating.ofCase(c.id).isPresent()) {
            throw Problem.conflict("already_rated", "case " + c.number + " was already rated");
        }
        if (score == null || score < 1 || score > 5) {
            throw Problem.badRequest("score", "give 1 to 5 stars");
        }
        PublicRating rating = new PublicRating();
        rating.caseId = c.id;
        rating.score = score;
        rating.comment = comment == null || comment.isBlank() ? null : comment.trim().length() > 1000 ? comment.trim().substring(0, 1000) : comment.trim();
        rating.ratedAt = clock.instant();
        rating.persist();
        return progress(c, r, english);
    }

    @Transactional
    List<Progress> recent(boolean english) {
        Instant from = clock.instant().minus(config.recentDays(), ChronoUnit.DAYS);
        return PublicReport.<PublicReport>list("moderation = ?1 and receivedAt >= ?2 order by receivedAt desc",
                PublicReport.Moderation.PUBLISHED, from).stream().limit(100)
                .map(r -> progress(CaseFile.findById(r.caseId), r, english)).toList();
    }

    @Transactional
    Results results() {
        Instant to = clock.instant();
        Instant from = to.minus(config.resultDays(), ChronoUnit.DAYS);
        List<CaseFile> cases = CaseFile.list("departmentId is not null and createdAt >= ?1", from);
        Map<Long, Instant> handled = new HashMap<>();
        if (!cases.isEmpty()) {
            List<Object[]> rows = CaseFile.getEntityManager().createQuery("select t.caseId, max(t.at) from CaseTransition t"
                    + " where t.action = 'reportHandled' and t.at >= :from group by t.caseId", Object[].class).setParameter("from", from).getResultList();
            rows.forEach(row -> handled.put((Long) row[0], (Instant) row[1]));
        }
        Map<Long, List<CaseFile>> byDepartment = new HashMap<>();
        cases.forEach(c -> byDepartment.computeIfAbsent(c.departmentId, k -> new ArrayList<>()).add(c));
        List<DepartmentResult> departments = new ArrayList<>();
        for (Department d : Department.<Department>list("active = true order by code")) {
            List<CaseFile> own = byDepartment.getOrDefault(d.id, List.of());
            long closed = own.stream().filter(c -> c.stage == CaseStage.CLOSED).count();
            long onTime = own.stream().filter(c -> c.stage == CaseStage.CLOSED).filter(c -> onTime(c, handled.get(c.id))).count();
            departments.add(new DepartmentResult(d.name, own.size(), closed, onTime, closed == 0 ? null : Math.round(1000.0 * onTime / closed) / 10.0));
        }
        departments.sort(Comparator.comparing(DepartmentResult::dispatched).reversed());
        long reports = CaseFile.count("createdAt >= ?1", from);
        long closedAll = CaseFile.count("createdAt >= ?1 and stage = ?2", from, CaseStage.CLOSED);
        Double average = CaseFile.getEntityManager().createQuery("select avg(r.score) from PublicRating r where r.ratedAt >= :from", Double.class)
                .setParameter("from", from).getSingleResult();
        return new Results(from, to, departments, reports, closedAll, average == null ? null : Math.round(average * 10) / 10.0);
    }

    /** 按期: the department reported it handled before its handling deadline (no deadline: not counted on time). */
    private static boolean onTime(CaseFile c, Instant handledAt) {
        return c.handlingDeadlineAt != null && Objects.requireNonNullElse(handledAt, c.closedAt) != null
                && !Objects.requireNonNullElse(handledAt, c.closedAt).isAfter(c.handlingDeadlineAt);
    }
}
