package org.civicgrid.portal;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** 门户时间 — {@code {ptime:local(instant)}}: a time as the county reads it ({@code 2026-12-06 14:05}, site time zone). */
@TemplateExtension(namespace = "ptime")
final class PortalTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PortalTimes() {
    }

    static String local(Instant at) {
        if (at == null) {
            return "";
        }
        Clock clock = Arc.container().instance(Clock.class).get();
        return FORMAT.format(at.atZone(clock.getZone()));
    }
}
