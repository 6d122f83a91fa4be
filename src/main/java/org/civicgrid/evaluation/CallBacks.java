package org.civicgrid.evaluation;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
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

    private final CaseActions actions;
    private final CurrentUser user;
    private final Clock clock;

    CallBacks(CaseActions actions, CurrentUser user, Clock clock) {
        this.actions = actions;
        this.user = user;
        this.clock = clock;
    }

    @GET
    public List<CallBack> list(@QueryParam("caseId") Long caseId) {
        if (caseId == null) {
            throw Problem.badRequest("caseId", "required");
        }
        return CallBack.list("caseId = ?1 order by id", caseId);
    }

    @POST
    @Transactional
    @SingleWriter
    public Response record(CallBackInput in) {
        if (in == null || in.caseId() == null) {
            throw Problem.badRequest("caseId", "name the closed case called back");
        }
        if (in.satisfied() == null) {
            throw Problem.badRequest("satisfied", "say whether the reporter is satisfied");
        }
        CaseFile c = CaseFile.<CaseFile>findByIdOptional(in.caseId()).orElseThrow(() -> Problem.notFound("case " + in.caseId()));
        if (c.stage != CaseStage.CLOSED) {
            throw Problem.conflict("not_closed", "case " + c.number + " is not closed: call back after 结案");
        }
        boolean reopen = Boolean.TRUE.equals(in.reopen());
        if (reopen && in.satisfied()) {
            throw Problem.badRequest("reopen", "only an unsatisfied call-back reopens the case");
        }
        if (reopen && (in.note() == null || in.note().isBlank())) {
            throw Problem.badRequest("note", "say what the reporter is unsatisfied with");
        }
        CallBack b = new CallBack();
        b.caseId = c.id;
        b.calledAt = clock.instant();
        b.callerId = user.staffId();
        b.callerName = user.displayName();
        b.satisfied = in.satisfied();
        b.note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        b.reopened = reopen;
        b.persist();
        if (reopen) {
            actions.apply(c.id, CaseAction.REOPEN, Actor.of(user), ActionInput.note("回访不满意：" + b.note));
        }
        return Response.status(201).entity(b).build();
    }
}
