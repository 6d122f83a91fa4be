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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** 人员管理页 — {@code /admin/staff}: list, create and edit accounts, reset passwords (admins). */
@Path("/admin/staff")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class StaffPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Staff> staff, Map<Long, String> departmentNames, boolean saved);

        static native TemplateInstance edit(Staff person, boolean isNew, List<Department> departments, List<Role> allRoles,
                int minPassword, boolean reset, String error, String errorField);
    }

    private static final List<Role> ROLES = List.of(Role.values());

    private final StaffRegistry registry;
    private final OrgConfig config;

    StaffPages(StaffRegistry registry, OrgConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String saved) {
        Map<Long, String> names = Department.allOrdered().stream().collect(Collectors.toMap(d -> d.id, d -> d.name));
        return Templates.list(Staff.allOrdered(), names, saved != null);
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance createForm() {
        return page(new Staff(), true, false, null);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance editForm(@PathParam("id") long id, @RestQuery String reset) {
        return page(find(id), false, reset != null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String phone,
            @RestForm Long departmentId, @RestForm List<Role> roles, @RestForm String active, @RestForm String password) {
        StaffForm form = new StaffForm(username, displayName, phone, departmentId, roleSet(roles), active != null, password);
        try {
            registry.create(form);
            return Response.seeOther(URI.create("/admin/staff?saved=1")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(shown(null, form), true, false, problem)).build();
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") long id, @RestForm String displayName, @RestForm String phone,
            @RestForm Long departmentId, @RestForm List<Role> roles, @RestForm String active) {
        StaffForm form = new StaffForm(null, displayName, phone, departmentId, roleSet(roles), active != null, null);
        try {
            registry.update(id, form);
            return Response.seeOther(URI.create("/admin/staff?saved=1")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(shown(id, form), false, false, problem)).build();
        }
    }

    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resetPassword(@PathParam("id") long id, @RestForm String password) {
        try {
            registry.resetPassword(id, password);
            return Response.seeOther(URI.create("/admin/staff/" + id + "?reset=1")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(find(id), false, false, problem)).build();
        }
    }

    @Transactional
    TemplateInstance page(Staff person, boolean isNew, boolean reset, Problem problem) {
        return Templates.edit(person, isNew, Department.activeOrdered(), ROLES, config.minPasswordLength(), reset,
                problem == null ? null : problem.getMessage(), problem == null ? null : problem.field());
    }

    @Transactional
    Staff shown(Long id, StaffForm form) {
        Staff person = new Staff();
        person.id = id;
        person.username = id == null ? form.username() : find(id).username;
        person.displayName = form.displayName();
        person.phone = form.phone();
        person.departmentId = form.departmentId();
        person.active = form.active();
        person.roles = form.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.roles());
        return person;
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    private static Staff find(long id) {
        return Staff.<Staff>findByIdOptional(id).orElseThrow(() -> Problem.notFound("staff " + id));
    }
}
