/**
 * 地名地址库 — the gazetteer of roads, landmarks and door numbers that the hotline desk searches: text → ranked
 * candidates with WGS84 coordinates, door numbers placed along their road when no exact door address is stored.
 */
package org.civicgrid.grid.gazetteer;
