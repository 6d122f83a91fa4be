package org.civicgrid.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.camera.CameraDirectory;
import org.civicgrid.camera.CameraEvent;
import org.civicgrid.camera.CameraPlace;

/**
 * 摄像机事件告警 — turns an ONVIF camera event (fired by the camera client) into an alert for the same triage as MQTT
 * alerts: source ONVIF, label = the topic's last part ({@code Motion}, {@code ObjectsInside}, {@code Tamper}), position
 * = the preset's or the camera's; idempotent on {@link CameraEvent#eventKey()}. The end of a state raises nothing.
 */
@ApplicationScoped
class CameraAlerts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertIngest ingest;
    private final CameraDirectory cameras;
    private final Clock clock;
    private final Calendars calendars;

    CameraAlerts(AlertIngest ingest, CameraDirectory cameras, Clock clock, Calendars calendars) {
        this.ingest = ingest;
        this.cameras = cameras;
        this.clock = clock;
        this.calendars = calendars;
    }

    void onEvent(@Observes CameraEvent event) {
        ingest.offer(inbound(event, cameras.atPreset(event.cameraId(), event.presetToken()), clock, calendars.zone()), null, null);
    }

    static AlertStore.Inbound inbound(CameraEvent event, Optional<CameraPlace> place, Clock clock, ZoneId zone) {
        String topic = event.topic();
        String label = topic.substring(topic.lastIndexOf('/') + 1);
        CameraPlace p = place.orElse(null);
        String device = p == null ? "camera-" + event.cameraId() : p.name();
        Alert alert = new Alert(AlertSource.ONVIF, AlertAdapters.limit(event.eventKey(), 200), "onvif:" + topic, device, AlertKind.CAMERA,
                List.of(label), List.of(), null, null, event.occurredAt(), p == null ? null : p.lat(), p == null ? null : p.lon(), null, null,
                CameraEventWords.description(p == null ? "摄像机 " + event.cameraId() : p.name(), topic, event.occurredAt(), zone), false, event.active() ? null : "state ended (" + label + " false)", null);
        // built by hand, not by reflection on the record (native image)
        com.fasterxml.jackson.databind.node.ObjectNode json = JSON.createObjectNode();
        json.put("cameraId", event.cameraId()).put("topic", topic).put("occurredAt", String.valueOf(event.occurredAt()))
                .put("active", event.active()).put("presetToken", event.presetToken());
        if (event.source() != null) {
            event.source().forEach(json.putObject("source")::put);
        }
        if (event.data() != null) {
            event.data().forEach(json.putObject("data")::put);
        }
        byte[] raw = json.toString().getBytes(StandardCharsets.UTF_8);
        return new AlertStore.Inbound("onvif:" + AlertAdapters.limit(topic, 290), raw, clock.instant(), new Parsed.Ok(alert));
    }
}
