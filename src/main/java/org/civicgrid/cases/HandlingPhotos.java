package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 处置照片 — the department's photos of its work (处置后, phase {@link CaseAttachment#AFTER}): sent with 处置反馈 (or
 * 自处理) in one step, where a photo that does not decode refuses the whole step (nothing half-written), or added
 * while handling. Every photo goes through the upload image check ({@link CaseAttachments#storeUpload}).
 */
@ApplicationScoped
public class HandlingPhotos {

    /** The actions whose form takes 处置后 photos. */
    public static final Set<CaseAction> WITH_PHOTOS = Set.of(CaseAction.REPORT_HANDLED, CaseAction.SELF_HANDLE);

    private final CaseActions actions;
    private final CaseAttachments attachments;

    HandlingPhotos(CaseActions actions, CaseAttachments attachments) {
        this.actions = actions;
        this.attachments = attachments;
    }

    /** Takes the action and keeps its photos as 处置后, in one transaction. */
    @Transactional
    @SingleWriter
    public CaseFile act(long caseId, CaseAction action, Actor actor, ActionInput in, List<FileUpload> photos, String username) {
        List<FileUpload> sent = photos == null ? List.of() : photos.stream().filter(p -> p.size() > 0).toList();
        if (!sent.isEmpty() && !WITH_PHOTOS.contains(action)) {
            throw Problem.badRequest("photo", "only 处置反馈 and 自处理 take photos");
        }
        CaseFile c = actions.apply(caseId, action, actor, in);
        sent.forEach(p -> attachments.storeUpload(c, p.uploadedFile(), p.fileName(), username, CaseAttachment.AFTER));
        return c;
    }

    /** Photos taken while handling (处置中): kept as 处置后 on a case the department is handling. */
    @Transactional
    @SingleWriter
    public void add(CaseFile c, List<FileUpload> photos, String username) {
        List<FileUpload> sent = photos == null ? List.of() : photos.stream().filter(p -> p.size() > 0).toList();
        if (sent.isEmpty()) {
            throw Problem.badRequest("photo", "choose one or more photos");
        }
        if (!CaseWorkflow.DEPARTMENT_STAGES.contains(c.stage)) {
            throw Problem.conflict("not_handling", "case " + c.number + " is not with a department now");
        }
        sent.forEach(p -> attachments.storeUpload(c, p.uploadedFile(), p.fileName(), username, CaseAttachment.AFTER));
    }
}
