package org.civicgrid.camera;

/** Fired (in the writing transaction) whenever a camera or preset is added, moved, renamed or removed. */
public record CamerasChanged() {
}
