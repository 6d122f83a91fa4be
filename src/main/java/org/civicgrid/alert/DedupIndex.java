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
 * and kept current by the store's writer thread only; not thread-safe on purpose.
 */
final class DedupIndex {

    record OpenCase(long id, String classCode, double lat, double lon, Instant createdAt) {
    }

    private final Map<String, List<OpenCase>> byClass = new HashMap<>();
    private final double radiusMeters;
    private final Duration window;

    DedupIndex(double radiusMeters, Duration window) {
        this.radiusMeters = radiusMeters;
        this.window = window;
    }

    void replaceAll(List<OpenCase> cases) {
        byClass.clear();
        cases.forEach(this::add);
    }

    void add(OpenCase c) {
        byClass.computeIfAbsent(c.classCode(), k -> new ArrayList<>()).add(c);
    }

    void remove(long caseId) {
        byClass.values().forEach(list -> list.removeIf(c -> c.id() == caseId));
    }

    /** The earliest open case of this class within the radius, raised within the window before {@code at}. */
    OpenCase near(String classCode, double lat, double lon, Instant at) {
        List<OpenCase> list = byClass.get(classCode);
        return list == null ? null : closest(list, lat, lon, at, true);
    }

    /** The nearest open case of any class within the radius (a drone photo is evidence for it). */
    OpenCase nearAny(double lat, double lon, Instant at) {
        OpenCase best = null;
        double bestD = Double.MAX_VALUE;
        for (List<OpenCase> list : byClass.values()) {
            OpenCase c = closest(list, lat, lon, at, false);
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

    private OpenCase closest(List<OpenCase> list, double lat, double lon, Instant at, boolean earliest) {
        Instant since = at.minus(window);
        double dLat = radiusMeters / 111_320.0;
        OpenCase best = null;
        double bestD = Double.MAX_VALUE;
        for (OpenCase c : list) {
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
        return best;
    }

    int size() {
        return byClass.values().stream().mapToInt(List::size).sum();
    }
}
