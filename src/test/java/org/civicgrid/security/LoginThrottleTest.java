package org.civicgrid.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5);

    @Test
    void locksAUsernameAtTheLimitAndReleasesItWhenFailuresAge() {
        throttle.recordFailure("zhang", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        throttle.recordFailure("zhang", "10.0.0.1");
        assertFalse(throttle.isLocked("zhang", "10.0.0.9"));
        throttle.recordFailure("zhang", "10.0.0.1");
        assertTrue(throttle.isLocked("zhang", "10.0.0.9"), "locked whatever the address");
        clock.advance(Duration.ofMinutes(10));
        assertFalse(throttle.isLocked("zhang", "10.0.0.9"), "the first failure left the 15-minute window");
    }

    @Test
    void locksAnAddressThatGuessesManyUsernames() {
        for (String user : new String[] {"a", "b", "c", "d", "e"}) {
            throttle.recordFailure(user, "10.0.0.7");
        }
        assertTrue(throttle.isLocked("f", "10.0.0.7"));
        assertFalse(throttle.isLocked("f", "10.0.0.8"));
    }

    @Test
    void successClearsTheUsernameButNotTheAddress() {
        throttle.recordFailure("li", "10.0.0.2");
        throttle.recordFailure("li", "10.0.0.2");
        throttle.recordSuccess("li");
        throttle.recordFailure("li", "10.0.0.2");
        throttle.recordFailure("li", "10.0.0.2");
        assertFalse(throttle.isLocked("li", "10.0.0.3"));
        throttle.recordFailure("li", "10.0.0.2");
        assertTrue(throttle.isLocked("li", "10.0.0.3"));
        assertTrue(throttle.isLocked("wang", "10.0.0.2"), "the address counted all five failures");
    }
}
