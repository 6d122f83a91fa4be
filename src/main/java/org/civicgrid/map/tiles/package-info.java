/**
 * 离线底图 (offline base map) — vector tiles served by the box: a tile archive (MBTiles or PMTiles) in
 * {@code <data-dir>/basemap/}, the box's own archive built from its roads, landmarks and grids when the site brings
 * none, the tile endpoint, and the site's base-map setting (an XYZ tile server with its coordinate system, or the
 * archive) that every map page reads.
 */
package org.civicgrid.map.tiles;
