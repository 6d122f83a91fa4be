package org.civicgrid.alert;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.civicgrid.camera.CameraPlace;

/**
 * 告警研判 — the pure decision for one alert: the first enabled rule (by priority) whose source, label, zone,
 * confidence and active hours match gives the class, 立案条件 and whether to auto-file; the position is the alert's
 * own, else its camera's (or preset's). An alert that would raise a case but has no position (unknown or unplaced
 * camera) or no class goes to the acceptor's review queue — never dropped. A drone photo that no rule classes is
 * evidence for a case near where it was shot.
 */
public final class AlertTriage {

    private AlertTriage() {
    }

    /** What to do with an alert. */
    public enum Action {
        /** Raise (or merge into) a case of {@code classCode}. */
        RAISE,
        /** Attach to an open case near the position, else review. */
        EVIDENCE,
        /** The acceptor's review queue. */
        REVIEW,
        /** Keep, raise nothing. */
        IGNORE
    }

    /** The decision: action, reason (for review/ignore), class, 立案条件, auto-file, position, the rule and the camera. */
    public record Decision(Action action, String reason, String classCode, Long standardId, boolean autoFile, Double lat, Double lon,
            Long ruleId, Long cameraId) {

        static Decision ignore(String reason, Long ruleId) {
            return new Decision(Action.IGNORE, reason, null, null, false, null, null, ruleId, null);
        }
    }

    public static Decision decide(Alert alert, List<TriageRule> rules, Function<String, Optional<CameraPlace>> cameras, LocalTime now) {
        if (alert.ignoreReason() != null) {
            return Decision.ignore(alert.ignoreReason(), null);
        }
        Optional<CameraPlace> camera = alert.device() == null ? Optional.empty() : cameras.apply(alert.device());
        Double lat = alert.lat();
        Double lon = alert.lon();
        if (!alert.located() && camera.isPresent() && camera.get().located()) {
            lat = camera.get().lat();
            lon = camera.get().lon();
        }
        Long cameraId = camera.map(CameraPlace::cameraId).orElse(null);
        String missed = "no rule matches";
        for (TriageRule rule : rules) {
            if (!rule.enabled() || !matches(rule, alert)) {
                continue;
            }
            if (alert.confidence() != null && alert.confidence() < rule.minConfidence()) {
                missed = "confidence " + alert.confidence() + " below " + rule.minConfidence() + " of rule " + rule.name();
                continue;
            }
            if (!rule.activeAt(now)) {
                missed = "outside the active hours " + rule.activeFrom() + "–" + rule.activeTo() + " of rule " + rule.name();
                continue;
            }
            String classCode = rule.classCode() != null ? rule.classCode() : alert.classCode();
            if (classCode == null) {
                return new Decision(Action.REVIEW, "rule " + rule.name() + " gives no class", null, null, false, lat, lon, rule.id(), cameraId);
            }
            if (lat == null || lon == null) {
                String why = alert.device() == null ? "no position and no device"
                        : camera.isEmpty() ? "unknown camera " + alert.device() + " and no position in the alert"
                        : "camera " + alert.device() + " is not placed on the map";
                return new Decision(Action.REVIEW, why, classCode, rule.standardId(), rule.autoFile(), null, null, rule.id(), cameraId);
            }
            return new Decision(Action.RAISE, null, classCode, rule.standardId(), rule.autoFile(), lat, lon, rule.id(), cameraId);
        }
        if (alert.kind() == AlertKind.DRONE && alert.located()) {
            return new Decision(Action.EVIDENCE, null, null, null, false, lat, lon, null, cameraId);
        }
        return new Decision(Action.IGNORE, missed, null, null, false, lat, lon, null, cameraId);
    }

    private static boolean matches(TriageRule rule, Alert alert) {
        if (rule.source() != null && rule.source() != alert.source()) {
            return false;
        }
        if (rule.label() != null && alert.labels().stream().noneMatch(rule.label()::equalsIgnoreCase)) {
            return false;
        }
        return rule.zone() == null || alert.zones().stream().anyMatch(rule.zone()::equalsIgnoreCase);
    }
}
