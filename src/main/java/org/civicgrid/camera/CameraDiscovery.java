package org.civicgrid.camera;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.camera.CameraViews.DiscoveredView;
import org.civicgrid.camera.onvif.WsDiscovery;
import org.civicgrid.web.Problem;

/** 设备发现 — probes the LAN (or one host) for ONVIF cameras and says which of them are registered already. */
@ApplicationScoped
class CameraDiscovery {

    private final CameraConfig config;

    CameraDiscovery(CameraConfig config) {
        this.config = config;
    }

    List<DiscoveredView> discover(String host) {
        InetSocketAddress target = host == null || host.isBlank() ? target(config.discoveryTarget()) : target(host.contains(":") ? host : host + ":3702");
        List<WsDiscovery.Found> found;
        try {
            found = WsDiscovery.probe(target, config.discoveryTimeout());
        } catch (IOException e) {
            throw new Problem(502, "discovery_failed", null, "cannot send the WS-Discovery probe: " + e.getMessage());
        }
        List<DiscoveredView> views = new ArrayList<>();
        for (WsDiscovery.Found f : found) {
            URI address = f.xaddrs().get(0);
            Long registered = Camera.<Camera>find("onvifAddress", address.toString()).firstResultOptional().map(c -> c.id).orElse(null);
            views.add(new DiscoveredView(f.endpoint(), address.toString(), f.name(), f.hardware(), f.location(), registered));
        }
        return views;
    }

    private static InetSocketAddress target(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress target;
        try {
            target = new InetSocketAddress(hostPort.substring(0, colon).trim(), Integer.parseInt(hostPort.substring(colon + 1).trim()));
        } catch (RuntimeException e) {
            throw Problem.badRequest("address", "give a host or host:port to probe, not " + hostPort);
        }
        if (target.isUnresolved()) {
            throw Problem.badRequest("address", "no such host: " + target.getHostString());
        }
        return target;
    }
}
