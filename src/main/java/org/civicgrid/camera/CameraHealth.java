package org.civicgrid.camera;

/** 在线状态 — whether a camera answers its ONVIF device service. */
public enum CameraHealth {
    /** Not checked yet, or no ONVIF address (a camera known only through Frigate). */
    UNKNOWN,
    /** Answered the last check. */
    UP,
    /** Did not answer the last check. */
    DOWN,
    /** Answered but refused the stored user name or password. */
    REFUSED,
    /** Answered, but not as an ONVIF camera (a web server, garbage, a SOAP fault for a mandatory call). */
    FAULTY;

    /** Shown red on the camera page and the 大屏. */
    public boolean alarming() {
        return this == DOWN || this == REFUSED || this == FAULTY;
    }
}
