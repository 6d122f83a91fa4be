/**
 * Open311 GeoReport v2 — the public machine interface of the centre at {@code /open311/v2/}: discovery, services
 * (one per class of the catalog, filing conditions as attributes), service requests filed as PUBLIC reports through
 * {@link org.civicgrid.cases.CaseIntake}, their status from the case loop, tokens; JSON and XML; API keys in
 * {@link org.civicgrid.open311.keys}.
 */
package org.civicgrid.open311;
