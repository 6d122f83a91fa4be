package org.civicgrid.screen;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** No camera feature installed: no devices. */
@DefaultBean
@ApplicationScoped
class NoDeviceHealth implements DeviceHealth {

    @Override
    public Health now() {
        return new Health(0, 0);
    }
}
