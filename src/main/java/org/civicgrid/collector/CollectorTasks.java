package org.civicgrid.collector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 核实/核查任务 — the cases waiting for this inspector on site: 核实 (CONFIRMING) and 核查 (CHECKING) tasks given to
 * them or lying in their work grids, and their answers with photos through the workflow's actions.
 */
@ApplicationScoped
class CollectorTasks {

    /**
     * The answers an inspector gives on site, per task stage, in the order the phone shows them: the positive answer
     * first, the one that needs a reason (shown apart, in the warning colour) second — the same for 核实 and 核查.
     */
    static final Map<CaseStage, List<CaseAction>> ANSWERS = Map.of(
            CaseStage.CONFIRMING, List.of(CaseAction.CONFIRM, CaseAction.CONFIRM_NOT_FOUND),
            CaseStage.CHECKING, List.of(CaseAction.VERIFY, CaseAction.REWORK));

    /** One task as the phone shows it. */
    record Task(long id, String number, String stage, String classCode, String className, String description, String address,
            Double lat, Double lon, String gridCode, Instant deadline, boolean mine, List<Photo> photos, List<String> answers,
            List<String> noteRequired, String handledNote, String handledBy) {
    }

    /** A photo of the case; {@code phase} BEFORE (上报), AFTER (处置后, the department's) or CHECK (核实/核查). */
    record Photo(long id, String kind, String url, String phase) {
    }

    private final WorkGrids workGrids;
    private final CaseActions actions;
    private final CollectorReports reports;

    CollectorTasks(WorkGrids workGrids, CaseActions actions, CollectorReports reports) {
        this.workGrids = workGrids;
        this.actions = actions;
        this.reports = reports;
    }

    @Transactional
    List<Task> of(long staffId) {
        return CaseFile.<CaseFile>list("stage in ?1 order by stageDeadlineAt, id", List.copyOf(ANSWERS.keySet())).stream()
                .filter(c -> isTaskOf(c, staffId)).map(c -> task(c, staffId)).toList();
    }

    @Transactional
    Task one(long caseId, long staffId) {
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(caseId).orElseThrow(() -> Problem.notFound("case " + caseId));
        if (!ANSWERS.containsKey(c.stage) || !isTaskOf(c, staffId)) {
            throw new Problem(403, "forbidden", null, "case " + c.number + " is not a task of yours now");
        }
        return task(c, staffId);
    }

    /** Takes the answer's action and stores its photos; a retried answer (same clientRef) changes nothing. */
    @Transactional
    @SingleWriter
    CollectorReports.Filed answer(long caseId, FieldUpload u, Actor actor, String username) {
        String ref = CollectorReports.clientRef(u.clientRef);
        Optional<CollectorReports.Filed> seen = CollectorReports.seen(ref, actor);
        if (seen.isPresent()) {
            return seen.get();
        }
        CaseAction action = CaseAction.ofApiName(u.action == null ? "" : u.action)
                .filter(a -> ANSWERS.values().stream().anyMatch(s -> s.contains(a)))
                .orElseThrow(() -> Problem.badRequest("action", "answer with confirm, confirmNotFound, verify or rework"));
        List<FileUpload> photos = u.photos();
        photos.forEach(p -> reports.requireKind(p, "PHOTO", "photo"));
        if (photos.isEmpty() && (action == CaseAction.CONFIRM || action == CaseAction.VERIFY)) {
            throw Problem.badRequest("photo", "take a photo of what you found on site");
        }
        CaseFile c = actions.apply(caseId, action, actor, new ActionInput(u.note, null, null, null, null, null, null, null, null,
                null, null, null, null));
        reports.store(c, photos, username);
        reports.remember(ref, IntakeRef.Kind.ANSWER, c.id, actor.staffId(), null);
        return new CollectorReports.Filed(c, true, null);
    }

    /** BEFORE for the report's photos, AFTER for the department's (named, or sent with 处置反馈/自处理), CHECK for on-site answers. */
    static String phase(CaseAttachment a, Map<Integer, String> actionAt) {
        if (CaseAttachment.AFTER.equals(a.phase)) {
            return "AFTER";
        }
        String action = a.transitionSeq == null ? null : actionAt.get(a.transitionSeq);
        if (action == null || "report".equals(action)) {
            return "BEFORE";
        }
        return switch (action) {
            case "reportHandled", "selfHandle" -> "AFTER";
            case "confirm", "confirmNotFound", "verify", "rework" -> "CHECK";
            default -> "BEFORE";
        };
    }

    private boolean isTaskOf(CaseFile c, long staffId) {
        return Long.valueOf(staffId).equals(c.assigneeId) || (c.assigneeId == null && workGrids.covers(staffId, c.gridCode));
    }

    private static Task task(CaseFile c, long staffId) {
        List<CaseTransition> history = CaseTransition.of(c.id);
        Map<Integer, String> actionAt = new java.util.HashMap<>();
        history.forEach(t -> actionAt.put(t.seq, t.action));
        List<Photo> photos = CaseAttachment.of(c.id).stream()
                .map(a -> new Photo(a.id, a.kind, "/api/cases/" + c.id + "/attachments/" + a.id, phase(a, actionAt))).toList();
        String className = c.classCode == null ? null : CaseClasses.find(c.classCode).map(x -> x.name).orElse(c.classCode);
        List<String> answers = ANSWERS.get(c.stage).stream().map(CaseAction::apiName).toList();
        List<String> noteRequired = ANSWERS.get(c.stage).stream().filter(a -> a.needs() != CaseAction.Needs.NOTHING)
                .map(CaseAction::apiName).toList();
        CaseTransition handled = history.stream().filter(t -> CaseAction.REPORT_HANDLED.apiName().equals(t.action)
                || CaseAction.SELF_HANDLE.apiName().equals(t.action)).reduce((a, b) -> b).orElse(null);
        return new Task(c.id, c.number, c.stage.name(), c.classCode, className, c.description, c.address, c.lat, c.lon, c.gridCode,
                c.stageDeadlineAt, Long.valueOf(staffId).equals(c.assigneeId), photos, answers, noteRequired,
                handled == null ? null : handled.note, handled == null ? null : handled.actorName);
    }
}
