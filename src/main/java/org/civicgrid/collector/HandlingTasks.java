package org.civicgrid.collector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseDetails;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.cases.HandlingPhotos;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/**
 * 处置通任务 — the department's cases on the phone (the /m/ app in department mode): what is dispatched to it or
 * in hand, with the 上报 photos and the 派遣意见, and its steps (签收, 处置中 photos, 处置反馈 with 处置后 photos,
 * 申请回退/延期/挂账) sent through the same offline queue as the inspector's, idempotent by {@code clientRef}.
 */
@ApplicationScoped
class HandlingTasks {

    /** The steps the phone offers, in this order; the workflow decides which of them the case allows now. */
    static final List<CaseAction> STEPS = List.of(CaseAction.SIGN_FOR, CaseAction.REPORT_HANDLED, CaseAction.REQUEST_RETURN,
            CaseAction.REQUEST_EXTENSION, CaseAction.REQUEST_SUSPEND, CaseAction.REPLY_URGE);

    /** The pseudo-step that only adds 处置中 photos. */
    static final String PHOTOS = "photos";

    /** One case as the department's phone shows it. */
    record Task(long id, String number, String stage, String classCode, String className, String description, String address,
            Double lat, Double lon, Instant handlingDeadline, String dispatchNote, List<CollectorTasks.Photo> photos,
            List<String> steps, List<String> noteRequired) {
    }

    private final CaseDetails details;
    private final HandlingPhotos handlingPhotos;
    private final CollectorReports reports;
    private final CurrentUser user;

    HandlingTasks(CaseDetails details, HandlingPhotos handlingPhotos, CollectorReports reports, CurrentUser user) {
        this.details = details;
        this.handlingPhotos = handlingPhotos;
        this.reports = reports;
        this.user = user;
    }

    @Transactional
    List<Task> mine() {
        Long department = user.departmentId().orElse(-1L);
        return CaseFile.<CaseFile>list("departmentId = ?1 and stage in ?2 order by handlingDeadlineAt, id", department,
                List.of(CaseStage.DISPATCHED, CaseStage.HANDLING, CaseStage.RETURN_REQUESTED, CaseStage.EXTENSION_REQUESTED,
                        CaseStage.SUSPEND_REQUESTED, CaseStage.SUSPENDED)).stream().map(this::task).toList();
    }

    /** Takes one step (or adds photos); a retried upload (same clientRef) changes nothing. */
    @Transactional
    @SingleWriter
    CollectorReports.Filed step(long caseId, FieldUpload u, String extension, Actor actor) {
        String ref = CollectorReports.clientRef(u.clientRef);
        Optional<CollectorReports.Filed> seen = CollectorReports.seen(ref, actor);
        if (seen.isPresent()) {
            return seen.get();
        }
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(caseId).orElseThrow(() -> Problem.notFound("case " + caseId));
        Long department = user.departmentId().orElse(null);
        if (department == null || !department.equals(c.departmentId)) {
            throw new Problem(403, "forbidden", null, "case " + c.number + " is not with your department");
        }
        u.photos().forEach(p -> reports.requireKind(p, "PHOTO", "photo"));
        if (PHOTOS.equals(u.action)) {
            handlingPhotos.add(c, u.photos(), user.username());
        } else {
            CaseAction action = CaseAction.ofApiName(u.action == null ? "" : u.action).filter(STEPS::contains)
                    .orElseThrow(() -> Problem.badRequest("action", "send one of signFor, reportHandled, requestReturn, requestExtension,"
                            + " requestSuspend, replyUrge or photos"));
            c = handlingPhotos.act(caseId, action, actor, new ActionInput(u.note, null, null, null, null, extension, null, null, null,
                    null, null, null, null), u.photos(), user.username());
        }
        reports.remember(ref, IntakeRef.Kind.ANSWER, c.id, actor.staffId(), null);
        return new CollectorReports.Filed(c, true, null);
    }

    private Task task(CaseFile c) {
        List<CaseTransition> history = CaseTransition.of(c.id);
        Map<Integer, String> actionAt = new java.util.HashMap<>();
        history.forEach(t -> actionAt.put(t.seq, t.action));
        List<CollectorTasks.Photo> photos = CaseAttachment.of(c.id).stream().map(a -> new CollectorTasks.Photo(a.id, a.kind,
                "/api/cases/" + c.id + "/attachments/" + a.id, CollectorTasks.phase(a, actionAt))).toList();
        String dispatchNote = history.stream().filter(t -> CaseAction.DISPATCH.apiName().equals(t.action)).reduce((a, b) -> b)
                .map(t -> t.note).orElse(null);
        List<String> allowed = details.of(c.id, user).actions();
        List<String> steps = new java.util.ArrayList<>(STEPS.stream().map(CaseAction::apiName).filter(allowed::contains).toList());
        if (allowed.contains(CaseAction.REPORT_HANDLED.apiName())) {
            steps.add(1, PHOTOS);
        }
        List<String> noteRequired = STEPS.stream().filter(a -> a.needs() != CaseAction.Needs.NOTHING && a.needs() != CaseAction.Needs.EXTENSION)
                .map(CaseAction::apiName).toList();
        String className = c.classCode == null ? null : CaseClasses.find(c.classCode).map(x -> x.name).orElse(c.classCode);
        return new Task(c.id, c.number, c.stage.name(), c.classCode, className, c.description, c.address, c.lat, c.lon,
                c.handlingDeadlineAt, dispatchNote, photos, steps, noteRequired);
    }
}
