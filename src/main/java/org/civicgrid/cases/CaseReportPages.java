package org.civicgrid.cases;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.catalog.CodeSystems;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 案卷登记页 — {@code /cases/new}: a staff member registers a case (source, class, description, place picked on
 * the grid map or typed) through {@link CaseIntake}, then lands on the new case; a refused report comes back with
 * the form filled in and the problem next to its field.
 */
@Path("/cases/new")
@RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.LEADER})
@Blocking
public class CaseReportPages {

    /** The form as sent. */
    public static class Form {
        @RestForm public CaseSource source;
        @RestForm public String classCode;
        @RestForm public String description;
        @RestForm public String address;
        @RestForm public String lat;
        @RestForm public String lon;
        @RestForm public String reporterName;
        @RestForm public String reporterPhone;
    }

    /** One class in the picker and the optgroup it belongs to. */
    record ClassOption(String ref, String code, String name, String alias) {
    }

    record ClassGroup(String label, List<ClassOption> classes) {
    }

    record ReportPage(Form form, List<CaseSource> sources, List<ClassGroup> classes, String error, String errorField) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ReportPage page);
    }

    private final CaseIntake intake;
    private final CurrentUser user;

    CaseReportPages(CaseIntake intake, CurrentUser user) {
        this.intake = intake;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return page(new Form(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response report(@BeanParam Form form) {
        try {
            NewReport report = new NewReport(form.source, form.description, number(form.lat, "lat"), number(form.lon, "lon"), null,
                    blankToNull(form.classCode), blankToNull(form.address), form.reporterName, form.reporterPhone, null);
            CaseFile c = intake.report(report, Actor.of(user));
            return Response.seeOther(URI.create("/cases/" + c.id + "?done=report")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(form, problem)).build();
        }
    }

    private TemplateInstance page(Form form, Problem problem) {
        List<CaseSource> sources = CaseIntake.allowedSources(user.roles()).stream().sorted().toList();
        return Templates.form(new ReportPage(form, sources, classes(), problem == null ? null : problem.getMessage(),
                problem == null ? null : problem.field()));
    }

    /** The active code system's classes, one group per kind and major, each once with its alias. */
    private static List<ClassGroup> classes() {
        Map<String, List<ClassOption>> groups = new LinkedHashMap<>();
        for (CodeSystems.PickOption c : CodeSystems.options()) {
            groups.computeIfAbsent(c.majorName(), k -> new ArrayList<>()).add(new ClassOption(c.ref(), c.code(), c.name(), c.alias()));
        }
        return groups.entrySet().stream().map(e -> new ClassGroup(e.getKey(), e.getValue())).toList();
    }

    private static Double number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "not a number: " + s);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
