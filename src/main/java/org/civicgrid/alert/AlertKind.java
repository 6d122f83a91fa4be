package org.civicgrid.alert;

/** 告警设备类别 — what kind of device raised an alert. */
public enum AlertKind {
    /** 摄像机 */
    CAMERA,
    /** 无人机 */
    DRONE,
    /** 传感器 */
    SENSOR,
    /** 设备健康 (DJI hms): about the device itself, never a city case. */
    HEALTH;

    static AlertKind parse(String text) {
        if (text == null) {
            return CAMERA;
        }
        return switch (text.trim().toLowerCase()) {
            case "camera" -> CAMERA;
            case "drone" -> DRONE;
            case "sensor" -> SENSOR;
            default -> throw new IllegalArgumentException("kind must be camera, drone or sensor, not '" + text + "'");
        };
    }
}
