package org.civicgrid.screen;

/**
 * 设备在线 — how many cameras and docks answer; the camera feature provides the bean, until then none are known
 * ({@link NoDeviceHealth}).
 */
public interface DeviceHealth {

    /** Devices known and how many of them are online now. */
    record Health(int total, int online) {
    }

    Health now();
}
