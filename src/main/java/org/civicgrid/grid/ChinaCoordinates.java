package org.civicgrid.grid;

/**
 * 火星坐标 (GCJ-02) — converts between WGS84 and the GCJ-02 coordinates of Chinese web maps (高德, 腾讯, 天地图 tiles
 * are WGS84/CGCS2000, 高德/腾讯 GCJ-02), with the public algorithm on the Krasovsky ellipsoid. Points outside China's
 * rough bounding box are not shifted. {@link #toWgs84} inverts {@link #toGcj02} by fixed-point iteration to well
 * under a millimetre, not by the one-step approximation (off by metres). Arrays are {@code {lat, lon}}.
 */
public final class ChinaCoordinates {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 30;

    private ChinaCoordinates() {
    }

    /** Whether the point lies outside the rough bounding box inside which GCJ-02 differs from WGS84. */
    public static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 → GCJ-02. */
    public static double[] toGcj02(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double x = lon - 105.0;
        double y = lat - 35.0;
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        double dLat = transformLat(x, y) * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        double dLon = transformLon(x, y) * 180.0 / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lat + dLat, lon + dLon};
    }

    /** GCJ-02 → WGS84, the exact inverse of {@link #toGcj02} (iterated until the forward shift matches). */
    public static double[] toWgs84(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double wLat = lat;
        double wLon = lon;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] forward = toGcj02(wLat, wLon);
            double eLat = lat - forward[0];
            double eLon = lon - forward[1];
            wLat += eLat;
            wLon += eLon;
            if (Math.abs(eLat) < TOLERANCE && Math.abs(eLon) < TOLERANCE) {
                break;
            }
        }
        return new double[] {wLat, wLon};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
