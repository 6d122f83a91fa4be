package org.civicgrid.grid.gazetteer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.civicgrid.web.Problem;

/**
 * 地名地址库 (gazetteer) — text → ranked candidates with WGS84 coordinates, for the hotline desk and any feature
 * that turns a spoken address into a point. The whole {@code place} table (a few thousand rows) is held in memory
 * and rebuilt on the first search after a change has ended; a search never queries the store.
 */
@ApplicationScoped
public class Gazetteer {

    static final int MAX_LIMIT = 50;

    /** Fired by every change of the place table; observed once its transaction has ended. */
    record Changed() {
    }

    private record Snapshot(long version, List<GazetteerEntry> entries) {
    }

    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    /** The best {@code limit} (1–{@value #MAX_LIMIT}) candidates for a text; a blank text is a 400 on field {@code q}. */
    public List<Candidate> search(String text, int limit) {
        if (text == null || PlaceRanking.normalize(text).isEmpty()) {
            throw Problem.badRequest("q", "type a road, place or address");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit", "use 1 to " + MAX_LIMIT);
        }
        return PlaceSearch.search(entries(), text, limit);
    }

    /** After commit or rollback alike: entries read meanwhile may hold uncommitted rows, so always rebuild. */
    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
        changes.incrementAndGet();
    }

    List<GazetteerEntry> entries() {
        long version = changes.get();
        Snapshot seen = snapshot;
        if (seen.version() == version) {
            return seen.entries();
        }
        List<GazetteerEntry> entries = QuarkusTransaction.joiningExisting()
                .call(() -> Place.allOrdered().stream().map(GazetteerEntry::of).toList());
        snapshot = new Snapshot(version, entries);
        return entries;
    }
}
