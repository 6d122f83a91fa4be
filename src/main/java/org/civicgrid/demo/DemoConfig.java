package org.civicgrid.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * 演示数据设置 ({@code civicgrid.demo-data.*}) — how the demo county is prepared on a first start (only while
 * {@code civicgrid.demo} is true): in the background behind a "正在准备演示数据" notice, or during start-up; and whether
 * it gets a few months of case history played through the real workflow ({@link DemoHistory}).
 */
@ConfigMapping(prefix = "civicgrid.demo-data")
public interface DemoConfig {

    /**
     * Prepare the demo (class catalog, county, grids, gazetteer, components, cameras) on a background thread after
     * start-up, so the login page answers at once; readiness is DOWN until it is done. False: during start-up, as
     * the tests need.
     */
    @WithDefault("true")
    boolean background();

    /** Generate the demo's case history (a living demo) once the county is prepared; only into a store it just filled. */
    @WithDefault("true")
    boolean history();

    /** How many days of history, ending yesterday. */
    @WithDefault("91")
    int historyDays();

    /** Average new cases per day of history (fewer on weekends and holidays). */
    @WithDefault("8")
    int historyCasesPerDay();

    /** Seed of the history's random choices: the same seed gives the same history. */
    @WithDefault("370831")
    long historySeed();
}
