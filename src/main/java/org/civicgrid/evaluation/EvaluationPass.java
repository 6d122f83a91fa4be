package org.civicgrid.evaluation;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 一次计算 — the counts of one evaluation pass: object type → object key (department id, street code …, staff id for
 * posts) → counts by {@link Indicator#ordinal()} (plain arrays: the roll-up adds tens of thousands of rows into six
 * object types).
 */
final class EvaluationPass {

    static final Indicator[] INDICATORS = Indicator.values();
    static final List<EvaluationObject> OBJECTS = List.of(EvaluationObject.values());
    /** The columns the event reads group by: each object type's event key once. */
    static final List<String> EVENT_KEYS = OBJECTS.stream().map(EvaluationObject::eventKey).distinct().toList();
    /** The columns a due case is attributed by (posts answer for no due case). */
    static final List<String> DUE_KEYS = OBJECTS.stream().map(EvaluationObject::dueKey).filter(Objects::nonNull).distinct().toList();
    /** For each object type, the index of its event key in {@link #EVENT_KEYS}. */
    private static final int[] EVENT_KEY = OBJECTS.stream().mapToInt(o -> EVENT_KEYS.indexOf(o.eventKey())).toArray();

    private final Map<EvaluationObject, Map<String, long[]>> counts = new EnumMap<>(EvaluationObject.class);

    EvaluationPass() {
        OBJECTS.forEach(o -> counts.put(o, new HashMap<>()));
    }

    Map<String, long[]> counts(EvaluationObject object) {
        return counts.get(object);
    }

    void add(EvaluationObject object, Object key, Indicator indicator, long n) {
        long[] c = target(object, key);
        if (c != null) {
            c[indicator.ordinal()] += n;
        }
    }

    /** Adds {@code n} of the indicator to every object type's key of an event row, its keys in {@link #EVENT_KEYS} order from {@code offset}. */
    void addEvent(Object[] row, int offset, Indicator indicator, long n) {
        for (int o = 0; o < EVENT_KEY.length; o++) {
            add(OBJECTS.get(o), row[offset + EVENT_KEY[o]], indicator, n);
        }
    }

    /** Adds the counts of another pass (of the same period: the parts read on two connections at once). */
    void addAll(EvaluationPass other) {
        other.counts.forEach((object, byKey) -> byKey.forEach((key, c) -> {
            long[] mine = target(object, key);
            for (int i = 0; i < c.length; i++) {
                mine[i] += c[i];
            }
        }));
    }

    /** The counts of one object (created empty); null for no object (a case without that place, no actor). */
    long[] target(EvaluationObject object, Object key) {
        return key == null ? null : counts.get(object).computeIfAbsent(String.valueOf(key), k -> new long[INDICATORS.length]);
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
