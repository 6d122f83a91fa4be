/**
 * 城管通 — the field collector for inspectors (监督员) at {@code /m/}: a phone page installable as a PWA that reports
 * a problem with photo, position (GPS, photo EXIF or a map pick), class and an optional voice note, queues reports
 * while offline and uploads them idempotently; the inspector's 核实/核查 tasks answered with photos; 自处理; and the
 * patrol track ({@code inspector_track}) with the {@code /tracks} page for shift leads and leaders.
 */
package org.civicgrid.collector;
