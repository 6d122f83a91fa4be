package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.StringJoiner;
import org.civicgrid.grid.UnitGrid;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * 公众底图 — the unit grids in force as a GeoJSON FeatureCollection (shape and name only), so the portal's map shows the
 * county's blocks even without a tile server.
 */
@ApplicationScoped
class PublicGrids {

    private final Clock clock;

    PublicGrids(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    String geoJson() {
        LocalDate today = LocalDate.now(clock);
        WKTReader reader = new WKTReader();
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        StringJoiner features = new StringJoiner(",", "{\"type\":\"FeatureCollection\",\"features\":[", "]}");
        for (UnitGrid g : UnitGrid.allOrdered()) {
            if ((g.validFrom != null && g.validFrom.isAfter(today)) || (g.validTo != null && g.validTo.isBefore(today))) {
                continue;
            }
            try {
                features.add("{\"type\":\"Feature\",\"properties\":{\"name\":" + quote(g.name) + "},\"geometry\":"
                        + writer.write(reader.read(g.geometryWkt)) + "}");
            } catch (ParseException e) {
                // a grid that does not parse is left off the public map
            }
        }
        return features.toString();
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
