package org.civicgrid.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.DuplicateFinder;

/**
 * 重复上报索引 — the open cases of the last duplicate window, by class, in memory, so the alert store decides "same
 * class within R metres and T hours" without a query per alert. Filled from the store (every case, whoever raised it)
 * and kept current by the store's writer thread only; not thread-safe on purpose. Within a class the cases lie in bands
 * of latitude one radius wide, so a lookup reads three bands, not every open case of the class (a storm of new cases
 * of one class made that quadratic).
 */
final class DedupIndex {

    record OpenCase(long id, String classCode, double lat, double lon, Instant createdAt) {
    }

    private final Map<String, Map<Long, List<OpenCase>>> byClass = new HashMap<>();
    private final double radiusMeters;
    private final double bandDegrees;
    private final Duration window;

    DedupIndex(double radiusMeters, Duration window) {
        this.radiusMeters = radiusMeters;
        this.bandDegrees = Math.max(radiusMeters, 1.0) / 111_320.0;
        this.window = window;
    }

    private long band(double lat) {
        return (long) Math.floor(lat / bandDegrees);
    }

    void replaceAll(List<OpenCase> cases) {
        byClass.clear();
        cases.forEach(this::add);
    }

    void add(OpenCase c) {
        byClass.computeIfAbsent(c.classCode(), k -> new HashMap<>()).computeIfAbsent(band(c.lat()), k -> new ArrayList<>()).add(c);
    }

    void remove(long caseId) {
        byClass.values().forEach(bands -> bands.values().forEach(list -> list.removeIf(c -> c.id() == caseId)));
    }

    /** The earliest open case of this class within the radius, raised within the window before {@code at}. */
    OpenCase near(String classCode, double lat, double lon, Instant at) {
        Map<Long, List<OpenCase>> bands = byClass.get(classCode);
        return bands == null ? null : closest(bands, lat, lon, at, true);
    }

    /** The nearest open case of any class within the radius (a drone photo is evidence for it). */
    OpenCase nearAny(double lat, double lon, Instant at) {
        OpenCase best = null;
        double bestD = Double.MAX_VALUE;
        for (Map<Long, List<OpenCase>> bands : byClass.values()) {
            OpenCase c = closest(bands, lat, lon, at, false);
            if (c != null) {
                double d = DuplicateFinder.distance(lat, lon, c.lat(), c.lon());
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        return best;
    }

    private OpenCase closest(Map<Long, List<OpenCase>> bands, double lat, double lon, Instant at, boolean earliest) {
        Instant since = at.minus(window);
        double dLat = radiusMeters / 111_320.0;
        OpenCase best = null;
        double bestD = Double.MAX_VALUE;
        long middle = band(lat);
        for (long b = middle - 1; b <= middle + 1; b++) {
            for (OpenCase c : bands.getOrDefault(b, List.of())) {
                if (c.createdAt().isBefore(since) || Math.abs(c.lat() - lat) > dLat) {
                    continue;
                }
                double d = DuplicateFinder.distance(lat, lon, c.lat(), c.lon());
                if (d > radiusMeters) {
                    continue;
                }
                if (earliest) {
                    if (best == null || c.createdAt().isBefore(best.createdAt())) {
                        best = c;
                    }
                } else if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        return best;
    }

    int size() {
        return byClass.values().stream().flatMap(bands -> bands.values().stream()).mapToInt(List::size).sum();
    }
}
