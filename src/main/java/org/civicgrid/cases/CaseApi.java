package org.civicgrid.cases;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicgrid.cases.CaseViews.AttachmentView;
import org.civicgrid.cases.CaseViews.CaseDetail;
import org.civicgrid.cases.CaseViews.CasePage;
import org.civicgrid.cases.CaseViews.CasePoint;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.cases.CaseViews.TableRow;
import org.civicgrid.cases.list.CaseCursor;
import org.civicgrid.cases.list.CaseMapQueries;
import org.civicgrid.cases.list.CaseQueries;
import org.civicgrid.org.Role;
import org.civicgrid.org.routing.Suggestion;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** 案卷接口 — {@code /api/cases} and {@code /api/workflow} (API.md "Cases"). */
@Path("/api")
@Authenticated
public class CaseApi {

    private final CaseIntake intake;
    private final CaseActions actions;
    private final CaseQueries queries;
    private final CaseMapQueries mapQueries;
    private final CaseDetails details;
    private final CaseAttachments attachments;
    private final CaseRouting routing;
    private final CurrentUser user;

    CaseApi(CaseIntake intake, CaseActions actions, CaseQueries queries, CaseMapQueries mapQueries, CaseDetails details,
            CaseAttachments attachments, CaseRouting routing, CurrentUser user) {
        this.mapQueries = mapQueries;
        this.routing = routing;
        this.intake = intake;
        this.actions = actions;
        this.queries = queries;
        this.details = details;
        this.attachments = attachments;
        this.user = user;
    }

    @POST
    @Path("cases")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.LEADER})
    public Response report(NewReport report) {
        CaseFile c = intake.report(report, Actor.of(user));
        return Response.created(URI.create("/api/cases/" + c.id)).entity(details.of(c.id, user)).build();
    }

    @GET
    @Path("cases")
    public CasePage list(@RestQuery CaseStage stage, @RestQuery CaseSource source, @RestQuery String classCode,
            @RestQuery String gridCode, @RestQuery String streetCode, @RestQuery Long departmentId, @RestQuery Light light,
            @RestQuery String q, @RestQuery Instant from, @RestQuery Instant to, @RestQuery Integer page, @RestQuery Integer size,
            @RestQuery String after, @RestQuery String before) {
        Long department = onlyOwnDepartment() ? user.departmentId().orElse(-1L) : departmentId;
        int pageSize = size == null ? 20 : Math.max(1, Math.min(size, 200));
        return queries.list(new CaseQueries.Filter(stage, source, classCode, gridCode, streetCode, department, light, q, from, to),
                page == null ? 0 : Math.max(0, page), CaseCursor.parse(after, "after"), CaseCursor.parse(before, "before"), pageSize);
    }

    /** 案卷分布 — open cases per unit grid, {@code {gridCode: count}}. */
    @GET
    @Path("cases/open-by-grid")
    public Map<String, Long> openByGrid() {
        return mapQueries.openByGrid(ownDepartmentOrNull());
    }

    /** Open cases with a position for the map (newest first, at most {@value CaseMapQueries#MAX_POINTS}). */
    @GET
    @Path("cases/open-points")
    public List<CasePoint> openPoints(@RestQuery String gridCode) {
        return mapQueries.openPoints(gridCode, ownDepartmentOrNull());
    }

    @GET
    @Path("cases/{id}")
    public CaseDetail get(@PathParam("id") long id) {
        checkVisible(find(id));
        return details.of(id, user);
    }

    @POST
    @Path("cases/{id}/actions/{action}")
    public CaseDetail act(@PathParam("id") long id, @PathParam("action") String actionName, ActionInput input) {
        checkVisible(find(id));
        CaseAction action = CaseAction.ofApiName(actionName)
                .orElseThrow(() -> new Problem(404, "unknown_action", "action", "no action '" + actionName + "'; see GET /api/workflow"));
        return details.afterAction(actions.apply(id, action, Actor.of(user), input), user);
    }

    @GET
    @Path("cases/{id}/duplicates")
    public List<CaseSummary> duplicates(@PathParam("id") long id) {
        checkVisible(find(id));
        return details.duplicateCandidates(id, user);
    }

    /** 派遣建议 — departments for this case, best first, each with its score and reasons. */
    @GET
    @Path("cases/{id}/suggested-departments")
    @RolesAllowed({Role.Names.DISPATCHER, Role.Names.SHIFT_LEAD, Role.Names.ACCEPTOR, Role.Names.LEADER, Role.Names.ADMIN})
    public List<Suggestion> suggestedDepartments(@PathParam("id") long id) {
        return routing.suggest(find(id));
    }

    @POST
    @Path("cases/{id}/attachments")
    @Consumes("multipart/form-data")
    public Response attach(@PathParam("id") long id, @RestForm("file") List<FileUpload> files, @RestForm("phase") String phase) {
        CaseFile c = find(id);
        checkVisible(c);
        if (files == null || files.isEmpty()) {
            throw Problem.badRequest("file", "send one or more files in the multipart field 'file'");
        }
        String named = phase == null || phase.isBlank() ? null : phase.trim().toUpperCase(Locale.ROOT);
        if (named != null && !CaseAttachment.AFTER.equals(named)) {
            throw Problem.badRequest("phase", "leave phase out, or send AFTER for a photo after the fix");
        }
        List<AttachmentView> stored = files.stream()
                .map(f -> CaseDetails.view(attachments.storeUpload(c, f.uploadedFile(), f.fileName(), user.username(), named))).toList();
        return Response.status(201).entity(stored).build();
    }

    @GET
    @Path("cases/{id}/attachments/{attachmentId}")
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId, @HeaderParam("Range") String range) {
        checkVisible(find(id));
        CaseAttachment a = CaseAttachment.<CaseAttachment>findByIdOptional(attachmentId).filter(x -> x.caseId == id)
                .orElseThrow(() -> Problem.notFound("attachment " + attachmentId));
        return AttachmentDownload.of(a, attachments.file(a).toFile(), range);
    }

    @GET
    @Path("workflow")
    public List<TableRow> workflow() {
        return CaseWorkflow.TABLE.stream()
                .map(t -> new TableRow(t.from(), t.action().apiName(), t.to(), t.actors().stream().map(Role::name).sorted().toList()))
                .toList();
    }

    private Long ownDepartmentOrNull() {
        return CaseVisibility.ownDepartmentOrNull(user);
    }

    private boolean onlyOwnDepartment() {
        return CaseVisibility.onlyOwnDepartment(user);
    }

    private void checkVisible(CaseFile c) {
        CaseVisibility.check(c, user);
    }

    private static CaseFile find(long id) {
        return CaseVisibility.find(id);
    }
}
