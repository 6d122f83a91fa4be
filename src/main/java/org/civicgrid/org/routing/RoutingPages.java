package org.civicgrid.org.routing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 派遣规则页 — {@code /admin/routing}: the routing table (class × area → department) the dispatcher's suggestions
 * come from, with the class, area and department by name; admins add a row (a refused one comes back with its
 * problem) and remove rows. Same rules as {@code /api/routing-rules} ({@link RoutingRules}).
 */
@Path("/admin/routing")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class RoutingPages {

    /** A rule as the table shows it. */
    record Row(long id, String classRef, String className, String areaCode, String areaName, String department, String note) {
    }

    record Page(List<Row> rows, List<Department> departments, List<Region> areas, String done, String error, String errorField,
            RoutingRules.Form form) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page);
    }

    private final RoutingRules rules;

    RoutingPages(RoutingRules rules) {
        this.rules = rules;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String done) {
        return page(done, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@RestForm String classRef, @RestForm String areaCode, @RestForm Long departmentId, @RestForm String note) {
        RoutingRules.Form form = new RoutingRules.Form(classRef, areaCode, departmentId, note);
        try {
            rules.add(form);
            return Response.seeOther(URI.create("/admin/routing?done=added")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(null, problem, form)).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.seeOther(URI.create("/admin/routing?done=deleted")).build();
    }

    private TemplateInstance page(String done, Problem problem, RoutingRules.Form form) {
        List<Department> departments = Department.list("order by name");
        Map<Long, String> names = new HashMap<>();
        departments.forEach(d -> names.put(d.id, d.name));
        List<Row> rows = RoutingRule.allOrdered().stream().map(r -> new Row(r.id, r.classRef,
                r.classRef == null ? null : CaseClasses.find(r.classRef).map(c -> c.name).orElse(null), r.areaCode,
                r.areaCode == null ? null : Region.byCode(r.areaCode).map(a -> a.name).orElse(null),
                names.getOrDefault(r.departmentId, "#" + r.departmentId), r.note)).toList();
        return Templates.list(new Page(rows, departments.stream().filter(d -> d.active).toList(), Region.allOrdered(), done,
                problem == null ? null : problem.getMessage(), problem == null ? null : problem.field(),
                form == null ? new RoutingRules.Form(null, null, null, null) : form));
    }

    /** The routing table among the admin pages, after departments. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/admin/routing", "nav_routing", 905, Set.of(Role.ADMIN)));
        }
    }
}
