package org.civicgrid.evaluation.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.civicgrid.evaluation.Adjustment;
import org.civicgrid.evaluation.Adjustments;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationConfig;
import org.civicgrid.org.Department;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 考核申诉页 — {@code /evaluation/appeals}: a department files a 申诉 against a case's effect on its score (its own
 * cases only, within the window after the period) and follows the centre's decision; {@code /evaluation/appeals/{id}}
 * shows one appeal — to the department that filed it and to the centre, to nobody else (404).
 */
@Path("/evaluation/appeals")
@RolesAllowed({Role.Names.DEPARTMENT, Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class AppealPages {

    public record Line(Adjustment appeal, Adjustment decision, String caseNumber, String department) {
    }

    public record Form(String caseNumber, String period, String reason) {
    }

    public record Page(List<Line> appeals, List<String> periods, boolean mayFile, long windowDays, Form form, String done, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance appeals(Page page);

        static native TemplateInstance appeal(Line line);
    }

    private final Adjustments adjustments;
    private final Evaluation evaluation;
    private final EvaluationConfig config;
    private final CurrentUser user;
    private final Clock clock;
    private final RoutingContext http;

    AppealPages(Adjustments adjustments, Evaluation evaluation, EvaluationConfig config, CurrentUser user, Clock clock, RoutingContext http) {
        this.adjustments = adjustments;
        this.evaluation = evaluation;
        this.config = config;
        this.user = user;
        this.clock = clock;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String caseNumber, @RestQuery String done) {
        return page(new Form(caseNumber == null ? "" : caseNumber, "", ""), done, null);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance appeal(@PathParam("id") long id) {
        return Templates.appeal(line(adjustments.appeal(id, user)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.DEPARTMENT)
    public Response file(@RestForm String caseNumber, @RestForm String period, @RestForm String reason) {
        try {
            if (caseNumber == null || caseNumber.isBlank()) {
                throw Problem.badRequest("caseId", "name the case the appeal is about");
            }
            Adjustment a = adjustments.appeal(new Adjustments.EntryInput("department", null, period, null, reason, DeskForms.caseId(caseNumber)), user);
            return Response.seeOther(URI.create("/evaluation/appeals?done=" + a.id)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(new Form(caseNumber, period, reason), null, DeskErrors.text(problem, http))).build();
        }
    }

    @Transactional
    TemplateInstance page(Form form, String done, String error) {
        LocalDate today = LocalDate.now(clock.withZone(evaluation.zone()));
        YearMonth month = YearMonth.from(today);
        // the month before stays open for appeals during the window after it
        List<String> periods = today.minusDays(config.appealWindow().toDays()).isBefore(month.atDay(1))
                ? List.of(month.toString(), month.minusMonths(1).toString()) : List.of(month.toString());
        List<Line> lines = adjustments.appeals(user).stream().map(this::line).toList();
        return Templates.appeals(new Page(lines, periods, user.has(Role.DEPARTMENT) && user.departmentId().isPresent(), config.appealWindow().toDays(),
                form, done, error));
    }

    private Line line(Adjustment a) {
        String department = Department.<Department>findByIdOptional(Long.valueOf(a.objectKey)).map(d -> d.name).orElse(a.objectKey);
        return new Line(a, Adjustments.decisionOf(a.id), DeskForms.caseNumber(a.caseId), department);
    }

    /** 考核申诉 in the navigation of department staff. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/evaluation/appeals", "nav_appeals", 892, Set.of(Role.DEPARTMENT)));
        }
    }
}
