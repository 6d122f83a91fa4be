package org.civicgrid.collector;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 城管通配置 — the field collector: how often the patrol track is sent, how the class picker is ordered. */
@ConfigMapping(prefix = "civicgrid.collector")
public interface CollectorConfig {

    /** While on duty the collector posts its position this often. */
    @WithDefault("PT30S")
    Duration trackInterval();

    /** At most this many track points in one post (a phone that was offline sends its backlog in batches). */
    @WithDefault("500")
    int maxTrackPoints();

    /** The class picker shows the inspector's this-many most used classes first. */
    @WithDefault("8")
    int mostUsedClasses();

    /** Track points older than this are refused (a phone with a wrong clock, a replayed backlog). */
    @WithDefault("P2D")
    Duration maxTrackAge();
}
