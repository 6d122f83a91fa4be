package org.civicgrid.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowLimitTest {

    @Test
    void aKeyGetsItsQuotaPerWindowAndOthersTheirOwn() {
        SlidingWindowLimit<String> limit = new SlidingWindowLimit<>(() -> 2, () -> Duration.ofHours(1));
        assertTrue(limit.tryAcquire("10.0.0.1"));
        assertTrue(limit.tryAcquire("10.0.0.1"));
        assertFalse(limit.tryAcquire("10.0.0.1"), "third in the window refused");
        assertFalse(limit.tryAcquire("10.0.0.1"), "a refusal is not counted, it stays refused");
        assertTrue(limit.tryAcquire("10.0.0.2"), "another address has its own window");
    }

    @Test
    void theWindowSlides() throws InterruptedException {
        SlidingWindowLimit<Long> limit = new SlidingWindowLimit<>(() -> 1, () -> Duration.ofMillis(50));
        assertTrue(limit.tryAcquire(7L));
        assertFalse(limit.tryAcquire(7L));
        Thread.sleep(80);
        assertTrue(limit.tryAcquire(7L), "after the window the key may act again");
    }

    @Test
    void manyAddressesSeenOnceAreNotAllKept() throws InterruptedException {
        SlidingWindowLimit<Integer> limit = new SlidingWindowLimit<>(() -> 1, () -> Duration.ofMillis(20));
        for (int i = 0; i < 2000; i++) {
            limit.tryAcquire(i);
        }
        Thread.sleep(40);
        limit.tryAcquire(-1);
        assertTrue(limit.keysHeld() <= 1, "emptied windows dropped, held " + limit.keysHeld());
    }
}
