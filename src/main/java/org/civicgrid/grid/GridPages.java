package org.civicgrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 网格管理页 — {@code /admin/grids}: unit grids per street and community with their work grids and inspectors, the
 * GeoJSON import with its per-feature report, the county boundary, the overlap/gap check and the export (admins).
 */
@Path("/admin/grids")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class GridPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(GridOverview overview, GridImport.Report report, GridOverviews.Topology topology, String message,
                String error);
    }

    private final GridOverviews overviews;
    private final GridImport gridImport;
    private final CountyBoundary boundary;
    private final WorkGrids workGrids;
    private final ObjectMapper json;

    GridPages(GridOverviews overviews, GridImport gridImport, CountyBoundary boundary, WorkGrids workGrids, ObjectMapper json) {
        this.overviews = overviews;
        this.gridImport = gridImport;
        this.boundary = boundary;
        this.workGrids = workGrids;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery boolean check, @RestQuery String saved) {
        return Templates.list(overviews.current(), null, check ? overviews.topology() : null, saved, null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importGrids(@RestForm("file") FileUpload file, @RestForm String replace) {
        try {
            GridImport.Report report = gridImport.importCollection(read(file), "on".equals(replace) || "true".equals(replace));
            return Response.ok(Templates.list(overviews.current(), report, null, null, null)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(Templates.list(overviews.current(), null, null, null, problem.getMessage())).build();
        }
    }

    @POST
    @Path("boundary")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response setBoundary(@RestForm("file") FileUpload file) {
        try {
            boundary.set(read(file));
            return Response.seeOther(URI.create("/admin/grids?saved=boundary")).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(Templates.list(overviews.current(), null, null, null, problem.getMessage())).build();
        }
    }

    /** Gives a work grid its inspectors (the multi-select of the page). */
    @POST
    @Path("work-grids/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("code") String code, @RestForm List<Long> inspectorIds) {
        WorkGrid grid = WorkGrid.byCode(code).orElseThrow(() -> Problem.notFound("work grid " + code));
        Set<Long> inspectors = new TreeSet<>(inspectorIds == null ? List.of() : inspectorIds);
        workGrids.save(code, new WorkGrids.Form(code, grid.name, grid.note, new TreeSet<>(grid.gridCodes), inspectors));
        return Response.seeOther(URI.create("/admin/grids?saved=" + code + "#" + code)).build();
    }

    private JsonNode read(FileUpload file) {
        if (file == null || file.size() == 0) {
            throw Problem.badRequest("file", "choose a GeoJSON file");
        }
        try {
            return json.readTree(Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw Problem.badRequest("file", "the file is not JSON: " + e.getMessage());
        }
    }
}
