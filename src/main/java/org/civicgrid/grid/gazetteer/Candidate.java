package org.civicgrid.grid.gazetteer;

/**
 * 地名候选 (geocoding candidate) — one answer to a gazetteer search, WGS84. {@code matched} says how the query
 * matched ({@code exact}, {@code prefix}, {@code contains}, {@code fuzzy}, {@code door} for a stored door address,
 * {@code interpolated} for a door number placed along its road, {@code road} for a road whose range lacks the
 * number); {@code interpolated} is true when the position was computed, not surveyed.
 */
public record Candidate(String name, PlaceKind kind, String address, double lat, double lon, double score, String matched,
        boolean interpolated) {

    static Candidate of(GazetteerEntry entry, PlaceRanking.Score score) {
        return new Candidate(entry.name(), entry.kind(), entry.address(), entry.lat(), entry.lon(), score.score(), score.matched(),
                false);
    }

    /** The key under which one place answers only once: kind, name and address. */
    String key() {
        return kind + "\n" + name + "\n" + address;
    }
}
