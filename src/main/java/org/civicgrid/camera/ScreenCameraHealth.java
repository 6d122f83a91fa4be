package org.civicgrid.camera;

import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.camera.CameraViews.HealthSummary;

/** 设备在线 — the command screen's device count: registered cameras and how many answered their last check. */
@ApplicationScoped
class ScreenCameraHealth implements org.civicgrid.screen.DeviceHealth {

    private final CameraHealthCheck check;

    ScreenCameraHealth(CameraHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health now() {
        HealthSummary s = check.summary();
        return new Health((int) s.total(), (int) s.up());
    }
}
