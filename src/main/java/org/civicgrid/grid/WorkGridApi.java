package org.civicgrid.grid;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.jboss.resteasy.reactive.RestQuery;

/** 工作网格接口 — {@code /api/work-grids}: staff read them (optionally one inspector's), admins define them. */
@Path("/api/work-grids")
@Authenticated
public class WorkGridApi {

    public record View(String code, String name, String note, Set<String> gridCodes, Set<Long> inspectorIds) {
        static View of(WorkGrid grid) {
            return new View(grid.code, grid.name, grid.note, grid.gridCodes, grid.inspectorIds);
        }
    }

    private final WorkGrids workGrids;

    WorkGridApi(WorkGrids workGrids) {
        this.workGrids = workGrids;
    }

    @GET
    public List<View> list(@RestQuery Long inspector) {
        List<WorkGrid> grids = inspector == null ? WorkGrid.allOrdered() : workGrids.of(inspector);
        return grids.stream().map(View::of).toList();
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(WorkGrids.Form form) {
        WorkGrid grid = workGrids.save(null, form);
        return Response.created(URI.create("/api/work-grids/" + grid.code)).entity(View.of(grid)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public View update(@PathParam("code") String code, WorkGrids.Form form) {
        return View.of(workGrids.save(code, form));
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public Response delete(@PathParam("code") String code) {
        workGrids.delete(code);
        return Response.noContent().build();
    }
}
