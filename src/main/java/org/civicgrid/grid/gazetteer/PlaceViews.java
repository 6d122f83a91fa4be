package org.civicgrid.grid.gazetteer;

import java.util.List;

/** 地名视图 — the JSON shapes of places, searches and imports. */
public final class PlaceViews {

    private PlaceViews() {
    }

    /** Answer of a search: the query as received and the candidates, best first. */
    public record SearchAnswer(String query, List<Candidate> candidates) {
    }

    /** A stored place as the API lists it (WGS84; {@code line} as WKT). */
    public record PlaceView(long id, PlaceKind kind, String name, String alias, String address, double lat, double lon, String line,
            Integer numberFrom, Integer numberTo, String streetCode, String communityCode) {
        static PlaceView of(Place p) {
            return new PlaceView(p.id, p.kind, p.name, p.alias, p.address, p.lat, p.lon, p.line, p.numberFrom, p.numberTo, p.streetCode,
                    p.communityCode);
        }
    }

    /** One place as a CSV row or a form gives it, unchecked; coordinates in the import's coordinate system. */
    public record PlaceForm(String kind, String name, String alias, String address, Double lat, Double lon, String line,
            Integer numberFrom, Integer numberTo, String streetCode, String communityCode) {
    }

    /** Answer of a CSV import: places added, places updated (same kind, name and address), rows refused. */
    public record ImportReport(int imported, int updated, List<RejectedRow> rejected) {
    }

    /** A refused CSV row: its line in the file (the header is line 1) and why. */
    public record RejectedRow(long line, String reason) {
    }
}
