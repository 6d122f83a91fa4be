package org.civicgrid.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.jboss.resteasy.reactive.RestQuery;

/** 举报审核页 — {@code /moderation}: acceptors and shift leads publish or hide public reports before the portal shows them. */
@Path("/moderation")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD})
@Produces(MediaType.TEXT_HTML)
public class ModerationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance moderation(List<Moderation.Item> items, boolean all, String error);
    }

    private final Moderation moderation;
    private final CurrentUser user;

    ModerationPages(Moderation moderation, CurrentUser user) {
        this.moderation = moderation;
        this.user = user;
    }

    @GET
    public TemplateInstance list(@RestQuery boolean all) {
        return Templates.moderation(moderation.list(!all), all, null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String publicText) {
        try {
            PublicReport.Moderation chosen = "PUBLISHED".equals(decision) ? PublicReport.Moderation.PUBLISHED
                    : "HIDDEN".equals(decision) ? PublicReport.Moderation.HIDDEN : null;
            moderation.decide(id, chosen, publicText, user.username());
            return Response.seeOther(URI.create("/moderation")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(Templates.moderation(moderation.list(true), false, problem.getMessage())).build();
        }
    }
}
