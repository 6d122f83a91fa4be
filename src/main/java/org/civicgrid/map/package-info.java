/**
 * 地图 — the staff map page {@code /map}: the county boundary and unit grids drawn from the box's own data, coloured
 * by open cases, open case markers by light, and an optional base-layer tile server from configuration.
 */
package org.civicgrid.map;
