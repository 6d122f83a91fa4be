package org.civicgrid.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.gazetteer.PlaceViews.ImportReport;
import org.civicgrid.grid.gazetteer.Places;
import org.jboss.logging.Logger;

/**
 * 演示地名 (demo places) — on start-up in demo mode, after the demo county, fills an empty gazetteer with
 * {@code demo/sishui-places.csv}: about 25 roads with centre lines and door-number ranges, 40 landmarks and 60 door
 * addresses in the county seat of 泗水县 (WGS84). Names and positions are illustrative, not surveyed: they form a
 * plausible street net around 35.66 N, 117.27 E inside the demo grids (lat 35.630–35.690, lon 117.225–117.315).
 */
@ApplicationScoped
public class DemoPlaces {

    static final String RESOURCE = "demo/sishui-places.csv";
    private static final Logger LOG = Logger.getLogger(DemoPlaces.class);

    private final Places places;
    private final org.civicgrid.grid.Geocoder geocoder;

    DemoPlaces(Places places, org.civicgrid.grid.Geocoder geocoder) {
        this.places = places;
        this.geocoder = geocoder;
    }

    /** Loads the demo places into an empty gazetteer; returns false (and changes nothing) otherwise. */
    public boolean loadIfEmpty() {
        if (!places.isEmpty()) {
            return false;
        }
        ImportReport report = places.importCsv(doorsInTheirGrids(read()), Crs.WGS84);
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has refused rows: " + report.rejected());
        }
        LOG.infof("demo gazetteer loaded: %d places", report.imported());
        return true;
    }

    /**
     * The demo's door addresses take their street and community from the unit grid their point lies in (the same
     * lookup the hotline's duplicate panel uses), so 人民路63号 names the community it is in. Door rows have no quoted
     * cells; other rows pass unchanged.
     */
    byte[] doorsInTheirGrids(byte[] csv) {
        String[] lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("door,")) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length < 11) {
                continue;
            }
            var at = geocoder.locate(Double.parseDouble(cells[4]), Double.parseDouble(cells[5]));
            if (at.inGrid() && at.streetName() != null && at.communityName() != null) {
                cells[3] = at.streetName() + " " + at.communityName();
                cells[9] = at.streetCode();
                cells[10] = at.communityCode();
                lines[i] = String.join(",", cells);
            }
        }
        return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
