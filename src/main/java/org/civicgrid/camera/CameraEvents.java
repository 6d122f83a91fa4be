package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.civicgrid.camera.onvif.OnvifDevice.Notification;

/**
 * 摄像机事件入口 — turns a camera's ONVIF notifications into {@link CameraEvent}s for the alert triage and keeps them
 * for the camera page: state restatements ("Initialized") are not events; the state is read from the data items
 * (IsMotion, State, IsInside, IsTamper, LogicalState …); the preset the camera was last sent to goes along.
 */
@ApplicationScoped
public class CameraEvents {

    private static final Set<String> TRUE = Set.of("true", "1", "active", "on");

    private final Event<CameraEvent> events;
    private final Clock clock;
    private final CameraConfig config;
    private final Map<Long, String> lastPreset = new ConcurrentHashMap<>();

    CameraEvents(Event<CameraEvent> events, Clock clock, CameraConfig config) {
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** Raises the events among these notifications; answers how many. */
    public int accept(long cameraId, List<Notification> notifications) {
        int raised = 0;
        for (Notification n : notifications) {
            if (n.initialState()) {
                continue;
            }
            boolean active = n.data().values().stream().anyMatch(v -> v != null && TRUE.contains(v.toLowerCase()));
            CameraEvent event = new CameraEvent(cameraId, n.topic(), n.utcTime() == null ? clock.instant() : n.utcTime(), active, n.source(), n.data(),
                    lastPreset.get(cameraId));
            keep(event);
            events.fire(event);
            raised++;
        }
        return raised;
    }

    /** Remembers where a camera was sent, for the events it raises next. */
    void movedTo(long cameraId, String presetToken) {
        lastPreset.put(cameraId, presetToken);
    }

    private void keep(CameraEvent e) {
        QuarkusTransaction.requiringNew().run(() -> {
            CameraEventRow row = new CameraEventRow();
            row.cameraId = e.cameraId();
            row.topic = e.topic().length() > 200 ? e.topic().substring(0, 200) : e.topic();
            row.occurredAt = e.occurredAt();
            row.active = e.active();
            String details = (e.source().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(" "))
                    + " | " + e.data().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(" "))).trim();
            row.details = details.length() > 1000 ? details.substring(0, 1000) : details;
            row.receivedAt = clock.instant();
            row.persist();
            long kept = CameraEventRow.count("cameraId", e.cameraId());
            if (kept > config.eventsKept()) {
                List<CameraEventRow> oldest = CameraEventRow.<CameraEventRow>find("cameraId = ?1 order by receivedAt, id", e.cameraId())
                        .page(0, (int) (kept - config.eventsKept())).list();
                oldest.forEach(CameraEventRow::delete);
            }
        });
    }
}
