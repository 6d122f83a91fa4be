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

    /** 逆地理编码的回答 — the text for the address field, what it names, where that is and how far from the pick. */
    public record ReverseAnswer(boolean found, String address, String name, PlaceKind kind, Double lat, Double lon, Long meters) {
    }

    /** The nearest door, landmark or numbered road to a point (within {@code maxMeters}); {@code found=false} otherwise. */
    public ReverseAnswer reverse(double lat, double lon, double maxMeters) {
        return ReverseGeocoder.nearest(entries(), lat, lon, maxMeters)
                .map(f -> new ReverseAnswer(true, f.kind() == PlaceKind.LANDMARK && f.address() != null ? f.name() + "（" + f.address() + "）" : f.name(),
                        f.name(), f.kind(), f.lat(), f.lon(), Math.round(f.meters())))
                .orElse(new ReverseAnswer(false, null, null, null, null, null, null));
    }

    /** 底图要素 — a named road centre line or landmark point for the box's own base map (WGS84, {@code x} = lon). */
    public record MapFeature(PlaceKind kind, String name, org.locationtech.jts.geom.Geometry geometry) {
    }

    /** The roads (lines) and landmarks (points) to draw on the box's own base map. */
    public List<MapFeature> mapFeatures() {
        org.locationtech.jts.geom.GeometryFactory geometry = new org.locationtech.jts.geom.GeometryFactory();
        List<MapFeature> features = new java.util.ArrayList<>();
        for (GazetteerEntry e : entries()) {
            if (e.kind() == PlaceKind.ROAD && e.line() != null) {
                features.add(new MapFeature(e.kind(), e.name(), e.line()));
            } else if (e.kind() == PlaceKind.LANDMARK) {
                features.add(new MapFeature(e.kind(), e.name(), geometry.createPoint(new org.locationtech.jts.geom.Coordinate(e.lon(), e.lat()))));
            }
        }
        return features;
    }

    /**
     * 离线底图 — the box's own base map: its roads (lines) and landmarks (points) with their names as a GeoJSON
     * FeatureCollection, drawn by Leaflet under the grids where no tile server is reachable.
     */
    public String baseMapGeoJson() {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (GazetteerEntry e : entries()) {
            String geometry;
            if (e.kind() == PlaceKind.ROAD && e.line() != null) {
                StringBuilder coords = new StringBuilder();
                for (org.locationtech.jts.geom.Coordinate c : e.line().getCoordinates()) {
                    coords.append(coords.length() == 0 ? "" : ",").append('[').append(c.x).append(',').append(c.y).append(']');
                }
                geometry = "{\"type\":\"LineString\",\"coordinates\":[" + coords + "]}";
            } else if (e.kind() == PlaceKind.LANDMARK) {
                geometry = "{\"type\":\"Point\",\"coordinates\":[" + e.lon() + "," + e.lat() + "]}";
            } else {
                continue;
            }
            out.append(first ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"kind\":\"").append(e.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\",\"name\":").append(quote(e.name())).append("},\"geometry\":").append(geometry).append('}');
            first = false;
        }
        return out.append("]}").toString();
    }

    private static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
