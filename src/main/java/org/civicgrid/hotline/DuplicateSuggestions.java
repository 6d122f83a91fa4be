package org.civicgrid.hotline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CasesConfig;
import org.civicgrid.cases.DuplicateFinder;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.hotline.HotlineViews.Suggestion;
import org.civicgrid.hotline.HotlineViews.Suggestions;

/**
 * 重复提示 — while the caller talks: where the picked point lies (grid, community, street, or outside the county) and
 * the open cases of the chosen class around it, nearest rule of {@link DuplicateFinder} (same class, radius, window).
 */
@ApplicationScoped
class DuplicateSuggestions {

    private final DuplicateFinder duplicates;
    private final Geocoder geocoder;
    private final CasesConfig cases;
    private final Clock clock;
    private final ZoneId zone;

    DuplicateSuggestions(DuplicateFinder duplicates, Geocoder geocoder, CasesConfig cases, Clock clock, ApplianceConfig appliance) {
        this.duplicates = duplicates;
        this.geocoder = geocoder;
        this.cases = cases;
        this.clock = clock;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    /** Not {@code ready} until both a class and a point are given. */
    Suggestions around(String classCode, Double lat, Double lon) {
        GeoLocation location = lat == null || lon == null ? null : geocoder.locate(lat, lon);
        boolean ready = location != null && classCode != null && !classCode.isBlank();
        List<Suggestion> items = !ready ? List.of() : duplicates.near(classCode.trim(), lat, lon, clock.instant(), null).stream()
                .map(c -> suggestion(c, lat, lon)).toList();
        return new Suggestions(ready, location, items, Math.round(cases.duplicateRadiusMeters()));
    }

    private Suggestion suggestion(CaseFile c, double lat, double lon) {
        return new Suggestion(c.id, c.number, c.stage, c.classCode, c.address, c.description,
                Math.round(DuplicateFinder.distance(lat, lon, c.lat, c.lon)), HotlineViews.time(c.createdAt, zone));
    }
}
