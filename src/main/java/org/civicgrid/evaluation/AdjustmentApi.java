package org.civicgrid.evaluation;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 加分/扣分与申诉接口 — {@code POST /api/evaluation/adjustments} (值班长, 领导 propose a signed 加分/扣分),
 * {@code POST /api/evaluation/appeals} (a department's 申诉), {@code POST /api/evaluation/adjustments/{id}/decision}
 * (领导 approves a 加分/扣分; 值班长 or 领导 decide an appeal), {@code GET /api/evaluation/adjustments} (the entries of a
 * period), {@code GET /api/evaluation/appeals[/{id}]} (a department sees only its own appeals, the centre all).
 * Entries are appended, never edited.
 */
@Path("/api/evaluation")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class AdjustmentApi {

    private final Adjustments adjustments;
    private final CurrentUser user;

    AdjustmentApi(Adjustments adjustments, CurrentUser user) {
        this.adjustments = adjustments;
        this.user = user;
    }

    @GET
    @Path("adjustments")
    @RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
    public List<Adjustment> list(@QueryParam("object") String object, @QueryParam("period") String period) {
        return adjustments.list(EvaluationApi.object(object), period == null ? "" : period.trim());
    }

    @POST
    @Path("adjustments")
    @RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD})
    public Response propose(Adjustments.EntryInput in) {
        return Response.status(201).entity(adjustments.propose(in, user)).build();
    }

    @GET
    @Path("appeals")
    @RolesAllowed({Role.Names.DEPARTMENT, Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
    public List<Adjustment> appeals() {
        return adjustments.appeals(user);
    }

    @GET
    @Path("appeals/{id}")
    @RolesAllowed({Role.Names.DEPARTMENT, Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
    public Adjustment appeal(@PathParam("id") long id) {
        return adjustments.appeal(id, user);
    }

    @POST
    @Path("appeals")
    @RolesAllowed(Role.Names.DEPARTMENT)
    public Response appeal(Adjustments.EntryInput in) {
        return Response.status(201).entity(adjustments.appeal(in, user)).build();
    }

    @POST
    @Path("adjustments/{id}/decision")
    @RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD})
    public Response decide(@PathParam("id") long id, Adjustments.DecisionInput in) {
        return Response.status(201).entity(adjustments.decide(id, in, user)).build();
    }
}
