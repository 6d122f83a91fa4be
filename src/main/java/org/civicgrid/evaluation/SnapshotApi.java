package org.civicgrid.evaluation;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 考核快照接口 — {@code GET /api/evaluation/snapshots}, {@code GET /api/evaluation/snapshots/{id}} (with the frozen
 * content), {@code GET /api/evaluation/snapshots/{id}/verify}, and {@code POST /api/evaluation/snapshots} (领导 freezes a
 * week or month that has ended: {@code {period, object?}}; every object type without {@code object}).
 */
@Path("/api/evaluation/snapshots")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotApi {

    /** What a freeze asks for. */
    public record FreezeInput(String period, String object) {
    }

    private final Snapshots snapshots;
    private final CurrentUser user;

    SnapshotApi(Snapshots snapshots, CurrentUser user) {
        this.snapshots = snapshots;
        this.user = user;
    }

    @GET
    public List<Snapshots.Listed> list() {
        return snapshots.list();
    }

    @GET
    @Path("{id}")
    public Snapshot get(@PathParam("id") long id) {
        return snapshots.get(id);
    }

    @GET
    @Path("{id}/verify")
    public Snapshots.Verification verify(@PathParam("id") long id) {
        return snapshots.verify(id);
    }

    @POST
    @RolesAllowed(Role.Names.LEADER)
    public Response freeze(FreezeInput in) {
        List<Snapshots.Listed> frozen = snapshots.freeze(in == null ? null : in.period(), in == null ? null : in.object(), user.displayName()).stream()
                .map(Snapshots.Listed::of).toList();
        return Response.status(201).entity(frozen).build();
    }
}
