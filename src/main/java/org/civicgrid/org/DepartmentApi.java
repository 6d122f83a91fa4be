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
import org.civicgrid.org.OrgViews.DepartmentView;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/** 部门接口 — {@code /api/departments}: every staff member reads them, admins change them. */
@Path("/api/departments")
@Authenticated
public class DepartmentApi {

    private final DepartmentRegistry registry;

    DepartmentApi(DepartmentRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<DepartmentView> list(@RestQuery Boolean active) {
        List<Department> departments = Boolean.TRUE.equals(active) ? Department.activeOrdered() : Department.allOrdered();
        return departments.stream().map(DepartmentView::of).toList();
    }

    @GET
    @Path("{id}")
    public DepartmentView get(@PathParam("id") long id) {
        return Department.<Department>findByIdOptional(id).map(DepartmentView::of).orElseThrow(() -> Problem.notFound("department " + id));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(DepartmentForm form) {
        Department department = registry.create(requireBody(form));
        return Response.created(URI.create("/api/departments/" + department.id)).entity(DepartmentView.of(department)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public DepartmentView update(@PathParam("id") long id, DepartmentForm form) {
        return DepartmentView.of(registry.update(id, requireBody(form)));
    }

    private static DepartmentForm requireBody(DepartmentForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send a JSON department {code, name, kind, classCodes, areaCodes}");
        }
        return form;
    }
}
