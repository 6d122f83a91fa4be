/**
 * 演示县 — in demo mode fills an empty store with the demo county (泗水县, 370831), off the start path
 * ({@link org.civicgrid.demo.DemoPreparation}): class catalog, streets/towns, communities, departments with their classes
 * and one demo account per role, unit grids, the demo gazetteer (roads, landmarks and door addresses of the county seat,
 * illustrative), components and cameras; then a few months of case history played through the real workflow
 * ({@link org.civicgrid.demo.DemoHistory}, a living demo).
 */
package org.civicgrid.demo;
