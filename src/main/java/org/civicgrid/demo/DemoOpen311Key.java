package org.civicgrid.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.open311.keys.Open311Keys;

/** 演示接口密钥 — in demo mode the box answers Open311 clients that send the key {@code civicgrid-demo}. */
@ApplicationScoped
class DemoOpen311Key {

    private final ApplianceConfig appliance;
    private final Open311Keys keys;

    DemoOpen311Key(ApplianceConfig appliance, Open311Keys keys) {
        this.appliance = appliance;
        this.keys = keys;
    }

    void onStart(@Observes @Priority(1200) StartupEvent event) {
        if (appliance.demo()) {
            keys.ensureDemoKey();
        }
    }
}
