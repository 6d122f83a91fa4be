package org.civicgrid.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.civicgrid.web.Problem;
import org.junit.jupiter.api.Test;

/** WGS84 ↔ GCJ-02: the published offset near Tiananmen, an exact round trip across China, no shift abroad. */
class ChinaCoordinatesTest {

    @Test
    void tiananmenShiftsHundredsOfMetresNorthEast() {
        double[] gcj = ChinaCoordinates.toGcj02(39.908692, 116.397477);
        double dLat = gcj[0] - 39.908692;
        double dLon = gcj[1] - 116.397477;
        assertEquals(0.0014, dLat, 0.0003, "lat offset");
        assertEquals(0.0062, dLon, 0.0003, "lon offset");
        double metres = metres(39.908692, 116.397477, gcj[0], gcj[1]);
        assertTrue(metres > 400 && metres < 700, metres + " m");
    }

    @Test
    void roundTripIsExactAcrossChina() {
        double worst = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                double lat = 18.5 + i * 3.6;
                double lon = 75.0 + j * 6.0;
                double[] gcj = ChinaCoordinates.toGcj02(lat, lon);
                double[] back = ChinaCoordinates.toWgs84(gcj[0], gcj[1]);
                worst = Math.max(worst, metres(lat, lon, back[0], back[1]));
            }
        }
        assertTrue(worst < 0.01, "worst round trip " + worst + " m");
    }

    @Test
    void sishuiRoundTripAndCrsConversion() {
        double[] gcj = ChinaCoordinates.toGcj02(35.66, 117.27);
        double[] back = Crs.parse("GCJ-02").toWgs84(gcj[0], gcj[1]);
        assertTrue(metres(35.66, 117.27, back[0], back[1]) < 0.001);
        assertTrue(metres(35.66, 117.27, gcj[0], gcj[1]) > 100, "the shift is real in Shandong");
        assertArrayEquals(new double[] {35.66, 117.27}, Crs.WGS84.toWgs84(35.66, 117.27));
    }

    @Test
    void outsideChinaNothingMoves() {
        double[][] abroad = {{48.8566, 2.3522}, {-33.8688, 151.2093}, {40.7128, -74.0060}, {60.0, 100.0}, {35.68, 139.9}};
        for (double[] p : abroad) {
            assertArrayEquals(p, ChinaCoordinates.toGcj02(p[0], p[1]));
            assertArrayEquals(p, ChinaCoordinates.toWgs84(p[0], p[1]));
        }
    }

    @Test
    void crsHintsAreRead() {
        assertEquals(Crs.WGS84, Crs.parse(null));
        assertEquals(Crs.WGS84, Crs.parse(" "));
        for (String hint : new String[] {"wgs84", "WGS-84", "EPSG:4326", "epsg:4326"}) {
            assertEquals(Crs.WGS84, Crs.parse(hint), hint);
        }
        for (String hint : new String[] {"gcj02", "GCJ-02", "Gcj02"}) {
            assertEquals(Crs.GCJ02, Crs.parse(hint), hint);
        }
        Problem problem = assertThrows(Problem.class, () -> Crs.parse("bd09"));
        assertEquals("crs", problem.field());
        assertEquals(400, problem.status());
    }

    /** Great-circle distance in metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
    }
}
