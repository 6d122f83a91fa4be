package org.civicgrid.grid.gazetteer;

import org.civicgrid.grid.Crs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicgrid.grid.gazetteer.PlaceViews.ImportReport;
import org.civicgrid.grid.gazetteer.PlaceViews.PlaceView;
import org.civicgrid.grid.gazetteer.PlaceViews.SearchAnswer;
import org.civicgrid.org.Role;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 地名地址接口 (gazetteer API) — {@code GET /api/geocode/search?q=&limit=} turns text into ranked WGS84 candidates
 * for every staff member; {@code /api/places} lists places, admins import ({@code ?crs=wgs84|gcj02}) and export
 * them as CSV in the columns of {@link PlaceCsv#COLUMNS}.
 */
@Path("/api")
@RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
    Role.Names.LEADER, Role.Names.ADMIN})
public class GazetteerApi {

    static final String CSV = "text/csv";

    private final Gazetteer gazetteer;
    private final Places places;

    GazetteerApi(Gazetteer gazetteer, Places places) {
        this.gazetteer = gazetteer;
        this.places = places;
    }

    /** Candidates for a road, landmark or door address, best first ({@code limit} 1–50, default 10). */
    /** 逆地理编码: the nearest door, landmark or numbered road to a picked point (WGS84, or {@code crs=gcj02}). */
    @GET
    @Path("geocode/reverse")
    public Gazetteer.ReverseAnswer reverse(@RestQuery Double lat, @RestQuery Double lon, @RestQuery String crs) {
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw org.civicgrid.web.Problem.badRequest(lat == null || Math.abs(lat) > 90 ? "lat" : "lon", "give lat and lon in decimal degrees");
        }
        double[] wgs84 = Crs.parse(crs).toWgs84(lat, lon);
        return gazetteer.reverse(wgs84[0], wgs84[1], 200);
    }

    /** 离线底图: the roads and landmarks as GeoJSON for Leaflet (with an ETag, compressed by the HTTP layer). */
    @GET
    @Path("basemap")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    public Response baseMap(@org.jboss.resteasy.reactive.RestHeader("If-None-Match") String ifNoneMatch) {
        String body = gazetteer.baseMapGeoJson();
        String etag = org.civicgrid.web.WebDelivery.etag(body);
        if (org.civicgrid.web.WebDelivery.matches(ifNoneMatch, etag)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(body, "application/geo+json").header("ETag", etag).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("geocode/search")
    public SearchAnswer search(@RestQuery String q, @RestQuery @DefaultValue("10") int limit) {
        return new SearchAnswer(q, gazetteer.search(q, limit));
    }

    /** The stored places, all or of one {@code kind} (road, landmark, door), by kind and name. */
    @GET
    @Path("places")
    public List<PlaceView> list(@RestQuery String kind) {
        List<Place> found = kind == null || kind.isBlank() ? Place.allOrdered() : Place.ofKind(PlaceKind.parse("kind", kind));
        return found.stream().map(PlaceView::of).toList();
    }

    /**
     * Imports a CSV body ({@code text/csv}): {@code {imported, updated, rejected: [{line, reason}]}}. Only that type: a
     * browser form on another site cannot send it (issue 17), so this import cannot be forged.
     */
    @POST
    @Path("places/import")
    @Consumes("text/csv")
    @RolesAllowed(Role.Names.ADMIN)
    public ImportReport importCsv(byte[] csv, @RestQuery String crs) {
        return places.importCsv(csv, Crs.parse(crs));
    }

    /** Every place as CSV (WGS84), ready to edit and import again. */
    @GET
    @Path("places/export")
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed(Role.Names.ADMIN)
    public Response export() {
        return Response.ok(places.exportCsv()).header("Content-Disposition", "attachment; filename=\"places.csv\"").build();
    }
}
