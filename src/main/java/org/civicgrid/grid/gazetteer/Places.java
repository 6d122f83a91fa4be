package org.civicgrid.grid.gazetteer;

import org.civicgrid.grid.Crs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicgrid.grid.gazetteer.PlaceViews.ImportReport;
import org.civicgrid.grid.gazetteer.PlaceViews.RejectedRow;
import org.civicgrid.web.Problem;

/**
 * 地名管理 (places) — imports and exports the gazetteer's places as CSV. A place is identified by kind, name and
 * address: an import adds new ones and updates known ones, never deletes; a refused row is reported with its line
 * and never stops the others (as the filing-standard import does). The {@link Gazetteer} rebuilds after each change.
 */
@ApplicationScoped
public class Places {

    private final Event<Gazetteer.Changed> changed;

    Places(Event<Gazetteer.Changed> changed) {
        this.changed = changed;
    }

    /** Imports a CSV file whose coordinates are in {@code crs}. */
    @Transactional
    public ImportReport importCsv(byte[] csv, Crs crs) {
        PlaceCsv.Parsed parsed = PlaceCsv.parse(csv);
        List<RejectedRow> rejected = new ArrayList<>(parsed.rejected());
        int imported = 0;
        int updated = 0;
        for (PlaceCsv.Row row : parsed.rows()) {
            try {
                Place place = new Place();
                PlaceCheck.apply(row.form(), crs, place);
                var existing = Place.same(place.kind, place.name, place.address);
                if (existing.isPresent()) {
                    PlaceCheck.apply(row.form(), crs, existing.get());
                    updated++;
                } else {
                    place.persist();
                    imported++;
                }
            } catch (Problem problem) {
                rejected.add(new RejectedRow(row.line(), problem.getMessage()));
            }
        }
        rejected.sort(Comparator.comparingLong(RejectedRow::line));
        changed.fire(new Gazetteer.Changed());
        return new ImportReport(imported, updated, rejected);
    }

    /** All places as CSV in the import's columns, WGS84. */
    @Transactional
    public String exportCsv() {
        return PlaceCsv.write(Place.allOrdered());
    }

    /** Whether the store holds no place at all (the demo loads only then). */
    @Transactional
    public boolean isEmpty() {
        return Place.count() == 0;
    }
}
