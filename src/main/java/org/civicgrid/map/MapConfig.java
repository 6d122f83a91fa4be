package org.civicgrid.map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * 地图配置 — the installer's default base layer under the grids; the admin page {@code /admin/basemap} overrides it, and
 * without a tile URL the maps draw the box's offline vector tiles.
 */
@ConfigMapping(prefix = "civicgrid.map")
public interface MapConfig {

    /**
     * Tile URL template of a base layer ({@code {z}/{x}/{y}}, e.g. a 天地图 URL with the site's key); absent: no base
     * layer, the box needs no internet.
     */
    Optional<String> tileUrl();

    /** Attribution shown for the base layer (the tile provider's required notice). */
    Optional<String> tileAttribution();

    /** Coordinate system of that tile server: {@code WGS84} (also CGCS2000, 天地图) or {@code GCJ02} (高德/腾讯). */
    @WithDefault("WGS84")
    org.civicgrid.grid.Crs tileCrs();
}
