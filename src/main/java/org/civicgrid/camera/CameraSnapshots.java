package org.civicgrid.camera;

import java.util.Optional;

/** 抓拍 — takes a JPEG snapshot from a registered camera now, for a case's evidence. */
public interface CameraSnapshots {

    /** The JPEG bytes, or empty when the camera cannot give one (no ONVIF address, unreachable, refused). */
    Optional<byte[]> take(long cameraId);
}
