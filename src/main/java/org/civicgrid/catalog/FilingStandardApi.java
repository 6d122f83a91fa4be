package org.civicgrid.catalog;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.catalog.CatalogViews.ImportReport;
import org.civicgrid.catalog.CatalogViews.StandardForm;
import org.civicgrid.catalog.CatalogViews.StandardView;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 立案标准接口 — {@code /api/filing-standards}: every staff member reads them, admins change, import and export them.
 * The CSV has the columns of the shipped {@code filing_standards_sample.csv} (UTF-8).
 */
@Path("/api/filing-standards")
@Authenticated
public class FilingStandardApi {

    static final String CSV = "text/csv";

    private final FilingStandards standards;

    FilingStandardApi(FilingStandards standards) {
        this.standards = standards;
    }

    /**
     * The standards of all classes (active or not), or those that apply to one class ({@code classRef}): its own,
     * active or not, then the active ones of its counterparts through the mapping.
     */
    @GET
    public List<StandardView> list(@RestQuery String classRef) {
        if (classRef == null || classRef.isBlank()) {
            return FilingStandard.<FilingStandard>allOrdered().stream().map(StandardView::of).toList();
        }
        if (CaseClass.byRef(classRef.trim()).isEmpty()) {
            throw Problem.badRequest("classRef", "unknown class '" + classRef.trim() + "'");
        }
        List<FilingStandard> all = new java.util.ArrayList<>(FilingStandard.allOfClass(classRef.trim()));
        FilingStandard.forClass(classRef.trim()).stream().filter(s -> !s.classRef.equals(classRef.trim())).forEach(all::add);
        return all.stream().map(StandardView::of).toList();
    }

    @GET
    @Path("{id}")
    public StandardView get(@PathParam("id") long id) {
        return FilingStandard.<FilingStandard>findByIdOptional(id).map(StandardView::of)
                .orElseThrow(() -> Problem.notFound("filing standard " + id));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(StandardForm form) {
        FilingStandard created = standards.create(form);
        return Response.created(URI.create("/api/filing-standards/" + created.id)).entity(StandardView.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public StandardView update(@PathParam("id") long id, StandardForm form) {
        return StandardView.of(standards.update(id, form));
    }

    /** The active standards as a CSV file. */
    @GET
    @Path("export.csv")
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed(Role.Names.ADMIN)
    public Response export() {
        return Response.ok(standards.exportCsv()).header("Content-Disposition", "attachment; filename=\"filing_standards.csv\"").build();
    }

    /**
     * Imports a CSV body ({@code text/csv}): {@code {imported, updated, unchanged, rejected: [{line, reason}]}}. Only
     * {@code text/csv}: a browser form on another site cannot send that type (issue 17), so this import cannot be forged.
     */
    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed(Role.Names.ADMIN)
    public ImportReport importCsv(byte[] csv) {
        return standards.importCsv(csv);
    }
}
