package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationTable;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.sync.Outbox;
import org.civicgrid.sync.SyncProtocol;
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

    /**
     * 部门处置结果 — one department's public figures, from the evaluation ({@code org.civicgrid.evaluation.Indicator}):
     * dispatches to it, cases due (应结案), closed, closed on time, 按期结案率 and 结案率.
     */
    record DepartmentResult(String department, long dispatched, long due, long closed, long closedOnTime, Double onTimeRate, Double closeRate) {
    }

    record Results(Instant from, Instant to, List<DepartmentResult> departments, long reports, long closed, Double averageScore) {
    }

    private final PublicView publicView;
    private final PortalConfig config;
    private final Clock clock;

    private final Evaluation evaluation;
    private final Outbox outbox;

    PortalQueries(PublicView publicView, PortalConfig config, Clock clock, Evaluation evaluation, Outbox outbox) {
        this.evaluation = evaluation;
        this.outbox = outbox;
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
        outbox.rating(c.id, SyncProtocol.Rating.portal(rating.id, rating.score), rating.ratedAt); // up to the hub (公众满意度)
        return progress(c, r, english);
    }

    @Transactional
    List<Progress> recent(boolean english) {
        Instant from = clock.instant().minus(config.recentDays(), ChronoUnit.DAYS);
        return PublicReport.<PublicReport>list("moderation = ?1 and receivedAt >= ?2 order by receivedAt desc",
                PublicReport.Moderation.PUBLISHED, from).stream().limit(100)
                .map(r -> progress(CaseFile.findById(r.caseId), r, english)).toList();
    }

    /**
     * The department results of the last {@code resultDays} days from the one evaluation table: 派遣, 应结案, 结案, 按期结案
     * and 按期结案率 (every due case counts, closed or not; "–" only when nothing fell due).
     */
    @Transactional
    Results results() {
        LocalDate today = LocalDate.now(clock.withZone(evaluation.zone()));
        EvaluationPeriod period = EvaluationPeriod.of(today.minusDays(config.resultDays() - 1L), today, "public", evaluation.zone());
        EvaluationTable table = evaluation.table(EvaluationObject.DEPARTMENT, period, false);
        List<DepartmentResult> departments = new ArrayList<>();
        for (EvaluationTable.Row row : table.rows()) {
            departments.add(new DepartmentResult(row.name(), row.counts().get(Indicator.DISPATCHED.code()), row.counts().get(Indicator.DUE.code()),
                    row.counts().get(Indicator.CLOSED.code()), row.counts().get(Indicator.CLOSED_ON_TIME.code()),
                    row.rates().get(Indicator.ON_TIME_CLOSE_RATE.code()), row.rates().get(Indicator.CLOSE_RATE.code())));
        }
        departments.sort(Comparator.comparing(DepartmentResult::due).reversed().thenComparing(DepartmentResult::dispatched, Comparator.reverseOrder()));
        Instant from = period.from();
        long reports = CaseFile.count("createdAt >= ?1", from);
        long closedAll = CaseFile.count("createdAt >= ?1 and stage = ?2", from, CaseStage.CLOSED);
        Double average = CaseFile.getEntityManager().createQuery("select avg(r.score) from PublicRating r where r.ratedAt >= :from", Double.class)
                .setParameter("from", from).getSingleResult();
        return new Results(from, clock.instant(), departments, reports, closedAll, average == null ? null : Math.round(average * 10) / 10.0);
    }
}
