package org.civicgrid.evaluation.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.CaseWorkflow;
import org.civicgrid.evaluation.CallBack;
import org.civicgrid.evaluation.CallBackDesk;
import org.civicgrid.evaluation.CallBacks;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 回访台 — {@code /callbacks}: the closed cases whose reporter waits for a 回访, each with the form to record it
 * (satisfied or not, with a note; an unsatisfied one reopens the case through the workflow when the caller may 重新开启),
 * and the unsatisfied call-backs not reopened yet, for 值班长 and 领导 to act on.
 */
@Path("/callbacks")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.LEADER})
@Blocking
public class CallBackPages {

    static final int SHOWN = 100;

    /** A case waiting, as listed. */
    public record Waiting(long id, String number, String classCode, String address, CaseSource source, String reporter, String phone, String closedAt) {
    }

    /** An unsatisfied call-back of a case still closed. */
    public record Unsatisfied(CallBack callBack, String number, String calledAt) {
    }

    public record Page(List<Waiting> waiting, List<Unsatisfied> unsatisfied, boolean mayReopen, String done, String error, Long failedId) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance callbacks(Page page);
    }

    private final CallBackDesk desk;
    private final CurrentUser user;
    private final ZoneId zone;
    private final RoutingContext http;

    CallBackPages(CallBackDesk desk, Evaluation evaluation, CurrentUser user, RoutingContext http) {
        this.desk = desk;
        this.user = user;
        this.zone = evaluation.zone();
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String done) {
        return page(done, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response record(@RestForm Long caseId, @RestForm String satisfied, @RestForm String note, @RestForm String reopen) {
        try {
            Boolean yes = satisfied == null || satisfied.isBlank() ? null : Boolean.valueOf(satisfied);
            CallBack b = desk.record(new CallBacks.CallBackInput(caseId, yes, note, Boolean.FALSE.equals(yes) && "true".equals(reopen)), user);
            return Response.seeOther(URI.create("/callbacks?done=" + (b.reopened ? "reopened" : "recorded"))).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(null, DeskErrors.text(problem, http), caseId)).build();
        } catch (OptimisticLockException stale) {
            return Response.status(409).entity(page(null, DeskErrors.text(Problem.conflict("conflict", "the case changed meanwhile: try again"), http),
                    caseId)).build();
        }
    }

    @Transactional
    TemplateInstance page(String done, String error, Long failedId) {
        List<Waiting> waiting = desk.awaiting(SHOWN).stream().map(c -> new Waiting(c.id, c.number, c.classCode, c.address, c.source,
                c.reporterName, c.reporterPhone, time(c.closedAt))).toList();
        List<CallBack> bad = desk.unsatisfiedNotReopened(SHOWN);
        Map<Long, String> numbers = bad.isEmpty() ? Map.of() : CaseFile.<CaseFile>list("id in ?1", bad.stream().map(b -> b.caseId).toList()).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.number, (a, b) -> a));
        List<Unsatisfied> unsatisfied = bad.stream().map(b -> new Unsatisfied(b, numbers.getOrDefault(b.caseId, String.valueOf(b.caseId)),
                time(b.calledAt))).toList();
        boolean mayReopen = CaseWorkflow.mayEverTake(CaseAction.REOPEN, user.roles());
        return Templates.callbacks(new Page(waiting, unsatisfied, mayReopen, done, error, failedId));
    }

    private String time(Instant at) {
        return at == null ? "" : at.atZone(zone).toLocalDateTime().toString().replace('T', ' ').substring(0, 16);
    }

    /** 回访 in the navigation of the desk. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/callbacks", "nav_callbacks", 61, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD, Role.LEADER)));
        }
    }
}
