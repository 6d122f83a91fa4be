package org.civicgrid.evaluation.report;

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
import java.util.List;
import org.civicgrid.evaluation.desk.DeskErrors;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 月通报存档页 — {@code /evaluation/bulletins}: the stored 月通报 by month (generated once each month has closed), a
 * leader's form to generate an ended month's now, and {@code /evaluation/bulletins/{id}}: one stored copy drawn as it
 * was generated (same template as the live report).
 */
@Path("/evaluation/bulletins")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class BulletinPages {

    public record Page(List<Bulletins.Listed> bulletins, boolean mayGenerate, String period, String done, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bulletins(Page page);
    }

    private final Bulletins bulletins;
    private final CurrentUser user;
    private final RoutingContext http;

    BulletinPages(Bulletins bulletins, CurrentUser user, RoutingContext http) {
        this.bulletins = bulletins;
        this.user = user;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String done) {
        return Templates.bulletins(new Page(bulletins.list(), user.has(Role.LEADER), "", done, null));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        Bulletins.StoredReport s = bulletins.stored(id);
        return ReportPages.Templates.report(s.report(), s.stored());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.LEADER)
    public Response generate(@RestForm String period) {
        try {
            Bulletin b = bulletins.generate(period, user.displayName());
            return Response.seeOther(URI.create("/evaluation/bulletins?done=" + b.id)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(Templates.bulletins(new Page(bulletins.list(), true, period, null,
                    DeskErrors.text(problem, http)))).build();
        }
    }
}
