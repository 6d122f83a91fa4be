package org.civicgrid.grid;

import io.quarkus.security.Authenticated;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 地理编码接口 — {@code GET /api/geocode?lat=&lon=&crs=}: the grid, community and street of a point, the nearest
 * components, or a clear "outside" answer. {@code crs=gcj02} for points from Chinese phone map apps; the answer's
 * lat/lon are WGS84.
 */
@Path("/api")
@Authenticated
public class GeocodeApi {

    /** The answer; {@code message} says in words what was found. */
    public record Answer(double lat, double lon, boolean inCounty, boolean inGrid, String gridCode, String gridName,
            String communityCode, String communityName, String streetCode, String streetName,
            List<NearbyComponents.Nearby> nearestComponents, String message) {
    }

    private final Geocoder geocoder;
    private final Instance<NearbyComponents> components;
    private final GridConfig config;

    GeocodeApi(Geocoder geocoder, Instance<NearbyComponents> components, GridConfig config) {
        this.geocoder = geocoder;
        this.components = components;
        this.config = config;
    }

    @GET
    @Path("geocode")
    public Answer locate(@RestQuery Double lat, @RestQuery Double lon, @RestQuery String crs) {
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw Problem.badRequest(lat == null || Math.abs(lat) > 90 ? "lat" : "lon", "give lat and lon in decimal degrees");
        }
        double[] wgs84 = Crs.parse(crs).toWgs84(lat, lon);
        GeoLocation at = geocoder.locate(wgs84[0], wgs84[1]);
        List<NearbyComponents.Nearby> nearest = !at.inCounty() || components.isUnsatisfied() ? List.of()
                : components.get().near(at.lat(), at.lon(), config.nearestComponentsRadiusM(), config.nearestComponents());
        String message = !at.inCounty() ? "outside the county this centre serves"
                : at.inGrid() ? at.streetName() + " " + at.communityName() + " " + at.gridCode()
                : "inside the county but in no unit grid";
        return new Answer(at.lat(), at.lon(), at.inCounty(), at.inGrid(), at.gridCode(), at.gridName(), at.communityCode(),
                at.communityName(), at.streetCode(), at.streetName(), nearest, message);
    }
}
