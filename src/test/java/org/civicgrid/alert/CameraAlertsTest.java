package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.civicgrid.camera.CameraEvent;
import org.civicgrid.camera.CameraPlace;
import org.junit.jupiter.api.Test;

/** An ONVIF camera event becomes an alert of the same triage: keyed by the event, placed at the preset, the end raises nothing. */
class CameraAlertsTest {

    private static final ZoneId SITE = ZoneId.of("Asia/Shanghai");
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void anActiveEventIsALocatedOnvifAlertWithItsRawEvent() {
        CameraEvent event = new CameraEvent(3, "tns1:RuleEngine/FieldDetector/ObjectsInside", Instant.parse("2026-12-06T07:59:58Z"), true,
                Map.of("Rule", "MyFieldDetector"), Map.of("IsInside", "true"), "preset-2");
        AlertStore.Inbound in = CameraAlerts.inbound(event, Optional.of(new CameraPlace(3, "县人民广场北侧", 35.658, 117.27, null)), clock, SITE);
        Alert a = ((Parsed.Ok) in.parsed()).alert();
        assertEquals(AlertSource.ONVIF, a.source());
        assertEquals(event.eventKey(), a.sourceId());
        assertEquals("ObjectsInside", a.label());
        assertEquals("县人民广场北侧", a.device());
        assertEquals(35.658, a.lat());
        assertNull(a.ignoreReason());
        assertEquals("县人民广场北侧 2026-12-06 15:59:58 报告：区域入侵", a.description(), "in words, in the site's time; the key stays in sourceId");
        String raw = new String(in.payload(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("\"IsInside\":\"true\"") && raw.contains("\"presetToken\":\"preset-2\""), raw);
    }

    @Test
    void theEndOfAStateRaisesNothingAndAnUnknownCameraHasNoPosition() {
        CameraEvent end = new CameraEvent(9, "tns1:VideoSource/MotionAlarm", Instant.parse("2026-12-06T07:59:58Z"), false, Map.of(), Map.of(), null);
        Alert a = ((Parsed.Ok) CameraAlerts.inbound(end, Optional.empty(), clock, SITE).parsed()).alert();
        assertTrue(a.ignoreReason().contains("state ended"));
        assertEquals("camera-9", a.device());
        assertNull(a.lat());
    }
}
