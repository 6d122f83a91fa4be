package org.civicgrid.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 公众门户配置 — limits of the citizens' portal. */
@ConfigMapping(prefix = "civicgrid.portal")
public interface PortalConfig {

    /** Reports (and ratings) accepted from one address within {@link #rateWindow()}; more answer 429. */
    @WithDefault("10")
    int reportsPerWindow();

    /** The window of {@link #reportsPerWindow()}. */
    @WithDefault("PT1H")
    Duration rateWindow();

    /** Largest photo accepted from the public. */
    @WithDefault("8388608")
    long maxPhotoBytes();

    /** At most this many photos with one report. */
    @WithDefault("3")
    int maxPhotos();

    /** How long a challenge question stays valid. */
    @WithDefault("PT20M")
    Duration challengeTtl();

    /**
     * Take the client address from {@code X-Forwarded-For} (only when the box sits behind a reverse proxy that sets
     * it; otherwise anyone could pick their own address and escape the rate limit).
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** The public list shows published cases of this many days back. */
    @WithDefault("30")
    int recentDays();

    /** The department results cover this many days back. */
    @WithDefault("90")
    int resultDays();
}
