/**
 * 单元网格与地理编码 — the spatial half of 数字城管: unit grids (万米单元网格, 15-character codes), work grids
 * (工作网格, assigned to inspectors), the county boundary, the in-memory {@link org.civicgrid.grid.GridIndex} and the
 * {@link org.civicgrid.grid.Geocoder} that turns a point into grid, community and street.
 */
package org.civicgrid.grid;
