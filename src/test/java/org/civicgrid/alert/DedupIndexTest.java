package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory duplicate index finds the earliest open case of the class within the radius across latitude bands. */
class DedupIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void findsAcrossBandEdgesOnlyWithinTheRadiusAndTheWindow() {
        DedupIndex index = new DedupIndex(50, Duration.ofHours(24));
        double band = 50 / 111_320.0;
        double edge = Math.floor(35.66 / band) * band; // a band's lower edge
        index.add(new DedupIndex.OpenCase(1, "incident:0301", edge - 0.0001, 117.27, NOW.minusSeconds(60)));
        index.add(new DedupIndex.OpenCase(2, "incident:0301", edge + 0.0001, 117.27, NOW.minusSeconds(120)));
        index.add(new DedupIndex.OpenCase(3, "incident:0301", edge + 0.0003, 117.27, NOW.minus(Duration.ofHours(30))));
        index.add(new DedupIndex.OpenCase(4, "incident:0302", edge, 117.27, NOW.minusSeconds(10)));
        assertEquals(2, index.near("incident:0301", edge - 0.0002, 117.27, NOW).id(), "earliest within 50 m, across the edge");
        assertEquals(1, index.near("incident:0301", edge - 0.0004, 117.27, NOW).id(), "case 2 is 55 m away");
        assertNull(index.near("incident:0301", edge + 0.0008, 117.27, NOW), "case 3 is out of the window, the others too far");
        assertNull(index.near("incident:0301", edge, 117.28, NOW), "900 m east");
        assertEquals(4, index.nearAny(edge + 0.00002, 117.27, NOW).id(), "nearest of any class");
        index.remove(2);
        assertEquals(1, index.near("incident:0301", edge - 0.0002, 117.27, NOW).id());
        assertEquals(3, index.size());
    }
}
