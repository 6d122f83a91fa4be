package org.civicgrid.grid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** 网格配置 — site configuration of the spatial feature. */
@ConfigMapping(prefix = "civicgrid.grid")
public interface GridConfig {

    /**
     * The county's bounding box (WGS84: south,west,north,east), used only while the county has no boundary polygon
     * (set by an admin with {@code PUT /api/grids/boundary}, or by the demo).
     */
    @WithDefault("35.45,116.95,35.85,117.65")
    String serviceArea();

    /** Overlaps and gaps smaller than this many square metres are slivers of digitising, not reported. */
    @WithDefault("1.0")
    double sliverAreaM2();

    /** How many nearest components the geocoder lists. */
    @WithDefault("5")
    int nearestComponents();

    /** How far the geocoder looks for nearest components, in metres. */
    @WithDefault("100")
    double nearestComponentsRadiusM();
}
