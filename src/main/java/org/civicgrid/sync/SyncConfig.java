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

    /** Events per batch at most (the hub takes up to 5,000). */
    @WithDefault("2000")
    int batchSize();

    /**
     * JSON bytes per batch at most (before compression; estimated per event, {@link SyncProtocol.Event#estimatedBytes}),
     * well under the hub's request limit ({@code quarkus.http.limits.max-body-size}, 10 MB by default): a batch of
     * cases with long descriptions or many photos holds fewer events.
     */
    @WithDefault("4M")
    io.quarkus.runtime.configuration.MemorySize batchBytes();

    /**
     * Batches in flight at once: the edge reads and sends the next while the hub stores the previous; the hub's
     * acknowledgements are taken in order (1 = one batch at a time).
     */
    @WithDefault("3")
    int inFlight();

    /** Compress batches (gzip) when the hub says it takes them: a tenth of the bytes on a town's slow line. */
    @WithDefault("true")
    boolean gzip();

    /**
     * The Quarkus TLS configuration ({@code quarkus.tls.<name>.*}) the relay's HTTPS client uses: its key store holds
     * this site's client certificate for a hub with mutual TLS, its trust store the hub's CA (docs/sync-protocol.md).
     * Without it the JVM's defaults apply.
     */
    Optional<String> tlsConfigurationName();

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
