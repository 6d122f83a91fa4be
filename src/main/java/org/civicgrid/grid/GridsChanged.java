package org.civicgrid.grid;

/** 网格变更 — CDI event fired when unit grids or the county boundary change, so the snapshot is rebuilt. */
public record GridsChanged(String what) {
}
