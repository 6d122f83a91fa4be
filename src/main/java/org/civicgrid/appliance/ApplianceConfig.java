package org.civicgrid.appliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * 设备配置 — the appliance's own settings: where it keeps its data, whether it loads the demo county, who it is.
 */
@ConfigMapping(prefix = "civicgrid")
public interface ApplianceConfig {

    /** Directory holding the SQLite file, attachments and the site's secret key. */
    @WithDefault("./data")
    String dataDir();

    /** Load the demo county (泗水县) on an empty database and allow the demo accounts to sign in. */
    @WithDefault("true")
    boolean demo();

    /** This site's identifier, used in MQTT topics and in events sent upward to the hub. */
    @WithDefault("demo-370831")
    String siteId();

    /** The site's time zone: working hours, deadlines and daily counts follow it. */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** Edge appliance (default) or county/city hub. */
    @WithDefault("edge")
    Mode mode();

    /** Whether this box runs at a supervision centre or collects several centres. */
    enum Mode {
        /** One county/town centre on SQLite. */
        EDGE,
        /** A hub collecting several edges, on PostgreSQL. */
        HUB
    }
}
