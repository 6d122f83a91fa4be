package org.civicgrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.civicgrid.web.WebDelivery;

/**
 * 网格接口 — {@code /api/grids}: every staff member reads grids (list, GeoJSON, one grid, the county boundary);
 * admins import GeoJSON, set the boundary and run the topology check.
 */
@Path("/api/grids")
@Authenticated
public class GridApi {

    /** One grid in a list, without its polygon. */
    public record GridItem(String code, String name, String streetCode, String streetName, String communityCode,
            String communityName, double areaM2, double centreLat, double centreLon) {
    }

    public record GridList(List<GridItem> items, long total) {
    }


    private final GridImport gridImport;
    private final CountyBoundary boundary;
    private final Grids grids;
    private final GridOverviews overviews;
    private final ObjectMapper json;
    private final Clock clock;

    GridApi(GridImport gridImport, CountyBoundary boundary, Grids grids, GridOverviews overviews, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.gridImport = gridImport;
        this.boundary = boundary;
        this.grids = grids;
        this.overviews = overviews;
        this.json = json;
    }

    /**
     * Grids in force today of a street or community (codes), or whose code or name contains {@code q}; ordered by code.
     * {@code all=true} includes retired and future grids.
     */
    @GET
    public GridList list(@RestQuery String street, @RestQuery String community, @RestQuery String q, @RestQuery boolean all) {
        Map<String, String> names = grids.snapshot().regionNames();
        List<GridItem> items = GridQueries.find(street, community, q, all ? null : LocalDate.now(clock)).stream()
                .map(g -> new GridItem(g.code, g.name, g.streetCode, names.get(g.streetCode), g.communityCode,
                        names.get(g.communityCode), g.areaM2, g.centreLat, g.centreLon))
                .toList();
        return new GridList(items, items.size());
    }

    /**
     * The grids as a GeoJSON FeatureCollection (same filters as the list); {@code download=true} saves a file (export).
     * With an ETag: a browser that still holds this body gets a 304 (compressed by the HTTP layer otherwise).
     */
    @GET
    @Path("geojson")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    public Response geoJson(@RestQuery String street, @RestQuery String community, @RestQuery String q, @RestQuery boolean all,
            @RestQuery boolean download, @RestHeader("If-None-Match") String ifNoneMatch) {
        ObjectNode body = GridGeoJson.collection(json, GridQueries.find(street, community, q, all ? null : LocalDate.now(clock)),
                grids.snapshot().regionNames());
        String text = body.toString();
        String etag = WebDelivery.etag(text);
        if (WebDelivery.matches(ifNoneMatch, etag)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", "no-cache").build();
        }
        Response.ResponseBuilder response = Response.ok(text, "application/geo+json").header("ETag", etag).header("Cache-Control", "no-cache");
        if (download) {
            response.header("Content-Disposition", "attachment; filename=\"unit-grids.geojson\"");
        }
        return response.build();
    }

    @GET
    @Path("{code}")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    public ObjectNode get(@PathParam("code") String code) {
        UnitGrid grid = UnitGrid.byCode(code).orElseThrow(() -> Problem.notFound("grid " + code));
        return GridGeoJson.feature(json, grid, grids.snapshot().regionNames());
    }

    /** Imports a GeoJSON FeatureCollection: {@code {imported, rejected: [{index, code, reason}], overlaps, gaps}}. */
    @POST
    @Path("import")
    @RolesAllowed(Role.Names.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public GridImport.Report importGrids(JsonNode collection, @RestQuery boolean replace) {
        return gridImport.importCollection(collection, replace);
    }

    /** Overlaps and gaps of all grids in force (against the county boundary when one is set). */
    @GET
    @Path("topology")
    @RolesAllowed(Role.Names.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public GridOverviews.Topology topology() {
        return overviews.topology();
    }

    @GET
    @Path("boundary")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    public ObjectNode countyBoundary() {
        var geometry = grids.boundary();
        if (geometry == null) {
            throw Problem.notFound("county boundary (none set)");
        }
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.set("geometry", GridGeoJson.geometry(json, geometry));
        feature.putObject("properties").put("areaM2", Math.round(LocalMetres.area(geometry)));
        return feature;
    }

    @PUT
    @Path("boundary")
    @RolesAllowed(Role.Names.ADMIN)
    public Response setCountyBoundary(JsonNode geoJson) {
        boundary.set(geoJson);
        return Response.noContent().build();
    }
}
