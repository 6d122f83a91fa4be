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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

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
    private final Evaluation evaluation;
    private final CurrentUser user;
    private final Clock clock;

    SnapshotApi(Snapshots snapshots, Evaluation evaluation, CurrentUser user, Clock clock) {
        this.snapshots = snapshots;
        this.evaluation = evaluation;
        this.user = user;
        this.clock = clock;
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
        if (in == null || in.period() == null || in.period().isBlank()) {
            throw Problem.badRequest("period", "name the month (2026-11) or week (2026-W48) to freeze");
        }
        EvaluationPeriod period = EvaluationPeriod.parse(in.period(), null, null, clock, evaluation.zone());
        List<EvaluationObject> objects = in.object() == null || in.object().isBlank() ? List.of(EvaluationObject.values())
                : List.of(EvaluationApi.object(in.object()));
        for (EvaluationObject object : objects) {
            if (snapshots.isFrozen(period, object)) {
                throw Problem.conflict("frozen", period.label() + " of " + object.apiName() + " is frozen already");
            }
        }
        List<Snapshots.Listed> frozen = new ArrayList<>();
        for (EvaluationObject object : objects) {
            frozen.add(Snapshots.Listed.of(snapshots.freeze(period, object, user.displayName())));
        }
        return Response.status(201).entity(frozen).build();
    }
}
