package org.civicgrid.open311;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Open311 配置 — the GeoReport v2 adapter: what discovery says, which classes are services, limits. */
@ConfigMapping(prefix = "civicgrid.open311")
public interface Open311Config {

    /** Answer at all: false turns every {@code /open311/v2/} path into 404. */
    @WithDefault("true")
    boolean enabled();

    /** The public base URL of the endpoint as clients reach it (discovery's {@code url}); absent: taken from the request. */
    Optional<String> baseUrl();

    /** Who answers questions about the endpoint (discovery's {@code contact}). */
    @WithDefault("数字化城市管理监督指挥中心")
    String contact();

    /** Where clients ask for an API key (discovery's {@code key_service}). */
    @WithDefault("向中心管理员申请 API key")
    String keyService();

    /**
     * Class references or prefixes offered as services ({@code component:01}, {@code incident:0110}); empty: every
     * active class that has an active 立案条件.
     */
    Optional<List<String>> services();

    /** POST requests accepted per API key within {@link #rateWindow()}; more answer 429. */
    @WithDefault("30")
    int postsPerWindow();

    /** The window of {@link #postsPerWindow()}. */
    @WithDefault("PT1M")
    Duration rateWindow();

    /** GET requests without dates covers this many days back (the spec's default is 90). */
    @WithDefault("90")
    int defaultDays();

    /** At most this many requests in one GET requests answer (the spec's default is 1000). */
    @WithDefault("1000")
    int maxRequests();
}
