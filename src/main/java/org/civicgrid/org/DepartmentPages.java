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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** 部门管理页 — {@code /admin/departments}: list, create and edit departments (admins). */
@Path("/admin/departments")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class DepartmentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Department> departments, boolean saved);

        static native TemplateInstance edit(Department department, boolean isNew, String classText, List<Region> regions,
                List<DepartmentKind> kinds, String error, String errorField);
    }

    private static final List<DepartmentKind> KINDS = List.of(DepartmentKind.values());

    private final DepartmentRegistry registry;

    DepartmentPages(DepartmentRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String saved) {
        return Templates.list(Department.allOrdered(), saved != null);
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance createForm() {
        Department blank = new Department();
        blank.kind = DepartmentKind.PROFESSIONAL;
        return Templates.edit(blank, true, "", areaChoices(), KINDS, null, null);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance editForm(@PathParam("id") long id) {
        Department department = Department.<Department>findByIdOptional(id).orElseThrow(() -> Problem.notFound("department " + id));
        return Templates.edit(department, false, String.join("\n", department.classCodes), areaChoices(), KINDS, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String code, @RestForm String name, @RestForm DepartmentKind kind, @RestForm String phone,
            @RestForm String classCodes, @RestForm List<String> areaCodes, @RestForm String active) {
        DepartmentForm form = new DepartmentForm(code, name, kind, phone, split(classCodes), Set.copyOf(areaCodes), active != null);
        try {
            registry.create(form);
            return Response.seeOther(URI.create("/admin/departments?saved=1")).build();
        } catch (Problem problem) {
            return redisplay(null, form, classCodes, problem);
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm DepartmentKind kind, @RestForm String phone,
            @RestForm String classCodes, @RestForm List<String> areaCodes, @RestForm String active) {
        DepartmentForm form = new DepartmentForm(null, name, kind, phone, split(classCodes), Set.copyOf(areaCodes), active != null);
        try {
            registry.update(id, form);
            return Response.seeOther(URI.create("/admin/departments?saved=1")).build();
        } catch (Problem problem) {
            return redisplay(id, form, classCodes, problem);
        }
    }

    @Transactional
    Response redisplay(Long id, DepartmentForm form, String classText, Problem problem) {
        Department shown = new Department();
        shown.id = id;
        shown.code = id == null ? form.code() : Department.<Department>findByIdOptional(id).map(d -> d.code).orElse("");
        shown.name = form.name();
        shown.kind = form.kind();
        shown.phone = form.phone();
        shown.active = form.active();
        shown.areaCodes = new TreeSet<>(form.areaCodes());
        return Response.status(problem.status())
                .entity(Templates.edit(shown, id == null, classText, areaChoices(), KINDS, problem.getMessage(), problem.field())).build();
    }

    private static List<Region> areaChoices() {
        return Region.allOrdered().stream().filter(r -> r.level != RegionLevel.COUNTY).toList();
    }

    static Set<String> split(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split("[\\s,，;；]+")).filter(s -> !s.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }
}
