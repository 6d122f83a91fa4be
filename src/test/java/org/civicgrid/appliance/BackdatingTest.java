package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The site clock reads a backdated instant on the one thread inside Backdating.at, and the real time elsewhere. */
class BackdatingTest {

    static final Instant PAST = Instant.parse("2026-09-01T01:30:00Z");
    static final Instant EARLIER = Instant.parse("2026-08-01T00:00:00Z");
    final SiteClock clock = new SiteClock(ZoneId.of("Asia/Shanghai"));

    @Test
    void insideTheBlockTheClockReadsThePastAndAfterwardsTheRealTimeAgain() {
        assertEquals(PAST, Backdating.at(PAST, clock::instant));
        assertEquals(PAST.toEpochMilli(), (long) Backdating.at(PAST, clock::millis));
        assertNull(Backdating.current());
        assertTrue(clock.instant().isAfter(PAST.plusSeconds(86_400)), "real time again");
    }

    @Test
    void nestedBlocksRestoreTheOuterInstant() {
        Instant[] seen = new Instant[2];
        Backdating.at(PAST, () -> {
            seen[0] = Backdating.at(EARLIER, clock::instant);
            seen[1] = clock.instant();
            return null;
        });
        assertEquals(EARLIER, seen[0]);
        assertEquals(PAST, seen[1]);
    }

    @Test
    void anotherThreadKeepsTheRealTime() throws Exception {
        Instant other = Backdating.at(PAST, () -> CompletableFuture.supplyAsync(clock::instant).join());
        assertTrue(other.isAfter(PAST.plusSeconds(86_400)), "the other thread is not backdated: " + other);
    }

    @Test
    void anExceptionLeavesTheThreadUnbackdated() {
        try {
            Backdating.at(PAST, () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the block failed
        }
        assertNull(Backdating.current());
    }
}
