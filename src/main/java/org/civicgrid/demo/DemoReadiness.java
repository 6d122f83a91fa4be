package org.civicgrid.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * 演示数据就绪 — {@code /q/health/ready} is DOWN while the demo county is being loaded in the background (the demo
 * accounts cannot sign in yet); the history generation that follows does not hold readiness back.
 */
@Readiness
@ApplicationScoped
class DemoReadiness implements HealthCheck {

    private final DemoPreparation preparation;

    DemoReadiness(DemoPreparation preparation) {
        this.preparation = preparation;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("demo-data").status(!preparation.preparing())
                .withData("phase", preparation.phase().name()).build();
    }
}
