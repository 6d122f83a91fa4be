/**
 * 设备 — the appliance itself: its configuration, data directory and site secret, clock and site settings.
 * No feature logic.
 */
package org.civicgrid.appliance;
