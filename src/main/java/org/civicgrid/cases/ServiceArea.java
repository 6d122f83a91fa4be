package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.web.Problem;

/**
 * 服务区域 — whether a point lies in the county this centre serves. Until unit grids give the exact boundary,
 * the configured bounding box decides.
 */
@ApplicationScoped
class ServiceArea {

    private final double south;
    private final double west;
    private final double north;
    private final double east;

    ServiceArea(CasesConfig config) {
        String[] parts = config.serviceArea().split(",");
        this.south = Double.parseDouble(parts[0].trim());
        this.west = Double.parseDouble(parts[1].trim());
        this.north = Double.parseDouble(parts[2].trim());
        this.east = Double.parseDouble(parts[3].trim());
    }

    void check(Double lat, Double lon) {
        if (lat == null || lon == null) {
            throw Problem.badRequest(lat == null ? "lat" : "lon", "give the position (WGS84 decimal degrees)");
        }
        if (lat < south || lat > north || lon < west || lon > east) {
            throw Problem.badRequest("lat", "the point " + lat + "," + lon + " is outside the county this centre serves");
        }
    }
}
