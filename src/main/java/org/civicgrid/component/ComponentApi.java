package org.civicgrid.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicgrid.component.ComponentViews.Detail;
import org.civicgrid.component.ComponentViews.Item;
import org.civicgrid.component.ComponentViews.ItemPage;
import org.civicgrid.component.ComponentViews.StateChangeView;
import org.civicgrid.component.ComponentViews.StateForm;
import org.civicgrid.grid.Crs;
import org.civicgrid.org.Department;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 部件接口 — {@code /api/components}: every staff member lists and reads components (by grid, class, state, text or
 * near a point); admins import GeoJSON or CSV; admins and leaders export; admins and inspectors record state changes.
 */
@Path("/api/components")
@Authenticated
public class ComponentApi {

    static final double DEFAULT_RADIUS_M = 100;
    static final double MAX_RADIUS_M = 2000;

    private final ComponentQueries queries;
    private final ComponentImport importer;
    private final ComponentStates states;
    private final CurrentUser user;
    private final ObjectMapper json;

    ComponentApi(ComponentQueries queries, ComponentImport importer, ComponentStates states, CurrentUser user, ObjectMapper json) {
        this.queries = queries;
        this.importer = importer;
        this.states = states;
        this.user = user;
        this.json = json;
    }

    /** Components by id, or nearest first within {@code radius} metres (default 100, at most 2000) of {@code near=lat,lon}. */
    @GET
    public ItemPage list(@RestQuery String gridCode, @RestQuery String classCode, @RestQuery String state, @RestQuery String near,
            @RestQuery Double radius, @RestQuery String q, @RestQuery String crs, @RestQuery Integer page, @RestQuery Integer size) {
        ComponentState wanted;
        try {
            wanted = ComponentState.parse(state);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("state", e.getMessage());
        }
        if (radius != null && !(radius > 0 && radius <= MAX_RADIUS_M)) {
            throw Problem.badRequest("radius", "give a radius in metres, more than 0 and at most " + (int) MAX_RADIUS_M);
        }
        var filter = new ComponentQueries.Filter(blank(gridCode), blank(classCode) == null ? null : ComponentCheck.ref(classCode), wanted,
                blank(q), near == null ? null : point(near, crs), radius == null ? DEFAULT_RADIUS_M : radius);
        int pageSize = size == null ? 20 : Math.max(1, Math.min(size, 500));
        return queries.list(filter, page == null ? 0 : Math.max(0, page), pageSize);
    }

    @GET
    @Path("{id}")
    public Detail get(@PathParam("id") String id) {
        CityComponent c = CityComponent.<CityComponent>findByIdOptional(id).orElseThrow(() -> Problem.notFound("component " + id));
        return detail(c);
    }

    /** Records a new state ({@code {state, note}}), e.g. DAMAGED after a patrol; answers the component with its history. */
    @PUT
    @Path("{id}/state")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.INSPECTOR})
    public Detail changeState(@PathParam("id") String id, StateForm form) {
        states.change(id, form, user.username());
        return detail(CityComponent.findById(id));
    }

    /**
     * Imports a GeoJSON FeatureCollection of Points or, with Content-Type {@code text/csv}, a CSV file:
     * {@code {imported, rejected: [{index, id, reason}]}}. {@code crs=gcj02} for 火星 coordinates; {@code replace=true}
     * updates stored ids. Only GeoJSON ({@code application/json}, {@code application/geo+json}) or {@code text/csv}: types a
     * browser form on another site cannot send (issue 17).
     */
    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json", "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    public ComponentImport.Report importComponents(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestQuery String crs, @RestQuery boolean replace) {
        Crs system = Crs.parse(crs);
        boolean csv = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
        return importer.importFile(body, csv, system, replace);
    }

    /** Every component as GeoJSON (default) or CSV, department codes written as codes, ready to import again. */
    @GET
    @Path("export")
    @Produces({"application/geo+json", "text/csv;charset=UTF-8", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public Response export(@RestQuery String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"geojson".equalsIgnoreCase(format)) {
            throw Problem.badRequest("format", "use geojson or csv");
        }
        List<CityComponent> all = CityComponent.listAll(io.quarkus.panache.common.Sort.by("id"));
        Map<Long, String> codes = new HashMap<>();
        Department.<Department>listAll().forEach(d -> codes.put(d.id, d.code));
        Object body = csv ? ComponentCsv.write(all, codes) : ComponentGeoJson.write(json, all, codes);
        return Response.ok(body, csv ? "text/csv;charset=UTF-8" : "application/geo+json")
                .header("Content-Disposition", "attachment; filename=\"components." + (csv ? "csv" : "geojson") + "\"").build();
    }

    private Detail detail(CityComponent c) {
        return new Detail(Item.of(c, queries.className(c.classRef), null),
                ComponentStateChange.of(c.id).stream().map(StateChangeView::of).toList());
    }


    private static double[] point(String near, String crs) {
        String[] parts = near.split(",");
        try {
            if (parts.length == 2) {
                return Crs.parse(crs).toWgs84(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.badRequest("near", "give near=lat,lon in decimal degrees");
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
