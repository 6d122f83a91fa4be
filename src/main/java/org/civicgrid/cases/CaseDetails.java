package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseViews.AttachmentView;
import org.civicgrid.cases.CaseViews.CaseDetail;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.cases.CaseViews.HistoryRow;
import org.civicgrid.cases.CaseViews.PathStep;
import org.civicgrid.cases.CaseViews.UrgeView;
import org.civicgrid.org.Department;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/**
 * 案卷详情 — a case with history, attachments, merged duplicates (重复上报), 督办单, its path between departments (首接
 * 负责制) and the actions the caller may take now (those {@link ActionGuards} would refuse are left out).
 */
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
        List<UrgeView> urges = CaseUrge.of(id).stream().map(UrgeView::of).toList();
        return detail(c, user, history, files, merged, urges, path(id));
    }

    /**
     * The case as an action left it, from the entity the action returned: no second read; history, attachments
     * and merged duplicates are left out (null) — {@code GET /api/cases/{id}} has them.
     */
    public CaseDetail afterAction(CaseFile c, CurrentUser user) {
        return detail(c, user, null, null, null, null, null);
    }

    /** 处置路径: the department steps of the history (received, returned, reopened), oldest first. */
    static List<PathStep> path(long caseId) {
        List<CaseTransition> rows = CaseTransition.list("caseId = ?1 and action in ?2 and departmentId is not null order by seq", caseId,
                PATH_ACTIONS);
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(t -> new PathStep(t.seq, t.action, t.departmentId, names.computeIfAbsent(t.departmentId,
                d -> Department.<Department>findByIdOptional(d).map(x -> x.name).orElse(null)), t.at)).toList();
    }

    private static final List<String> PATH_ACTIONS = List.of(CaseAction.DISPATCH.apiName(), CaseAction.APPROVE_RETURN.apiName(),
            CaseAction.REOPEN.apiName());

    private CaseDetail detail(CaseFile c, CurrentUser user, List<HistoryRow> history, List<AttachmentView> files,
            List<CaseSummary> merged, List<UrgeView> urges, List<PathStep> path) {
        Instant now = clock.instant();
        List<String> possible = CaseWorkflow.available(c.stage, user.roles()).stream().map(Transition::action)
                .filter(a -> !ActionGuards.hidesForm(ActionGuards.refusal(c, a, user.roles()))).map(CaseAction::apiName).toList();
        return new CaseDetail(c.id, c.number, c.stage, c.source, c.classCode, c.filingStandardId, c.filingCondition, c.description,
                c.address, c.lat, c.lon, c.gridCode, c.communityCode, c.streetCode, c.componentId, c.reporterName, c.reporterPhone, c.reportedById, c.departmentId, c.assigneeId,
                c.stageDeadlineAt, c.stageLimit, deadlines.light(c, now), c.handlingLimit, c.handlingDeadlineAt, c.pendingExtension,
                c.extensionCount, c.extensionNeedsLeader, c.urged, c.urgeCount, c.urgeEscalated, c.selfHandled, c.duplicateOfId,
                c.repeatCount, c.reworkCount, c.firstDepartmentId, c.createdAt, c.closedAt, c.version, history, files, merged, urges,
                path, possible);
    }

    /** Possible 重复上报 of a case, only those the user may see themselves (CaseVisibility). */
    public List<CaseSummary> duplicateCandidates(long id, CurrentUser user) {
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(id).orElseThrow(() -> Problem.notFound("case " + id));
        Instant now = clock.instant();
        return duplicates.candidates(c).stream().filter(d -> CaseVisibility.mayView(d, user))
                .map(d -> CaseSummary.of(d, deadlines.light(d, now))).toList();
    }

    static AttachmentView view(CaseAttachment a) {
        return new AttachmentView(a.id, a.kind, a.contentType, a.sizeBytes, a.fileName, a.transitionSeq, a.phase, a.uploadedBy, a.uploadedAt,
                "/api/cases/" + a.caseId + "/attachments/" + a.id);
    }
}
