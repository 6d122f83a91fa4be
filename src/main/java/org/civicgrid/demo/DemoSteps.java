package org.civicgrid.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.alert.DemoAlertRules;
import org.civicgrid.open311.keys.Open311Keys;
import org.civicgrid.security.FirstAdminSetup;

/**
 * 演示数据步骤 — the demo's steps after the county, in order: unit grids, gazetteer, components, cameras, the
 * Open311 demo key, the alert rules, and the first-admin check (which finds the demo's admin). Each skips a store
 * that has its data.
 */
@ApplicationScoped
class DemoSteps {

    private final DemoGrids grids;
    private final DemoPlaces places;
    private final DemoComponents components;
    private final DemoCameras cameras;
    private final Open311Keys open311;
    private final DemoAlertRules alertRules;
    private final FirstAdminSetup firstAdmin;

    DemoSteps(DemoGrids grids, DemoPlaces places, DemoComponents components, DemoCameras cameras, Open311Keys open311,
            DemoAlertRules alertRules, FirstAdminSetup firstAdmin) {
        this.grids = grids;
        this.places = places;
        this.components = components;
        this.cameras = cameras;
        this.open311 = open311;
        this.alertRules = alertRules;
        this.firstAdmin = firstAdmin;
    }

    void loadRest() {
        grids.loadIfEmpty();
        places.loadIfEmpty();
        components.loadIfEmpty();
        cameras.placeIfEmpty();
        open311.ensureDemoKey();
        alertRules.loadIfEmpty();
        firstAdmin.check();
    }
}
