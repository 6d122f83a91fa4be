package org.civicgrid.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.civicgrid.org.Department;
import org.civicgrid.org.Staff;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;

/** 个人设置页 — the signed-in user's own account: who they are, their department and roles, password change. */
@Path("/account")
@Authenticated
@Blocking
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(Staff me, Department department, boolean changed, String error, String errorField);
    }

    private final CurrentUser user;
    private final StaffRegistry registry;
    private final Sessions sessions;

    AccountPages(CurrentUser user, StaffRegistry registry, Sessions sessions) {
        this.user = user;
        this.registry = registry;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return page(false, null, null);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword, @RestForm String newPassword2,
            RoutingContext http) {
        try {
            if (newPassword == null || !newPassword.equals(newPassword2)) {
                throw Problem.badRequest("newPassword2", "passwords differ");
            }
            registry.changeOwnPassword(user.username(), currentPassword, newPassword);
            sessions.keepOnly(http, user.username()); // every other session of this account ends
            return Response.ok(page(true, null, null)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(false, problem.getMessage(), problem.field())).build();
        }
    }

    @Transactional
    TemplateInstance page(boolean changed, String error, String errorField) {
        Staff me = Staff.byUsername(user.username()).orElseThrow(() -> Problem.notFound("user " + user.username()));
        Department department = me.departmentId == null ? null : Department.findById(me.departmentId);
        return Templates.account(me, department, changed, error, errorField);
    }
}
