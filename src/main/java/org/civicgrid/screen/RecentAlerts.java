package org.civicgrid.screen;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * 最新告警 — the screen's "recent alerts" panel asks this. The alert feature provides the bean; until it does, the
 * panel is empty ({@link NoRecentAlerts}).
 */
public interface RecentAlerts {

    /** An alert as the screen lists it: when, from where (camera, dock), what, and the case it raised if any. */
    record Line(Instant at, String source, String label, String caseNumber) {
    }

    /** The newest alerts, newest first, worded in the viewer's language. */
    List<Line> recent(int limit, Locale locale);
}
