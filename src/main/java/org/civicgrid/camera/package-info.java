/**
 * 视频监控 — the county's cameras: the registry of where each camera and each PTZ preset looks ({@link
 * org.civicgrid.camera.Camera}, {@link org.civicgrid.camera.CameraPreset}), the {@link
 * org.civicgrid.camera.CameraDirectory} the alert triage asks "where is this camera?", the {@link
 * org.civicgrid.camera.CameraSnapshots} it asks for evidence, and the {@link org.civicgrid.camera.CameraEvent}s a
 * camera raises (ONVIF motion/analytics) that the alert feature turns into alerts.
 */
package org.civicgrid.camera;
