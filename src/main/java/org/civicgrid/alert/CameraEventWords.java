package org.civicgrid.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * 摄像机事件描述 — what an ONVIF event means in words for a case description: "县人民广场北侧摄像机 2026-12-06 15:59:58
 * 报告：区域入侵". The internal event key stays in the alert row, never in the case.
 */
final class CameraEventWords {

    /** ONVIF topic endings (Profile S/T and the common vendor ones) and their words. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("ObjectsInside", "区域入侵"), Map.entry("FieldDetector", "区域入侵"), Map.entry("Crossed", "越线"),
            Map.entry("LineDetector", "越线"), Map.entry("Tamper", "画面遮挡或移动"), Map.entry("TamperDetector", "画面遮挡或移动"),
            Map.entry("Motion", "画面移动"), Map.entry("MotionAlarm", "画面移动"), Map.entry("CellMotionDetector", "画面移动"),
            Map.entry("Relay", "继电器输出变化"), Map.entry("DigitalInput", "报警输入触发"), Map.entry("SignalLoss", "视频信号丢失"),
            Map.entry("GlobalSceneChange", "场景变化"), Map.entry("LoiteringDetector", "徘徊"), Map.entry("ObjectLeft", "物品遗留"),
            Map.entry("ObjectRemoved", "物品被移走"), Map.entry("FaceDetector", "人脸"), Map.entry("PeopleDetector", "行人"),
            Map.entry("VehicleDetector", "车辆"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CameraEventWords() {
    }

    /** The event of an ONVIF topic in words: the most specific known part, else the topic's last part. */
    static String event(String topic) {
        String[] parts = topic.substring(topic.indexOf(':') + 1).split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String words = WORDS.get(parts[i]);
            if (words != null) {
                return words;
            }
        }
        return parts[parts.length - 1];
    }

    /** The case description: which camera, when (in the site's zone) and what. */
    static String description(String cameraName, String topic, Instant occurredAt, ZoneId zone) {
        String when = occurredAt == null ? "" : " " + TIME.format(occurredAt.atZone(zone));
        return cameraName + when + " 报告：" + event(topic);
    }
}
