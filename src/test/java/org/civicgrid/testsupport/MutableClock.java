package org.civicgrid.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The application's clock in tests: follows the system clock until a test pins it, then moves only when told,
 * so deadlines and lights are exact. Replaces the production {@code Clock} producer.
 */
public final class MutableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final MutableClock INSTANCE = new MutableClock();

    private volatile Instant pinned;

    private MutableClock() {
    }

    /** Pins the clock at a local time in Asia/Shanghai. */
    public static void at(String localDateTime) {
        INSTANCE.pinned = ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    public static void advance(Duration duration) {
        INSTANCE.pinned = INSTANCE.instant().plus(duration);
    }

    /** Back to the system clock. */
    public static void release() {
        INSTANCE.pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant backdated = org.civicgrid.appliance.Backdating.current(); // as the production clock: the demo history generator
        if (backdated != null) {
            return backdated;
        }
        Instant p = pinned;
        return p == null ? Instant.now() : p;
    }

    /** Makes this clock the application's clock in @QuarkusTest. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return INSTANCE;
        }
    }
}
