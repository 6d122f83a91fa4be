package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicgrid.cases.CaseViews.AttachmentView;
import org.civicgrid.cases.CaseViews.CaseDetail;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.cases.CaseViews.HistoryRow;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/** 案卷详情 — a case with history, attachments, merged duplicates and the actions the caller may take now. */
@ApplicationScoped
public class CaseDetails {

    private final Deadlines deadlines;
    private final DuplicateFinder duplicates;
    private final Clock clock;

    CaseDetails(Deadlines deadlines, DuplicateFinder duplicates, Clock clock) {
        this.deadlines = deadlines;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    public CaseDetail of(long id, CurrentUser user) {
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(id).orElseThrow(() -> Problem.notFound("case " + id));
        List<HistoryRow> history = CaseTransition.of(id).stream().map(HistoryRow::of).toList();
        List<AttachmentView> files = CaseAttachment.of(id).stream().map(CaseDetails::view).toList();
        List<CaseSummary> merged = CaseFile.<CaseFile>list("duplicateOfId = ?1 order by id", id).stream()
                .map(d -> CaseSummary.of(d, Light.NONE)).toList();
        return detail(c, user, history, files, merged);
    }

    /**
     * The case as an action left it, from the entity the action returned: no second read; history, attachments
     * and merged duplicates are left out (null) — {@code GET /api/cases/{id}} has them.
     */
    public CaseDetail afterAction(CaseFile c, CurrentUser user) {
        return detail(c, user, null, null, null);
    }

    private CaseDetail detail(CaseFile c, CurrentUser user, List<HistoryRow> history, List<AttachmentView> files,
            List<CaseSummary> merged) {
        Instant now = clock.instant();
        List<String> possible = CaseWorkflow.available(c.stage, user.roles()).stream().map(t -> t.action().apiName()).toList();
        return new CaseDetail(c.id, c.number, c.stage, c.source, c.classCode, c.filingStandardId, c.filingCondition, c.description,
                c.address, c.lat, c.lon, c.gridCode, c.communityCode, c.streetCode, c.componentId, c.reporterName, c.reporterPhone, c.reportedById, c.departmentId, c.assigneeId,
                c.stageDeadlineAt, c.stageLimit, deadlines.light(c, now), c.handlingLimit, c.handlingDeadlineAt, c.pendingExtension,
                c.urged, c.selfHandled, c.duplicateOfId, c.reworkCount, c.createdAt, c.closedAt, c.version, history, files, merged,
                possible);
    }

    /** Possible 重复上报 of a case, only those the user may see themselves (CaseVisibility). */
    public List<CaseSummary> duplicateCandidates(long id, CurrentUser user) {
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(id).orElseThrow(() -> Problem.notFound("case " + id));
        Instant now = clock.instant();
        return duplicates.candidates(c).stream().filter(d -> CaseVisibility.mayView(d, user))
                .map(d -> CaseSummary.of(d, deadlines.light(d, now))).toList();
    }

    static AttachmentView view(CaseAttachment a) {
        return new AttachmentView(a.id, a.kind, a.contentType, a.sizeBytes, a.fileName, a.transitionSeq, a.uploadedBy, a.uploadedAt,
                "/api/cases/" + a.caseId + "/attachments/" + a.id);
    }
}
