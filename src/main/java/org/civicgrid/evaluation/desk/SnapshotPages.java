package org.civicgrid.evaluation.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.Snapshots;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 考核冻结页 — {@code /evaluation/snapshots}: the frozen periods with their hash chain, the form with which 领导 freezes
 * a week or month that has ended, and {@code /evaluation/snapshots/{id}/verify}, which recomputes one and says whether
 * the stored hash, the chain and the figures still hold.
 */
@Path("/evaluation/snapshots")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class SnapshotPages {

    public record Page(List<Snapshots.Listed> snapshots, List<EvaluationObject> objects, boolean mayFreeze, Snapshots.Verification verified,
            String period, String done, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance snapshots(Page page);
    }

    private final Snapshots snapshots;
    private final CurrentUser user;
    private final RoutingContext http;

    SnapshotPages(Snapshots snapshots, CurrentUser user, RoutingContext http) {
        this.snapshots = snapshots;
        this.user = user;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String done) {
        return page(null, "", done, null);
    }

    @GET
    @Path("{id}/verify")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance verify(@PathParam("id") long id) {
        return page(snapshots.verify(id), "", null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.LEADER)
    public Response freeze(@RestForm String period, @RestForm String object) {
        try {
            snapshots.freeze(period, object, user.displayName());
            return Response.seeOther(URI.create("/evaluation/snapshots?done=frozen")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(null, period, null, DeskErrors.text(problem, http))).build();
        }
    }

    private TemplateInstance page(Snapshots.Verification verified, String period, String done, String error) {
        List<Snapshots.Listed> all = new ArrayList<>(snapshots.list());
        Collections.reverse(all);
        return Templates.snapshots(new Page(all, List.of(EvaluationObject.values()), user.has(Role.LEADER), verified, period, done, error));
    }
}
