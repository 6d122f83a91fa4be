package org.civicgrid.appliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * 时钟 — the one {@link Clock} every feature injects, in the site's time zone ({@link SiteClock}: a thread inside
 * {@link Backdating#at} reads its own earlier instant); tests replace it to be exact.
 */
@ApplicationScoped
public class TimeSource {

    @Produces
    @ApplicationScoped
    Clock clock(ApplianceConfig config) {
        return new SiteClock(ZoneId.of(config.timeZone()));
    }
}
