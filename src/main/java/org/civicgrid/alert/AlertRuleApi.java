package org.civicgrid.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/** 告警规则接口 — {@code /api/alert-rules} (admins): list, create, change ({@code PUT /{id}}), delete. */
@Path("/api/alert-rules")
@RolesAllowed(Role.Names.ADMIN)
public class AlertRuleApi {

    private final AlertRules rules;
    private final CurrentUser user;

    AlertRuleApi(AlertRules rules, CurrentUser user) {
        this.rules = rules;
        this.user = user;
    }

    @GET
    public List<AlertRule> list() {
        return AlertRule.ordered();
    }

    @POST
    public Response create(AlertRules.RuleForm form) {
        AlertRule rule = rules.create(form, user.username());
        return Response.created(URI.create("/api/alert-rules/" + rule.id)).entity(rule).build();
    }

    @PUT
    @Path("{id}")
    public AlertRule update(@PathParam("id") long id, AlertRules.RuleForm form) {
        return rules.update(id, form, user.username());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.noContent().build();
    }
}
