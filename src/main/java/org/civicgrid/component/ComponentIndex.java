package org.civicgrid.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.civicgrid.grid.LocalMetres;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 部件空间索引 — an STRtree of component points with what a list or the geocoder shows of them, answering "which
 * components lie within r metres of this point, nearest first" from memory. Immutable once built; safe to share.
 */
final class ComponentIndex {

    /** One component as the index keeps it. */
    record Entry(String id, String name, String classRef, ComponentState state, double lat, double lon, String gridCode) {
    }

    /** A component found near a point. */
    record Hit(Entry entry, double distanceM) {
    }

    private final STRtree tree = new STRtree();
    private final Map<String, String> classNames;
    private final int size;

    private ComponentIndex(Collection<Entry> entries, Map<String, String> classNames) {
        for (Entry entry : entries) {
            tree.insert(new Envelope(entry.lon(), entry.lon(), entry.lat(), entry.lat()), entry);
        }
        tree.build();
        this.classNames = Map.copyOf(classNames);
        this.size = entries.size();
    }

    /** An index of {@code entries}; {@code classNames} maps class references to names. */
    static ComponentIndex of(Collection<Entry> entries, Map<String, String> classNames) {
        return new ComponentIndex(entries, classNames);
    }

    /** The components within {@code radiusM} metres of the point, nearest first (ties by id). */
    List<Hit> within(double lat, double lon, double radiusM) {
        Coordinate span = LocalMetres.degrees(radiusM, lat);
        Envelope box = new Envelope(lon - span.x, lon + span.x, lat - span.y, lat + span.y);
        List<Hit> hits = new ArrayList<>();
        for (Object item : tree.query(box)) {
            Entry entry = (Entry) item;
            double distance = LocalMetres.distance(lat, lon, entry.lat(), entry.lon());
            if (distance <= radiusM) {
                hits.add(new Hit(entry, distance));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distanceM).thenComparing(hit -> hit.entry().id()));
        return hits;
    }

    /** The name of a class reference, or null when unknown. */
    String className(String classRef) {
        return classNames.get(classRef);
    }

    int size() {
        return size;
    }
}
