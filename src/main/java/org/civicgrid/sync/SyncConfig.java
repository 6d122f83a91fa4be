package org.civicgrid.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * 上报配置 — where the hub is ({@code civicgrid.hub.url}) and the site's token ({@code civicgrid.hub.token}, sealed
 * {@code v1:…} or clear; an admin may also set both through {@code PUT /api/sync/hub}, which stores the token
 * sealed), and how the relay paces itself.
 */
@ConfigMapping(prefix = "civicgrid.hub")
public interface SyncConfig {

    /** Base URL of the hub, e.g. {@code https://county.example.cn}; without it nothing is sent. */
    Optional<String> url();

    /** The token the hub issued for this site. */
    Optional<String> token();

    /** Whether the scheduler runs the relay (tests drive it by hand). */
    @WithDefault("true")
    boolean relay();

    /** How often the relay looks for work (the scheduler's {@code every}, e.g. {@code 5s}). */
    @WithDefault("5s")
    String interval();

    /** Events per batch. */
    @WithDefault("500")
    int batchSize();

    /** First retry after a failure; doubles per failure up to {@link #backoffMax}, with jitter. */
    @WithDefault("5s")
    Duration backoffMin();

    @WithDefault("10m")
    Duration backoffMax();

    /** How long one relay run may keep sending batches before it yields to the next tick. */
    @WithDefault("50s")
    Duration runBudget();

    /** Per-request timeout. */
    @WithDefault("30s")
    Duration timeout();
}
