/**
 * 演示县 — loads the demo county (泗水县, 370831) into an empty store when demo mode is on: streets/towns,
 * communities, departments with their classes and one demo account per role; then the demo gazetteer (roads,
 * landmarks and door addresses of the county seat, illustrative).
 */
package org.civicgrid.demo;
