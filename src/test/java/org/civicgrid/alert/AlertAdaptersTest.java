package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapters on the real payloads of Frigate and DJI (fixtures) and on our own JSON, good and bad. */
class AlertAdaptersTest {

    private final AlertAdapters adapters = new AlertAdapters("frigate", "civicgrid/alerts", "http://frigate.local:5000", 65536, "thing/product");

    static byte[] fixture(String name) {
        try (InputStream in = AlertAdaptersTest.class.getResourceAsStream("/alert/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Alert ok(String topic, byte[] payload) {
        Parsed parsed = adapters.parse(topic, payload);
        if (parsed instanceof Parsed.Rejected r) {
            throw new AssertionError("rejected: " + r.reason());
        }
        return ((Parsed.Ok) parsed).alert();
    }

    private String rejected(String topic, String payload) {
        return assertInstanceOf(Parsed.Rejected.class, adapters.parse(topic, payload.getBytes(StandardCharsets.UTF_8))).reason();
    }

    @Test
    void frigateAlertReviewRaisesWithObjectsZonesAndSnapshot() {
        Alert a = ok("frigate/reviews", fixture("frigate-reviews.json"));
        assertEquals(AlertSource.FRIGATE, a.source());
        assertEquals("1718987129.308396-fqk5ka", a.sourceId());
        assertEquals("front_cam", a.device());
        assertEquals(List.of("person", "car"), a.labels());
        assertEquals(List.of("front_yard"), a.zones());
        assertNull(a.ignoreReason(), "severity alert raises");
        assertEquals("http://frigate.local:5000/api/events/1718987128.947436-g92ztx/snapshot.jpg", a.snapshotUrl());
        assertEquals("http://frigate.local:5000/api/events/1718987128.947436-g92ztx/clip.mp4", a.clipUrl(), "视频片段 beside the snapshot");
        assertEquals(Instant.ofEpochMilli(1718987129308L), a.occurredAt());
    }

    @Test
    void frigateDetectionRaisesNothingAndEndClosesTheEpisode() {
        String detection = new String(fixture("frigate-reviews.json"), StandardCharsets.UTF_8).replace("\"severity\": \"alert\"", "\"severity\": \"detection\"");
        Alert d = ok("frigate/reviews", detection.getBytes(StandardCharsets.UTF_8));
        assertTrue(d.ignoreReason().contains("detection"));
        String end = new String(fixture("frigate-reviews.json"), StandardCharsets.UTF_8).replace("\"type\": \"update\"", "\"type\": \"end\"");
        Alert e = ok("frigate/reviews", end.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.episodeEnd());
    }

    @Test
    void frigateEventCarriesLabelScoreAndZones() {
        Alert a = ok("frigate/events", fixture("frigate-events.json"));
        assertEquals(AlertSource.FRIGATE_EVENT, a.source());
        assertEquals("front_door", a.device());
        assertEquals(List.of("person"), a.labels());
        assertEquals(0.958984375, a.confidence());
        assertTrue(a.zones().containsAll(List.of("yard", "driveway")));
    }

    @Test
    void djiPhotoCallbackIsDroneEvidenceAtTheShootPositionWithReply() {
        Alert a = ok("thing/product/4TADKAQ000002J/events", fixture("dji-file_upload_callback.DERIVED.json"));
        assertEquals(AlertKind.DRONE, a.kind());
        assertEquals(35.66002, a.lat());
        assertEquals(117.26003, a.lon());
        assertEquals("4TADKAQ000002J/1b7e4a90-3c2d-4f1e-8a5b-6c7d8e9f0a1b", a.sourceId());
        assertNull(a.ignoreReason());
        assertEquals("thing/product/4TADKAQ000002J/events_reply", a.reply().topic());
        assertTrue(a.reply().payload().contains("\"result\":0") && a.reply().payload().contains("file_upload_callback"));
    }

    @Test
    void djiHealthAndProgressAreNotCityCases() {
        Alert hms = ok("thing/product/DOCK1/events", fixture("dji-hms.json"));
        assertEquals(AlertKind.HEALTH, hms.kind());
        assertTrue(hms.ignoreReason().contains("device health"));
        assertNull(hms.reply(), "the fixture does not ask for a reply");
        Alert progress = ok("thing/product/DOCK1/events", fixture("dji-flighttask_progress.json"));
        assertTrue(progress.ignoreReason().contains("flighttask_progress"));
    }

    @Test
    void genericAlertIsReadAndKeyedByDeviceAndAlertId() {
        Alert a = ok("civicgrid/alerts/cam-7", ("{\"alertId\":\"a-1\",\"deviceId\":\"cam-7\",\"kind\":\"camera\",\"classCode\":\"incident:0406\","
                + "\"confidence\":0.9,\"occurredAt\":\"2026-12-06T08:00:00Z\",\"lat\":35.66,\"lon\":117.26,\"snapshotUrl\":\"http://cam-7/snap.jpg\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("cam-7/a-1", a.sourceId());
        assertEquals("incident:0406", a.classCode());
        assertEquals(0.9, a.confidence());
        assertEquals(Instant.parse("2026-12-06T08:00:00Z"), a.occurredAt());
        assertEquals("http://cam-7/snap.jpg", a.snapshotUrl());
        assertEquals(null, a.clipUrl(), "our JSON offers no clip");
    }

    @Test
    void aRejectedDjiMessageWaitingForAReplyIsAnsweredWithANonZeroResultWhenIdentifiable() {
        String topic = "thing/product/DOCK1/events";
        Parsed.Rejected stringTime = assertInstanceOf(Parsed.Rejected.class, adapters.parse(topic, ("{\"tid\":\"t-9\",\"bid\":\"b-9\","
                + "\"timestamp\":\"2026-12-07\",\"method\":\"hms\",\"need_reply\":1,\"data\":{}}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(topic + "_reply", stringTime.reply().topic());
        assertTrue(stringTime.reply().payload().contains("\"tid\":\"t-9\"") && stringTime.reply().payload().contains("\"result\":1"),
                stringTime.reply().payload());
        Parsed.Rejected noTid = assertInstanceOf(Parsed.Rejected.class, adapters.parse(topic,
                "{\"timestamp\":1,\"method\":\"hms\",\"need_reply\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, noTid.reply(), "without a tid the dock cannot match a reply");
        Parsed.Rejected noNeed = assertInstanceOf(Parsed.Rejected.class, adapters.parse(topic,
                "{\"tid\":\"t-1\",\"timestamp\":\"x\",\"method\":\"hms\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, noNeed.reply());
    }

    @Test
    void aFrigateTrackedObjectUpdateIsKeptWithItsWordsAndObject() {
        Alert d = ok("frigate/tracked_object_update", "{\"type\":\"description\",\"id\":\"1607123955.475377-mxklsc\",\"description\":\"A red sedan\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(AlertSource.FRIGATE_UPDATE, d.source());
        assertEquals("1607123955.475377-mxklsc", d.frigateEventId());
        assertEquals("A red sedan", d.description());
        assertTrue(d.sourceId().startsWith("1607123955.475377-mxklsc/description/"));
        assertTrue(d.ignoreReason().contains("enriches"));
        Alert plate = ok("frigate/tracked_object_update", "{\"type\":\"lpr\",\"id\":\"x-1\",\"name\":null,\"plate\":\"鲁D12345\",\"score\":0.9}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("车牌 鲁D12345", plate.description());
        assertTrue(rejected("frigate/tracked_object_update", "{\"type\":\"video\",\"id\":\"x\"}").contains("type must be"));
        assertTrue(adapters.subscriptions().contains("frigate/tracked_object_update"));
    }

    @Test
    void badPayloadsAreRejectedWithTheReason() {
        String topic = "civicgrid/alerts/cam-7";
        assertTrue(rejected(topic, "not json at all").startsWith("not JSON"));
        assertTrue(rejected(topic, "[1,2]").contains("not a JSON object"));
        assertTrue(rejected(topic, "{\"deviceId\":\"cam-7\",\"label\":\"x\"}").contains("alertId is missing"));
        assertTrue(rejected(topic, "{\"alertId\":7,\"label\":\"x\"}").contains("alertId must be a string"));
        assertTrue(rejected(topic, "{\"alertId\":\"a\",\"label\":\"x\",\"lat\":\"35\",\"lon\":117}").contains("lat must be a number"));
        assertTrue(rejected(topic, "{\"alertId\":\"a\",\"label\":\"x\",\"lat\":935.6,\"lon\":117}").contains("not a latitude"));
        assertTrue(rejected(topic, "{\"alertId\":\"a\",\"label\":\"x\",\"confidence\":7}").contains("confidence"));
        assertTrue(rejected(topic, "{\"alertId\":\"a\",\"deviceId\":\"other\",\"label\":\"x\"}").contains("does not match"));
        assertTrue(rejected(topic, "{\"alertId\":\"a\"}").contains("label or classCode"));
        String big = "{\"alertId\":\"a\",\"label\":\"x\",\"description\":\"" + "y".repeat(1_000_000) + "\"}";
        assertTrue(rejected(topic, big).contains("larger than 65536"));
        String longDescription = "{\"alertId\":\"a\",\"label\":\"x\",\"description\":\"" + "y".repeat(5000) + "\"}";
        assertTrue(rejected(topic, longDescription).contains("description is longer"));
        assertTrue(rejected("frigate/reviews", "{\"type\":\"new\"}").contains("after is missing"));
        assertTrue(rejected("thing/product/D/events", "{\"tid\":\"t\",\"method\":\"file_upload_callback\",\"data\":{\"file\":{\"metadata\":{}}}}")
                .contains("shoot_position"));
    }

    @Test
    void aRejectedMessageIsKeyedStablySoARedeliveryIsStoredOnce() {
        Parsed.Rejected one = assertInstanceOf(Parsed.Rejected.class, adapters.parse("civicgrid/alerts/x", "garbage".getBytes(StandardCharsets.UTF_8)));
        Parsed.Rejected two = assertInstanceOf(Parsed.Rejected.class, adapters.parse("civicgrid/alerts/x", "garbage".getBytes(StandardCharsets.UTF_8)));
        assertEquals(one.sourceId(), two.sourceId());
        assertEquals(AlertSource.GENERIC, one.source());
    }
}
