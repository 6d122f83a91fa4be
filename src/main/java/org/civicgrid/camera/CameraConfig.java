package org.civicgrid.camera;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** 视频监控配置 — how the box talks to ONVIF cameras ({@code civicgrid.camera.*}). */
@ConfigMapping(prefix = "civicgrid.camera")
public interface CameraConfig {

    /** Time allowed for one ONVIF call or snapshot download (connect and answer). */
    @WithDefault("5s")
    Duration timeout();

    /** Subscribe to each enabled camera's events (PullPoint) and raise them for the alert triage. */
    @WithDefault("true")
    boolean events();

    /** Lifetime asked for a PullPoint subscription; renewed before it ends. */
    @WithDefault("300s")
    Duration subscriptionTime();

    /** Long-poll time of one PullMessages. */
    @WithDefault("20s")
    Duration pullTimeout();

    /** Most messages taken per PullMessages. */
    @WithDefault("20")
    int messageLimit();

    /** Longest wait before retrying a camera whose events failed (doubling from 2 s). */
    @WithDefault("120s")
    Duration maxBackoff();

    /** Check every ONVIF camera this often; off with {@code health-check=false}. */
    @WithDefault("60s")
    Duration healthInterval();

    /** Run the periodic health check. */
    @WithDefault("true")
    boolean healthCheck();

    /** How long a discovery waits for answers. */
    @WithDefault("3s")
    Duration discoveryTimeout();

    /** Where discovery sends its WS-Discovery Probe: the multicast group, or one host:port. */
    @WithDefault("239.255.255.250:3702")
    String discoveryTarget();

    /** "Look at this case" and "nearby cameras" consider cameras and presets within this many metres. */
    @WithDefault("500")
    double nearbyMetres();

    /** Camera events kept per camera for its page. */
    @WithDefault("200")
    int eventsKept();

    /**
     * PEM file of the certificates of cameras and NVRs reached over https (their self-signed ones): trusted whatever
     * names they carry. Devices with certificates from a public CA need nothing here.
     */
    Optional<Path> trustedCertificates();
}
