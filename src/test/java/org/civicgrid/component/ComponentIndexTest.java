package org.civicgrid.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicgrid.grid.LocalMetres;
import org.junit.jupiter.api.Test;

/** The in-memory component index: within a radius, nearest first, agreeing with a brute-force scan. */
class ComponentIndexTest {

    @Test
    void findsExactlyThePointsWithinTheRadiusNearestFirst() {
        List<ComponentIndex.Entry> entries = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            entries.add(new ComponentIndex.Entry(String.format("37083101370%05d", i), "路灯", "component:0137", ComponentState.INTACT,
                    35.65 + random.nextDouble() * 0.02, 117.26 + random.nextDouble() * 0.02, null));
        }
        ComponentIndex index = ComponentIndex.of(entries, Map.of("component:0137", "路灯"));
        List<ComponentIndex.Hit> hits = index.within(35.66, 117.27, 150);
        long expected = entries.stream().filter(e -> LocalMetres.distance(35.66, 117.27, e.lat(), e.lon()) <= 150).count();
        assertEquals(expected, hits.size());
        assertTrue(hits.size() > 10);
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).distanceM() <= hits.get(i).distanceM());
        }
        assertEquals("路灯", index.className("component:0137"));
        assertNull(index.className("component:0101"));
        assertEquals(5000, index.size());
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertTrue(ComponentIndex.of(List.of(), Map.of()).within(35.66, 117.27, 2000).isEmpty());
    }
}
