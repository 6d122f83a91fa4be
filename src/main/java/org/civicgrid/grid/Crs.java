package org.civicgrid.grid;

import java.util.Locale;
import org.civicgrid.web.Problem;

/**
 * 坐标系 (coordinate reference system) — the systems coordinates may arrive in: WGS84 (GPS, CGCS2000 to within
 * centimetres, what the store holds) or GCJ-02 (火星坐标 of 高德/腾讯 maps and their pickers). Everything is stored and
 * answered in WGS84; {@link #toWgs84} converts what arrives.
 */
public enum Crs {
    /** WGS84 / EPSG:4326 (also CGCS2000 for this purpose). */
    WGS84,
    /** GCJ-02, the obfuscated system of Chinese web maps. */
    GCJ02;

    /**
     * Reads a hint such as {@code wgs84}, {@code WGS-84}, {@code EPSG:4326}, {@code gcj02} or {@code GCJ-02} (any case);
     * none means WGS84. Anything else is a 400 on field {@code crs}.
     */
    public static Crs parse(String hint) {
        if (hint == null || hint.isBlank()) {
            return WGS84;
        }
        String key = hint.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "WGS84", "EPSG:4326", "CGCS2000", "EPSG:4490" -> WGS84;
            case "GCJ02" -> GCJ02;
            default -> throw Problem.badRequest("crs", "unknown coordinate system '" + hint.trim() + "'; use wgs84 or gcj02");
        };
    }

    /** The point in WGS84, {@code {lat, lon}}. */
    public double[] toWgs84(double lat, double lon) {
        return this == GCJ02 ? ChinaCoordinates.toWgs84(lat, lon) : new double[] {lat, lon};
    }
}
