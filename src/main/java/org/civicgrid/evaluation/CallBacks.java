package org.civicgrid.evaluation;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/**
 * 回访接口 — {@code POST /api/callbacks}: the desk (受理员, 值班长) records the call-back of a closed case's reporter,
 * satisfied or not; with {@code reopen} an unsatisfied one reopens the case through the workflow (重新开启, which the
 * table gives to 值班长 and 领导). {@code GET /api/callbacks?caseId=} lists a case's call-backs. They feed 公众满意度.
 */
@Path("/api/callbacks")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.LEADER})
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class CallBacks {

    /** What the desk sends. */
    public record CallBackInput(Long caseId, Boolean satisfied, String note, Boolean reopen) {
    }

    private final CallBackDesk desk;
    private final CurrentUser user;

    CallBacks(CallBackDesk desk, CurrentUser user) {
        this.desk = desk;
        this.user = user;
    }

    @GET
    public List<CallBack> list(@QueryParam("caseId") Long caseId) {
        if (caseId == null) {
            throw Problem.badRequest("caseId", "required");
        }
        return CallBack.list("caseId = ?1 order by id", caseId);
    }

    @POST
    public Response record(CallBackInput in) {
        return Response.status(201).entity(desk.record(in, user)).build();
    }
}
