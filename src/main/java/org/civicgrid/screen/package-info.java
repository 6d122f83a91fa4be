/**
 * 指挥大屏 — the command-centre screen {@code /screen} (1920×1080, dark, ECharts) and its figures
 * {@code /api/screen/summary}: counts by source and stage, the 30-day trend, top classes, the departments ranked by
 * 按期结案率, open cases for the live map, and hooks for recent alerts and camera health that the alert and camera
 * features fill in.
 */
package org.civicgrid.screen;
