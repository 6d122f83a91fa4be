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
    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), Duration.ofSeconds(30), 3, 5);

    @Test
    void guessesAtANameWaitGrowingDelaysNotAFixedLock() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("zhang", "10.0.0.1");
        }
        assertTrue(throttle.isLocked("zhang", "10.0.0.1"));
        assertTrue(throttle.isLocked("zhang", "10.0.0.9"), "an untrusted address waits too");
        clock.advance(Duration.ofSeconds(31));
        assertFalse(throttle.isLocked("zhang", "10.0.0.1"), "the first delay is 30 s");
        throttle.recordFailure("zhang", "10.0.0.1");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(throttle.isLocked("zhang", "10.0.0.1"), "the next delay is 60 s");
        clock.advance(Duration.ofSeconds(30));
        assertFalse(throttle.isLocked("zhang", "10.0.0.1"));
    }

    @Test
    void guessesFromElsewhereNeverStopTheRealUserAtTheirDesk() {
        throttle.recordSuccess("li", "10.0.0.2");
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("li", "203.0.113.9");
        }
        assertTrue(throttle.isLocked("li", "203.0.113.9"), "the guesser waits");
        assertFalse(throttle.isLocked("li", "10.0.0.2"), "the real user, at the address they signed in from, does not");
    }

    @Test
    void inventedNamesFromASharedOfficeAddressSpareItsKnownUsers() {
        throttle.recordSuccess("wang", "10.0.0.7");
        for (int i = 0; i < 40; i++) {
            throttle.recordFailure("nobody" + i, "10.0.0.7");
        }
        assertTrue(throttle.isLocked("newcomer", "10.0.0.7"), "an unknown pair from the guessing address waits");
        assertFalse(throttle.isLocked("wang", "10.0.0.7"), "a person who signed in from there before is not stopped");
        assertFalse(throttle.isLocked("newcomer", "10.0.0.8"), "other addresses are not affected");
    }

    @Test
    void theRealUsersOwnMistakesStillCount() {
        throttle.recordSuccess("zhao", "10.0.0.3");
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("zhao", "10.0.0.3");
        }
        assertTrue(throttle.isLocked("zhao", "10.0.0.3"), "a trusted pair is slowed by its own failures");
        throttle.recordSuccess("zhao", "10.0.0.3");
        assertFalse(throttle.isLocked("zhao", "10.0.0.3"));
    }
}
