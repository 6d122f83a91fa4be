package org.civicgrid.map.tiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.grid.Crs;
import org.civicgrid.map.MapConfig;

/**
 * 底图设置存取 — the site's base map: what the admin saved on {@code /admin/basemap} ({@code site_setting}
 * {@value #KEY}), else the installer's {@code civicgrid.map.tile-url}, else offline. Held in memory (pages render it
 * on every map page, possibly on the event loop) and replaced on save.
 */
@ApplicationScoped
public class BaseMapSettings {

    static final String KEY = "map.basemap";
    private static final String SEP = "\n";

    private final MapConfig config;
    private final Clock clock;
    private volatile BaseMapSetting current;

    BaseMapSettings(MapConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        current = load();
    }

    /** The base map in force. */
    public BaseMapSetting current() {
        BaseMapSetting seen = current;
        if (seen == null) {
            seen = load();
            current = seen;
        }
        return seen;
    }

    /** Checks and stores the admin's choice; a bad value is a 400 on its field and nothing is stored. */
    BaseMapSetting save(String tileUrl, String labelUrl, String subdomains, String crs, String attribution) {
        BaseMapSetting setting = BaseMapSetting.of(tileUrl, labelUrl, subdomains, crs, attribution);
        String stored = String.join(SEP, setting.tileUrl(), setting.labelUrl(), setting.subdomains(), setting.crs().name(),
                setting.attribution().replace(SEP, " "));
        QuarkusTransaction.requiringNew().run(() -> SiteSetting.put(KEY, stored, clock.instant()));
        current = setting;
        return setting;
    }

    private BaseMapSetting load() {
        Optional<String> stored = QuarkusTransaction.joiningExisting().call(() -> SiteSetting.get(KEY));
        if (stored.isPresent()) {
            String[] p = (stored.get() + SEP + SEP + SEP + SEP).split(SEP, -1);
            return new BaseMapSetting(p[0], p[1], p[2].isEmpty() ? "abc" : p[2], p[3].isEmpty() ? Crs.WGS84 : Crs.valueOf(p[3]), p[4]);
        }
        return config.tileUrl().filter(u -> !u.isBlank())
                .map(u -> new BaseMapSetting(u.trim(), "", "abc", config.tileCrs(), config.tileAttribution().orElse("")))
                .orElse(BaseMapSetting.OFFLINE);
    }
}
