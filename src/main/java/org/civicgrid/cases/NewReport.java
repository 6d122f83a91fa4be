package org.civicgrid.cases;

/**
 * 上报内容 — the body of {@code POST /api/cases}: what was seen, where, and by whom (reporter details for public
 * and hotline reports). {@code classCode} is optional until filing. {@code crs} says how lat/lon are given: WGS84
 * (default) or GCJ-02 (Chinese phone map apps); the case stores WGS84. {@code componentId} (部件标识码) links the case
 * to a component: without lat/lon the case takes the component's position, without a class the component's class.
 */
public record NewReport(CaseSource source, String description, Double lat, Double lon, String crs, String classCode, String address,
        String reporterName, String reporterPhone, String componentId) {
}
