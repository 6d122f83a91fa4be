package org.civicgrid.component;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.civicgrid.grid.Crs;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 部件管理页 — {@code /admin/components}: how many components of each class and state the county has, the import of a
 * GeoJSON or CSV file with its per-row report, and the export (admins).
 */
@Path("/admin/components")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class ComponentPages {

    /** A class or state with its count. */
    public record Count(String label, long count) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(long total, List<Count> states, List<Count> classes, ComponentImport.Report report, String error);
    }

    private final ComponentImport importer;

    ComponentPages(ComponentImport importer) {
        this.importer = importer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return page(null, null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importFile(@RestForm("file") FileUpload file, @RestForm String crs, @RestForm String replace) {
        try {
            if (file == null || file.size() == 0) {
                throw Problem.badRequest("file", "choose a GeoJSON or CSV file");
            }
            boolean csv = file.fileName() != null && file.fileName().toLowerCase(Locale.ROOT).endsWith(".csv");
            ComponentImport.Report report = importer.importFile(Files.readAllBytes(file.uploadedFile()), csv, Crs.parse(crs),
                    "on".equals(replace));
            return Response.ok(page(report, null)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(null, problem.getMessage())).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private TemplateInstance page(ComponentImport.Report report, String error) {
        var em = CityComponent.getEntityManager();
        List<Count> states = em.createQuery("select c.state, count(c) from CityComponent c group by c.state order by count(c) desc", Object[].class)
                .getResultList().stream().map(r -> new Count(((ComponentState) r[0]).name(), (Long) r[1])).toList();
        List<Count> classes = em.createQuery("select k.name, count(c) from CityComponent c, CaseClass k where k.ref = c.classRef"
                + " group by k.name order by count(c) desc", Object[].class).setMaxResults(30)
                .getResultList().stream().map(r -> new Count((String) r[0], (Long) r[1])).toList();
        return Templates.list(CityComponent.count(), states, classes, report, error);
    }
}
