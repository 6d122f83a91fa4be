package org.civicgrid.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.util.Set;

/** 日历配置 — the parts of the working calendar that are site configuration rather than yearly admin data. */
@ConfigMapping(prefix = "civicgrid.calendar")
public interface CalendarConfig {

    /** Days of the week that are days off, unless the admin marks a date as a 调休 make-up working day. */
    @WithDefault("SATURDAY,SUNDAY")
    Set<DayOfWeek> weekend();

    /** Working periods of a working day until an admin saves the site's own on /admin/calendar. */
    @WithDefault("08:00-12:00,14:00-18:00")
    String workingPeriods();
}
