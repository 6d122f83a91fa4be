package org.civicgrid.alert;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;

/** 告警规则页 — {@code /admin/alert-rules} (admins): the triage rules in the order they apply, add one, switch on/off, delete. */
@Path("/admin/alert-rules")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class AlertRulePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(RulePage page);
    }

    /** The rules and the last error. */
    public record RulePage(List<AlertRule> rules, String error) {
        public List<AlertSource> sources() {
            return List.of(AlertSource.FRIGATE, AlertSource.FRIGATE_EVENT, AlertSource.DJI, AlertSource.GENERIC, AlertSource.ONVIF);
        }
    }

    private final AlertRules rules;
    private final CurrentUser user;

    AlertRulePages(AlertRules rules, CurrentUser user) {
        this.rules = rules;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(new RulePage(AlertRule.ordered(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String name, @RestForm Integer priority, @RestForm String source, @RestForm String label,
            @RestForm String zone, @RestForm String classCode, @RestForm Long standardId, @RestForm Double minConfidence,
            @RestForm String activeFrom, @RestForm String activeTo, @RestForm String autoFile) {
        try {
            rules.create(new AlertRules.RuleForm(name, priority, source, label, zone, classCode, standardId, minConfidence, activeFrom, activeTo,
                    autoFile != null, true), user.username());
            return Response.seeOther(URI.create("/admin/alert-rules")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(Templates.list(new RulePage(AlertRule.ordered(), problem.getMessage()))).build();
        }
    }

    @POST
    @Path("{id}/toggle")
    @Produces(MediaType.TEXT_HTML)
    public Response toggle(@PathParam("id") long id) {
        AlertRule r = AlertRule.<AlertRule>findByIdOptional(id).orElseThrow(() -> Problem.notFound("alert rule " + id));
        rules.update(id, new AlertRules.RuleForm(r.name, r.priority, r.source == null ? null : r.source.name(), r.label, r.zone, r.classCode,
                r.standardId, r.minConfidence, r.activeFrom, r.activeTo, r.autoFile, !r.enabled), user.username());
        return Response.seeOther(URI.create("/admin/alert-rules")).build();
    }

    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.seeOther(URI.create("/admin/alert-rules")).build();
    }
}
