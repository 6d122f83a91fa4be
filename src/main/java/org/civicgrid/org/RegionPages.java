package org.civicgrid.org;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** 行政区划页 — {@code /admin/regions}: the county's streets/towns and communities/villages (admins). */
@Path("/admin/regions")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class RegionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Region> regions, boolean saved, String code, String name, String error);
    }

    private final RegionRegistry registry;

    RegionPages(RegionRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String saved) {
        return Templates.list(Region.allOrdered(), saved != null, "", "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@RestForm String code, @RestForm String name) {
        try {
            registry.add(code, name);
            return Response.seeOther(URI.create("/admin/regions?saved=1")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(redisplay(code, name, problem)).build();
        }
    }

    @Transactional
    TemplateInstance redisplay(String code, String name, Problem problem) {
        return Templates.list(Region.allOrdered(), false, code, name, problem.getMessage());
    }
}
