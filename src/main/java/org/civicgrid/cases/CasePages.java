package org.civicgrid.cases;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CasePageViews.DetailPage;
import org.civicgrid.cases.CasePageViews.ListPage;
import org.civicgrid.cases.CasePageViews.ListQuery;
import org.civicgrid.cases.CaseViews.CaseDetail;
import org.civicgrid.cases.list.CaseCursor;
import org.civicgrid.cases.list.CaseQueries;
import org.civicgrid.cases.list.CaseQueue;
import org.civicgrid.cases.list.WorkQueues;
import org.civicgrid.org.Department;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 案卷页 — {@code /cases}: the filterable case list (htmx swaps the {@code rows} fragment) and {@code /cases/{id}}:
 * a case with its facts, photos, history and the small forms of exactly the actions the workflow table allows
 * this user now, each posting to {@code /cases/{id}/actions/{action}}: applied through
 * {@link CaseActions}, then 303 back to the case, or the page again with the problem next to the form; and
 * {@code /cases/{id}/print}, the 案卷 sheet for the paper archive.
 */
@Path("/cases")
@Authenticated
@Blocking
public class CasePages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance list$rows(ListPage page);

        static native TemplateInstance detail(DetailPage page);

        static native TemplateInstance print(DetailPage page);
    }

    private final CaseQueries queries;
    private final WorkQueues workQueues;
    private final CaseDetails details;
    private final CaseActionForms forms;
    private final CaseActions actions;
    private final HandlingPhotos handlingPhotos;
    private final CurrentUser user;
    private final ZoneId zone;

    CasePages(CaseQueries queries, WorkQueues workQueues, CaseDetails details, CaseActionForms forms, CaseActions actions, CurrentUser user,
            ApplianceConfig appliance, HandlingPhotos handlingPhotos) {
        this.handlingPhotos = handlingPhotos;
        this.queries = queries;
        this.workQueues = workQueues;
        this.details = details;
        this.forms = forms;
        this.actions = actions;
        this.user = user;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@RestQuery CaseStage stage, @RestQuery CaseSource source, @RestQuery String classCode,
            @RestQuery String gridCode, @RestQuery String streetCode, @RestQuery Long departmentId, @RestQuery LocalDate from,
            @RestQuery LocalDate to, @RestQuery Light light, @RestQuery String q, @RestQuery CaseQueue queue, @RestQuery Integer page,
            @RestQuery String after, @RestQuery String before, @RestCookie(PageContext.LANG_COOKIE) String language,
            @RestHeader("HX-Request") String htmx, @RestHeader("HX-History-Restore-Request") String historyRestore) {
        CaseQueue mine = queue != null && user.has(queue.role()) ? queue : null;
        Long ownDepartment = CaseVisibility.ownDepartmentOrNull(user);
        ListQuery query = new ListQuery(stage, source, blankToNull(classCode), blankToNull(gridCode), blankToNull(streetCode),
                ownDepartment == null ? departmentId : null, from, to, light, blankToNull(q), mine);
        int shown = page == null ? 0 : Math.max(0, page);
        var filter = new CaseQueries.Filter(stage, source, query.classCode(), query.gridCode(), query.streetCode(),
                ownDepartment == null ? departmentId : ownDepartment, light, query.q(),
                from == null ? null : from.atStartOfDay(zone).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        boolean keyset = mine == null && light != Light.GREEN && light != Light.YELLOW;
        var found = mine != null ? workQueues.page(mine, user, shown, PAGE_SIZE)
                : queries.list(filter, shown, CaseCursor.parse(after, "after"), CaseCursor.parse(before, "before"), PAGE_SIZE);
        ListPage view = new ListPage(found, shown, PAGE_SIZE, query, CaseQueue.of(user.roles()),
                ownDepartment == null ? CasePageViews.Choices.load() : CasePageViews.Choices.streetsOnly(), zone, keyset,
                CaseLabels.of(PageContext.locale(language)));
        boolean rowsOnly = "true".equals(htmx) && !"true".equals(historyRestore); // htmx restoring history wants the whole page
        return Response.ok(rowsOnly ? Templates.list$rows(view) : Templates.list(view)).header("Vary", "HX-Request").build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id, @RestQuery String done) {
        CaseVisibility.check(CaseVisibility.find(id), user);
        return page(id, done, null, null);
    }

    /** 案卷打印 — the facts and the history on a plain sheet for the paper archive. */
    @GET
    @Path("{id}/print")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance print(@PathParam("id") long id) {
        CaseVisibility.check(CaseVisibility.find(id), user);
        CaseDetail c = details.of(id, user);
        return Templates.print(new DetailPage(c, departmentName(c), List.of(), null, null, null, null, zone, false));
    }

    @POST
    @Path("{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") long id, @PathParam("action") String actionName, @BeanParam PostedAction form) {
        return act(id, actionName, action -> actions.apply(id, action, Actor.of(user), form.input()));
    }

    /** The same, from a form with photos (处置反馈 / 自处理 with 处置后 photos): action and photos in one step. */
    @POST
    @Path("{id}/actions/{action}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response actWithPhotos(@PathParam("id") long id, @PathParam("action") String actionName, @BeanParam PostedAction form,
            @RestForm("photo") List<FileUpload> photos) {
        return act(id, actionName, action -> handlingPhotos.act(id, action, Actor.of(user), form.input(), photos, user.username()));
    }

    /** 处置中 photos: the department adds photos of its work while handling. */
    @POST
    @Path("{id}/photos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response addPhotos(@PathParam("id") long id, @RestForm("photo") List<FileUpload> photos) {
        CaseFile c = CaseVisibility.find(id);
        CaseVisibility.check(c, user);
        try {
            if (!canAddPhotos(c)) {
                throw new Problem(403, "forbidden", null, "only the department handling case " + c.number + " adds photos");
            }
            handlingPhotos.add(c, photos, user.username());
            return Response.seeOther(URI.create("/cases/" + id + "#photos")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(id, null, "photos", problem)).build();
        }
    }

    private boolean canAddPhotos(CaseFile c) {
        return details.of(c.id, user).actions().contains(CaseAction.REPORT_HANDLED.apiName());
    }

    private Response act(long id, String actionName, java.util.function.Consumer<CaseAction> take) {
        CaseVisibility.check(CaseVisibility.find(id), user);
        try {
            CaseAction action = CaseAction.ofApiName(actionName)
                    .orElseThrow(() -> new Problem(404, "unknown_action", "action", "no action '" + actionName + "'"));
            take.accept(action);
            return Response.seeOther(URI.create("/cases/" + id + "?done=" + action.apiName())).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(id, null, actionName, problem)).build();
        } catch (OptimisticLockException stale) {
            Problem problem = Problem.conflict("conflict", "someone else changed this case at the same time: reload and try again");
            return Response.status(409).entity(page(id, null, actionName, problem)).build();
        }
    }

    /** The detail page, after an action that failed ({@code problem} shown at its form) or none. */
    TemplateInstance page(long id, String done, String failedAction, Problem problem) {
        CaseDetail c = details.of(id, user);
        CaseFile file = CaseVisibility.find(id);
        return Templates.detail(new DetailPage(c, departmentName(c), forms.of(file, c.actions()), done, failedAction,
                problem == null ? null : problem.getMessage(), problem == null ? null : problem.field(), zone,
                user.has(Role.DEPARTMENT) && DetailPage.concerns(c, user.departmentId().orElse(null))));
    }

    private static String departmentName(CaseDetail c) {
        return c.departmentId() == null ? null : Department.<Department>findByIdOptional(c.departmentId()).map(d -> d.name).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
