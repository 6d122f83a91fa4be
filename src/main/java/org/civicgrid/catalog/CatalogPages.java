package org.civicgrid.catalog;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.catalog.CatalogViews.ClassForm;
import org.civicgrid.catalog.CatalogViews.ImportReport;
import org.civicgrid.catalog.CatalogViews.MajorGroup;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 分类管理页 — {@code /admin/catalog}: the classes of one code system by major with their filing standards and time
 * limits, adding a local class, and the CSV import (with its per-row report) and export of filing standards (admins).
 */
@Path("/admin/catalog")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class CatalogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CatalogPage page);
    }

    /** What the page shows: one system's classes and standards, the add form's values and outcome, an import report. */
    public record CatalogPage(ClassSystem system, List<ClassSystem> systems, List<ClassKind> kinds, List<MajorGroup> groups,
            Map<String, List<FilingStandard>> standards, String added, ClassForm form, String error, String errorField,
            ImportReport report, ClassSystem active, boolean activeSaved) {

        public List<FilingStandard> standardsOf(String ref) {
            return standards.getOrDefault(ref, List.of());
        }

        /** The first major is open, and the one holding the class just added. */
        public boolean opens(MajorGroup group) {
            return group == groups.get(0) || (added != null && group.classes().stream().anyMatch(c -> c.ref().equals(added)));
        }

        public int classCount() {
            return groups.stream().mapToInt(g -> g.classes().size()).sum();
        }

        public int standardCount() {
            return standards.values().stream().mapToInt(List::size).sum();
        }
    }

    private final LocalClasses localClasses;
    private final FilingStandards filingStandards;
    private final CodeSystems codeSystems;

    CatalogPages(LocalClasses localClasses, FilingStandards filingStandards, CodeSystems codeSystems) {
        this.localClasses = localClasses;
        this.filingStandards = filingStandards;
        this.codeSystems = codeSystems;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String system, @RestQuery String added, @RestQuery String saved) {
        ClassSystem shown = shownSystem(system);
        ClassForm blank = new ClassForm(shown.param(), ClassKind.COMPONENT.prefix(), "", "", "");
        return page(shown, added, blank, null, null, saved != null);
    }

    /** 启用编码体系: the system the pickers show. */
    @POST
    @Path("code-system")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseSystem(@RestForm String system) {
        codeSystems.choose(system);
        return Response.seeOther(URI.create("/admin/catalog?saved=1&system=" + CodeSystems.active().param())).build();
    }

    @POST
    @Path("classes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response addClass(@RestForm String system, @RestForm String kind, @RestForm String majorCode, @RestForm String majorName,
            @RestForm String name) {
        ClassForm form = new ClassForm(system, kind, majorCode, majorName, name);
        try {
            CaseClass added = localClasses.add(form);
            return Response.seeOther(URI.create("/admin/catalog?system=" + added.system.param() + "&added=" + added.ref + "#" + added.ref)).build();
        } catch (Problem problem) {
            TemplateInstance page = page(shownSystem(system), null, form, problem, null);
            return Response.status(problem.status()).entity(page).build();
        }
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importCsv(@RestForm("file") FileUpload file) {
        ClassForm blank = new ClassForm(ClassSystem.LEGACY.param(), ClassKind.COMPONENT.prefix(), "", "", "");
        try {
            ImportReport report = filingStandards.importCsv(file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile()));
            return Response.ok(page(ClassSystem.LEGACY, null, blank, null, report)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(ClassSystem.LEGACY, null, blank, problem, null)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    TemplateInstance page(ClassSystem system, String added, ClassForm form, Problem problem, ImportReport report) {
        return page(system, added, form, problem, report, false);
    }

    @Transactional
    TemplateInstance page(ClassSystem system, String added, ClassForm form, Problem problem, ImportReport report, boolean saved) {
        List<CaseClass> classes = CaseClass.search(system, null, null, true);
        Set<String> refs = classes.stream().map(c -> c.ref).collect(Collectors.toSet());
        Map<String, List<FilingStandard>> standards = new java.util.HashMap<>(FilingStandard.<FilingStandard>allOrdered().stream()
                .filter(s -> refs.contains(s.classRef)).collect(Collectors.groupingBy(s -> s.classRef)));
        // a class without standards of its own shows those it files under through the mapping
        classes.stream().filter(c -> !standards.containsKey(c.ref)).forEach(c -> {
            List<FilingStandard> mapped = FilingStandard.forClass(c.ref);
            if (!mapped.isEmpty()) {
                standards.put(c.ref, mapped);
            }
        });
        List<MajorGroup> groups = CatalogViews.byMajor(classes);
        return Templates.list(new CatalogPage(system, List.of(ClassSystem.values()), List.of(ClassKind.values()), groups, standards,
                added, form, problem == null ? null : problem.getMessage(), problem == null ? null : problem.field(), report,
                CodeSystems.active(), saved));
    }

    private static ClassSystem shownSystem(String system) {
        try {
            return system == null || system.isBlank() ? CodeSystems.active() : ClassSystem.parse("system", system);
        } catch (Problem unknown) {
            return ClassSystem.LEGACY;
        }
    }
}
