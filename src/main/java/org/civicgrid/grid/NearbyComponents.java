package org.civicgrid.grid;

import java.util.List;

/**
 * 附近部件 — what the component feature offers the geocoder: the components nearest a point. Kept as an interface here
 * so the grid feature does not depend on the component feature (which depends on grids).
 */
public interface NearbyComponents {

    /** A component near the point, with its distance. */
    record Nearby(String id, String name, String classRef, String className, String state, double lat, double lon, double distanceM) {
    }

    List<Nearby> near(double lat, double lon, double radiusM, int limit);
}
