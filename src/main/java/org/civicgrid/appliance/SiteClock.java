package org.civicgrid.appliance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** 站点时钟 — the system clock in the site's zone, except on a thread inside {@link Backdating#at}. */
final class SiteClock extends Clock {

    private final Clock system;

    SiteClock(ZoneId zone) {
        this.system = Clock.system(zone);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new SiteClock(zone);
    }

    @Override
    public Instant instant() {
        Instant backdated = Backdating.current();
        return backdated != null ? backdated : system.instant();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
