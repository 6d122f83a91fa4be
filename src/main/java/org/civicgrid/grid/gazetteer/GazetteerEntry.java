package org.civicgrid.grid.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.LineString;

/**
 * 地名条目 (gazetteer entry in memory) — a {@link Place} prepared for searching: names and aliases normalized once,
 * the road line parsed once and, for a door, its road and number read from the name.
 */
record GazetteerEntry(PlaceKind kind, String name, String address, double lat, double lon, List<String> names, LineString line,
        Integer numberFrom, Integer numberTo, Optional<DoorQuery> door) {

    static GazetteerEntry of(Place p) {
        List<String> names = new ArrayList<>();
        names.add(PlaceRanking.normalize(p.name));
        if (p.alias != null) {
            Arrays.stream(p.alias.split("[,，、]")).map(PlaceRanking::normalize).filter(a -> !a.isEmpty()).forEach(names::add);
        }
        LineString line = p.line == null ? null : RoadLine.parse(p.line);
        Optional<DoorQuery> door = p.kind == PlaceKind.DOOR ? DoorQuery.parse(p.name) : Optional.empty();
        return new GazetteerEntry(p.kind, p.name, p.address, p.lat, p.lon, List.copyOf(names), line, p.numberFrom, p.numberTo, door);
    }
}
