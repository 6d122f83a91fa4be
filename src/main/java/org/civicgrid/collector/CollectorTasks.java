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

    /** The answers an inspector gives on site, per task stage. */
    static final Map<CaseStage, Set<CaseAction>> ANSWERS = Map.of(
            CaseStage.CONFIRMING, Set.of(CaseAction.CONFIRM, CaseAction.CONFIRM_NOT_FOUND),
            CaseStage.CHECKING, Set.of(CaseAction.VERIFY, CaseAction.REWORK));

    /** One task as the phone shows it. */
    record Task(long id, String number, String stage, String classCode, String className, String description, String address,
            Double lat, Double lon, String gridCode, Instant deadline, boolean mine, List<Photo> photos, List<String> answers) {
    }

    record Photo(long id, String kind, String url) {
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

    private boolean isTaskOf(CaseFile c, long staffId) {
        return Long.valueOf(staffId).equals(c.assigneeId) || (c.assigneeId == null && workGrids.covers(staffId, c.gridCode));
    }

    private static Task task(CaseFile c, long staffId) {
        List<Photo> photos = CaseAttachment.of(c.id).stream()
                .map(a -> new Photo(a.id, a.kind, "/api/cases/" + c.id + "/attachments/" + a.id)).toList();
        String className = c.classCode == null ? null : CaseClasses.find(c.classCode).map(x -> x.name).orElse(c.classCode);
        List<String> answers = ANSWERS.get(c.stage).stream().map(CaseAction::apiName).sorted().toList();
        return new Task(c.id, c.number, c.stage.name(), c.classCode, className, c.description, c.address, c.lat, c.lon, c.gridCode,
                c.stageDeadlineAt, Long.valueOf(staffId).equals(c.assigneeId), photos, answers);
    }
}
