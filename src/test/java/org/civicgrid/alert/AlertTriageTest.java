package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civicgrid.alert.AlertTriage.Action;
import org.civicgrid.alert.AlertTriage.Decision;
import org.civicgrid.camera.CameraPlace;
import org.junit.jupiter.api.Test;

/** The pure triage: rules by priority, confidence, active hours, position from alert or camera, review when lost. */
class AlertTriageTest {

    private static final Map<String, CameraPlace> CAMERAS = Map.of(
            "front_cam", new CameraPlace(1, "路口", 35.66, 117.26, "370831001001001"),
            "unplaced", new CameraPlace(2, "未定位", null, null, null));
    private static final Function<String, Optional<CameraPlace>> LOOKUP = name -> Optional.ofNullable(CAMERAS.get(name));
    private static final LocalTime NOON = LocalTime.NOON;

    private static TriageRule rule(long id, int priority, AlertSource source, String label, String zone, String classCode, double min,
            String from, String to, boolean autoFile) {
        return new TriageRule(id, "r" + id, priority, source, label, zone, classCode, null, min, TriageRule.time(from), TriageRule.time(to),
                autoFile, true);
    }

    private static Alert alert(AlertSource source, String device, List<String> labels, List<String> zones, String classCode, Double confidence,
            Double lat, Double lon, AlertKind kind) {
        return new Alert(source, "id-1", "t", device, kind, labels, zones, classCode, confidence, Instant.now(), lat, lon, null, null, null,
                false, null, null);
    }

    @Test
    void firstMatchingRuleByPriorityRaisesAtTheCamera() {
        List<TriageRule> rules = List.of(
                rule(1, 10, AlertSource.FRIGATE, "car", "no_parking", "incident:09009", 0, null, null, true),
                rule(2, 20, AlertSource.FRIGATE, "car", null, "incident:0406", 0, null, null, false));
        Decision inZone = AlertTriage.decide(alert(AlertSource.FRIGATE, "front_cam", List.of("person", "car"), List.of("no_parking"), null, null,
                null, null, AlertKind.CAMERA), rules, LOOKUP, NOON);
        assertEquals(Action.RAISE, inZone.action());
        assertEquals("incident:09009", inZone.classCode());
        assertTrue(inZone.autoFile());
        assertEquals(35.66, inZone.lat());
        assertEquals(1L, inZone.cameraId());
        Decision elsewhere = AlertTriage.decide(alert(AlertSource.FRIGATE, "front_cam", List.of("car"), List.of("yard"), null, null, null, null,
                AlertKind.CAMERA), rules, LOOKUP, NOON);
        assertEquals("incident:0406", elsewhere.classCode());
        assertEquals(2L, elsewhere.ruleId());
    }

    @Test
    void lowConfidenceAndOffHoursRaiseNothing() {
        List<TriageRule> rules = List.of(rule(1, 10, AlertSource.GENERIC, null, null, null, 0.8, "22:00", "06:00", false));
        Alert sure = alert(AlertSource.GENERIC, "cam", List.of(), List.of(), "incident:0406", 0.9, 35.66, 117.26, AlertKind.CAMERA);
        assertEquals(Action.RAISE, AlertTriage.decide(sure, rules, LOOKUP, LocalTime.of(23, 0)).action());
        assertEquals(Action.RAISE, AlertTriage.decide(sure, rules, LOOKUP, LocalTime.of(5, 59)).action());
        Decision day = AlertTriage.decide(sure, rules, LOOKUP, NOON);
        assertEquals(Action.IGNORE, day.action());
        assertTrue(day.reason().contains("active hours"));
        Alert unsure = alert(AlertSource.GENERIC, "cam", List.of(), List.of(), "incident:0406", 0.5, 35.66, 117.26, AlertKind.CAMERA);
        Decision low = AlertTriage.decide(unsure, rules, LOOKUP, LocalTime.of(23, 0));
        assertEquals(Action.IGNORE, low.action());
        assertTrue(low.reason().contains("confidence 0.5"));
    }

    @Test
    void unknownOrUnplacedCameraWithoutPositionGoesToReviewNeverDropped() {
        List<TriageRule> rules = List.of(rule(1, 10, null, "car", null, "incident:09009", 0, null, null, false));
        Decision unknown = AlertTriage.decide(alert(AlertSource.FRIGATE, "nowhere_cam", List.of("car"), List.of(), null, null, null, null,
                AlertKind.CAMERA), rules, LOOKUP, NOON);
        assertEquals(Action.REVIEW, unknown.action());
        assertTrue(unknown.reason().contains("unknown camera nowhere_cam"));
        assertEquals("incident:09009", unknown.classCode());
        Decision unplaced = AlertTriage.decide(alert(AlertSource.FRIGATE, "unplaced", List.of("car"), List.of(), null, null, null, null,
                AlertKind.CAMERA), rules, LOOKUP, NOON);
        assertEquals(Action.REVIEW, unplaced.action());
        assertTrue(unplaced.reason().contains("not placed"));
    }

    @Test
    void ownPositionWinsAndRuleWithoutClassTakesTheAlerts() {
        List<TriageRule> rules = List.of(rule(1, 10, AlertSource.GENERIC, null, null, null, 0, null, null, true));
        Decision d = AlertTriage.decide(alert(AlertSource.GENERIC, "front_cam", List.of(), List.of(), "incident:0406", null, 35.67, 117.27,
                AlertKind.SENSOR), rules, LOOKUP, NOON);
        assertEquals(Action.RAISE, d.action());
        assertEquals("incident:0406", d.classCode());
        assertEquals(35.67, d.lat());
        Decision noClass = AlertTriage.decide(alert(AlertSource.GENERIC, "front_cam", List.of("smoke"), List.of(), null, null, 35.67, 117.27,
                AlertKind.SENSOR), rules, LOOKUP, NOON);
        assertEquals(Action.REVIEW, noClass.action());
    }

    @Test
    void droneFotoWithoutRuleIsEvidenceAndAdapterIgnoresStay() {
        Decision photo = AlertTriage.decide(alert(AlertSource.DJI, "DOCK", List.of("photo"), List.of(), null, null, 35.66, 117.26, AlertKind.DRONE),
                List.of(), LOOKUP, NOON);
        assertEquals(Action.EVIDENCE, photo.action());
        Alert health = new Alert(AlertSource.DJI, "x", "t", "DOCK", AlertKind.HEALTH, List.of("hms"), List.of(), null, null, null, null, null,
                null, null, null, false, "device health", null);
        assertEquals(Action.IGNORE, AlertTriage.decide(health, List.of(rule(1, 1, null, null, null, "incident:0406", 0, null, null, true)),
                LOOKUP, NOON).action());
        Decision none = AlertTriage.decide(alert(AlertSource.FRIGATE, "front_cam", List.of("dog"), List.of(), null, null, null, null,
                AlertKind.CAMERA), List.of(rule(1, 1, null, "car", null, "incident:09009", 0, null, null, false)), LOOKUP, NOON);
        assertEquals(Action.IGNORE, none.action());
        assertEquals("no rule matches", none.reason());
    }
}
