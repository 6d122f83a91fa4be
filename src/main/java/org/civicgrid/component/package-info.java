/**
 * 部件 — city components (井盖, 路灯, 垃圾箱, 行道树 …): identifiers in both code systems ({@link
 * org.civicgrid.component.ComponentCode}), the stored {@link org.civicgrid.component.CityComponent}, GeoJSON/CSV import
 * and export with per-row reasons, queries, state changes with history, and an in-memory STRtree
 * ({@link org.civicgrid.component.ComponentIndex}) answering "which components are near this point" without a database
 * query. {@link org.civicgrid.component.Components} is the entry point other features use.
 */
package org.civicgrid.component;
