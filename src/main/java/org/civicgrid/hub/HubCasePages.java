package org.civicgrid.hub;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;

/**
 * 汇聚案卷详情 — {@code /hub/cases/{site}/{caseId}}: the hub's copy of a town's case (the same detail as
 * {@code GET /api/hub/cases/{site}/{caseId}}): facts, deadlines, the full history and the photos, whose bytes (hub blobs,
 * by SHA-256) are served under the case with the same role check. For the hub's leaders and admins.
 */
@Path("/hub/cases/{site}/{caseId}")
@Blocking
@RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
public class HubCasePages {

    /** One history row as the page shows it; a stage or role this build does not know keeps its code ({@code *Code}). */
    public record Step(Instant at, String action, CaseStage from, String fromCode, CaseStage to, String toCode, String actorName, Role role,
            String roleCode, String note, Instant dueAt) {
    }

    /** One attachment: {@code received} false while the town has not uploaded its bytes yet. */
    public record Photo(long id, String kind, String phase, String action, boolean received, String url) {
    }

    public record Page(HubApi.CaseView c, String siteName, String gridCode, Instant stageDeadlineAt, Instant evaluationDueAt,
            HubAssignment assignment, List<Step> history, List<Photo> photos) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(Page page);
    }

    private final HubApi api;
    private final HubBlobs blobs;

    HubCasePages(HubApi api, HubBlobs blobs) {
        this.api = api;
        this.blobs = blobs;
    }

    /** Unknown site or case: 404 (an error page in the user's language). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("site") String site, @PathParam("caseId") long caseId) {
        HubApi.CaseDetail detail = api.detail(site, caseId);
        HubCase c = HubCase.<HubCase>find("siteId = ?1 and edgeCaseId = ?2", site, caseId).firstResult();
        List<Step> history = detail.history().stream().map(HubCasePages::step).toList();
        Instant evaluationDue = detail.history().stream().map(h -> h.dueAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        String base = "/hub/cases/" + site + "/" + caseId + "/attachments/";
        java.util.Map<Integer, String> actions = new java.util.HashMap<>();
        detail.history().forEach(h -> actions.put(h.seq, h.action));
        List<Photo> photos = detail.attachments().stream().map(a -> new Photo(a.id, a.kind, a.phase, a.transitionSeq == null ? null
                : actions.get(a.transitionSeq), HubBlob.findById(a.sha256) != null, base + a.id)).toList();
        String siteName = HubSite.<HubSite>findByIdOptional(site).map(s -> s.name).orElse(site);
        HubAssignment assignment = c.assignmentId == null ? null : HubAssignment.findById(c.assignmentId);
        return Templates.detail(new Page(detail.state(), siteName, c.gridCode, c.stageDeadlineAt, evaluationDue, assignment, history, photos));
    }

    /** The bytes of one of the case's attachments: a photo or video inline, anything else as a download, never run as a page. */
    @GET
    @Path("attachments/{attachmentId}")
    public Response attachment(@PathParam("site") String site, @PathParam("caseId") long caseId, @PathParam("attachmentId") long attachmentId) {
        HubAttachment a = HubAttachment.<HubAttachment>find("id = ?1 and siteId = ?2 and edgeCaseId = ?3", attachmentId, site, caseId)
                .firstResultOptional().orElseThrow(() -> Problem.notFound("attachment " + attachmentId + " of case " + caseId + " of site " + site));
        HubBlob blob = HubBlob.<HubBlob>findByIdOptional(a.sha256)
                .orElseThrow(() -> Problem.notFound("the bytes of attachment " + attachmentId + " (not uploaded by the site yet)"));
        File file = blobs.file(blob).toFile();
        boolean media = a.contentType != null && a.contentType.matches("(image|video|audio)/[a-z0-9.+-]{1,60}");
        boolean inline = media && ("PHOTO".equals(a.kind) || "VIDEO".equals(a.kind));
        return Response.ok(file, media ? a.contentType : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + a.sha256.substring(0, 16) + "\"")
                .header("Cache-Control", "private, max-age=86400").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    private static Step step(HubCaseHistory h) {
        return new Step(h.at, h.action, stage(h.fromStage), h.fromStage, stage(h.toStage), h.toStage, h.actorName, role(h.actorRole), h.actorRole,
                h.note, h.dueAt);
    }

    private static CaseStage stage(String code) {
        try {
            return code == null ? null : CaseStage.valueOf(code);
        } catch (IllegalArgumentException newerEdge) {
            return null;
        }
    }

    private static Role role(String code) {
        try {
            return code == null ? null : Role.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
