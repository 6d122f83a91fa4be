package org.civicgrid.org.routing;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.org.Role;

/** 派遣规则接口 — {@code /api/routing-rules}: staff read the routing table, admins add and remove rows. */
@Path("/api/routing-rules")
@Authenticated
public class RoutingApi {

    public record View(long id, String classRef, String areaCode, long departmentId, String note) {
        static View of(RoutingRule rule) {
            return new View(rule.id, rule.classRef, rule.areaCode, rule.departmentId, rule.note);
        }
    }

    private final RoutingRules rules;

    RoutingApi(RoutingRules rules) {
        this.rules = rules;
    }

    @GET
    public List<View> list() {
        return RoutingRule.allOrdered().stream().map(View::of).toList();
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response add(RoutingRules.Form form) {
        RoutingRule rule = rules.add(form);
        return Response.created(URI.create("/api/routing-rules/" + rule.id)).entity(View.of(rule)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.noContent().build();
    }
}
