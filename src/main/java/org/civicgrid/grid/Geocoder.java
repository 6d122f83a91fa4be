package org.civicgrid.grid;

import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.web.Problem;

/**
 * 地理编码 — point → unit grid, community and street, from the in-memory {@link GridSnapshot}. Coordinates are WGS84;
 * convert GCJ-02 input first. The one place that decides whether a point is in the county this centre serves.
 */
@ApplicationScoped
public class Geocoder {

    private final Grids grids;

    Geocoder(Grids grids) {
        this.grids = grids;
    }

    public GeoLocation locate(double lat, double lon) {
        GridSnapshot snapshot = grids.snapshot();
        String code = snapshot.index().locate(lat, lon);
        if (code == null) {
            return new GeoLocation(lat, lon, snapshot.inCounty(lat, lon), null, null, null, null, null, null);
        }
        GridSnapshot.GridInfo grid = snapshot.grids().get(code);
        return new GeoLocation(lat, lon, true, code, grid.name(), grid.communityCode(),
                snapshot.regionNames().get(grid.communityCode()), grid.streetCode(), snapshot.regionNames().get(grid.streetCode()));
    }

    /**
     * The location of a reported point given in {@code crs}, which must be given and lie in the county: 400 naming
     * {@code lat} otherwise. The answer is in WGS84.
     */
    public GeoLocation requireInCounty(Double lat, Double lon, Crs crs) {
        if (lat == null || lon == null) {
            throw Problem.badRequest(lat == null ? "lat" : "lon", "give the position (decimal degrees)");
        }
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw Problem.badRequest("lat", "the point " + lat + "," + lon + " is not a latitude,longitude");
        }
        double[] wgs84 = crs.toWgs84(lat, lon);
        GeoLocation location = locate(wgs84[0], wgs84[1]);
        if (!location.inCounty()) {
            throw Problem.badRequest("lat", "the point " + lat + "," + lon + " is outside the county this centre serves");
        }
        return location;
    }
}
