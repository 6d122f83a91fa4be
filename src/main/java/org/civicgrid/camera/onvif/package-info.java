/**
 * ONVIF 客户端 — a small ONVIF client of our own (JDK HttpClient + namespace-aware DOM): device and media services
 * with WS-UsernameToken digests corrected for the camera's clock skew ({@link org.civicgrid.camera.onvif.HttpOnvifDevice}),
 * WS-Discovery ({@link org.civicgrid.camera.onvif.WsDiscovery}), the PullPoint event subscription lifecycle
 * ({@link org.civicgrid.camera.onvif.PullPointSession}) and snapshot download with HTTP digest auth
 * ({@link org.civicgrid.camera.onvif.SnapshotFetch}). Tested against recorded real exchanges. README (cameras) says
 * why this replaces the antmedia ONVIF library.
 */
package org.civicgrid.camera.onvif;
