package org.civicgrid.org;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.org.OrgViews.RegionForm;
import org.civicgrid.org.OrgViews.RegionView;
import org.civicgrid.web.Problem;

/** 行政区划接口 — {@code /api/regions}: the county, its streets/towns and communities/villages. */
@Path("/api/regions")
@Authenticated
public class RegionApi {

    private final RegionRegistry registry;

    RegionApi(RegionRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<RegionView> list() {
        return Region.allOrdered().stream().map(RegionView::of).toList();
    }

    @GET
    @Path("{code}")
    public RegionView get(@PathParam("code") String code) {
        return Region.byCode(code).map(RegionView::of).orElseThrow(() -> Problem.notFound("region " + code));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response add(RegionForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send {code, name}");
        }
        Region region = registry.add(form.code(), form.name());
        return Response.created(URI.create("/api/regions/" + region.code)).entity(RegionView.of(region)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public RegionView rename(@PathParam("code") String code, RegionForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send {name}");
        }
        return RegionView.of(registry.rename(code, form.name()));
    }
}
