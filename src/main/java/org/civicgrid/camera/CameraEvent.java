package org.civicgrid.camera;

import java.time.Instant;
import java.util.Map;

/**
 * 摄像机事件 — an event a camera raised itself (ONVIF notification such as {@code tns1:VideoSource/MotionAlarm} or
 * {@code tns1:RuleEngine/FieldDetector/ObjectsInside}), fired as a CDI event for the alert triage.
 *
 * @param cameraId    the registry id of the camera
 * @param topic       the ONVIF topic, prefix kept ({@code tns1:RuleEngine/CellMotionDetector/Motion})
 * @param occurredAt  the camera's UtcTime of the message
 * @param active      whether the state became true (start of motion) or false (end)
 * @param source      the message's Source items (VideoSourceConfigurationToken, Rule …)
 * @param data        the message's Data items (IsMotion, ObjectId …)
 * @param presetToken the PTZ preset the camera was at, when known
 */
public record CameraEvent(long cameraId, String topic, Instant occurredAt, boolean active, Map<String, String> source,
        Map<String, String> data, String presetToken) {

    /** The id that makes a redelivered event idempotent: camera, topic, time and state. */
    public String eventKey() {
        return cameraId + "|" + topic + "|" + occurredAt.toEpochMilli() + "|" + active;
    }
}
