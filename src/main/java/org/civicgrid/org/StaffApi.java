package org.civicgrid.org;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.org.OrgViews.PasswordChange;
import org.civicgrid.org.OrgViews.PasswordReset;
import org.civicgrid.org.OrgViews.StaffView;
import org.civicgrid.web.Problem;

/** 人员接口 — {@code /api/staff} for admins; {@code /api/me} for everyone's own account. */
@Path("/api")
public class StaffApi {

    private final StaffRegistry registry;
    private final SecurityIdentity identity;

    StaffApi(StaffRegistry registry, SecurityIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @Path("staff")
    @RolesAllowed(Role.Names.ADMIN)
    public List<StaffView> list() {
        return Staff.allOrdered().stream().map(StaffView::of).toList();
    }

    @GET
    @Path("staff/{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public StaffView get(@PathParam("id") long id) {
        return Staff.<Staff>findByIdOptional(id).map(StaffView::of).orElseThrow(() -> Problem.notFound("staff " + id));
    }

    @POST
    @Path("staff")
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(StaffForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send a JSON account {username, displayName, roles, departmentId, password}");
        }
        Staff staff = registry.create(form);
        return Response.created(URI.create("/api/staff/" + staff.id)).entity(StaffView.of(staff)).build();
    }

    @PUT
    @Path("staff/{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public StaffView update(@PathParam("id") long id, StaffForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send a JSON account {displayName, roles, departmentId, active}");
        }
        return StaffView.of(registry.update(id, form));
    }

    @POST
    @Path("staff/{id}/password")
    @RolesAllowed(Role.Names.ADMIN)
    public Response resetPassword(@PathParam("id") long id, PasswordReset body) {
        registry.resetPassword(id, body == null ? null : body.password());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Authenticated
    public StaffView me() {
        return Staff.byUsername(identity.getPrincipal().getName()).map(StaffView::of).orElseThrow(() -> Problem.notFound("account"));
    }

    @POST
    @Path("me/password")
    @Authenticated
    public Response changeOwnPassword(PasswordChange body) {
        if (body == null) {
            throw Problem.badRequest(null, "send {currentPassword, newPassword}");
        }
        registry.changeOwnPassword(identity.getPrincipal().getName(), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }
}
