package org.civicgrid.map;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** 地图配置 — the optional base layer under the grids; without a tile URL the map draws only the box's own data. */
@ConfigMapping(prefix = "civicgrid.map")
public interface MapConfig {

    /**
     * Tile URL template of a base layer ({@code {z}/{x}/{y}}, e.g. a 天地图 URL with the site's key); absent: no base
     * layer, the box needs no internet.
     */
    Optional<String> tileUrl();

    /** Attribution shown for the base layer (the tile provider's required notice). */
    Optional<String> tileAttribution();
}
