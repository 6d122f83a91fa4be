package org.civicgrid.alert;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.OnvifResponder;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 录像回放: a case raised from a registered ONVIF camera that records (Profile G) keeps the camera's replay link for the
 * window around the alert, asked for in the background; a camera without Profile G is simply skipped; a case merged
 * into does not ask the camera again.
 */
@QuarkusTest
class CameraReplayTest {

    @Inject
    AlertStore store;

    @Test
    void aCaseFromARecordingCameraKeepsItsReplayLinkForTheAlertsWindow() {
        try (OnvifResponder camera = new OnvifResponder(Clock.systemUTC())) {
            String name = register(camera);
            Instant at = Instant.parse("2026-12-07T02:30:00Z");
            long caseId = raise(name, at, "incident:0302");
            Await.until("the replay link asked for", Duration.ofSeconds(60), () -> replays(caseId).stream().anyMatch(e -> "LINK".equals(e.status)));
            AlertEvidence replay = replays(caseId).get(0);
            assertEquals("rtsp://127.0.0.1:554/RecordingToken_1", replay.url, "the recording with video, not the metadata one");
            assertEquals(at.minusSeconds(30), replay.windowFrom);
            assertEquals(at.plusSeconds(30), replay.windowTo);
            assertEquals("RecordingToken_1", camera.received("GetReplayUri").get(0).text("RecordingToken"));
            WebSession.signIn("acceptor").page().when().get("/cases/" + caseId).then().statusCode(200)
                    .body(containsString("录像回放")).body(containsString("href=\"rtsp://127.0.0.1:554/RecordingToken_1\""))
                    .body(containsString("时段 2026-12-07 10:29:30 至 2026-12-07 10:30:30"));

            int asked = camera.received("GetReplayUri").size();
            Instant later = at.plusSeconds(20);
            List<AlertStore.Stored> merged = store.write(List.of(inbound(name, "again-" + System.nanoTime(), later)));
            assertEquals(AlertOutcome.MERGED, merged.get(0).outcome());
            assertEquals(caseId, merged.get(0).caseId());
            assertEquals(1, replays(caseId).size(), "a repeat does not ask the camera again");
            assertEquals(asked, camera.received("GetReplayUri").size());
        }
    }

    @Test
    void aCameraWithoutRecordingsIsSkipped() {
        try (OnvifResponder camera = new OnvifResponder(Clock.systemUTC()).withoutRecordings()) {
            String name = register(camera);
            long caseId = raise(name, Instant.now(), "incident:0406"); // another class: never merged into the other test's case
            Await.until("the camera asked and skipped", Duration.ofSeconds(60), () -> replays(caseId).isEmpty() && !camera.received("GetServices").isEmpty());
            assertTrue(camera.received("GetRecordings").isEmpty());
            assertTrue(camera.received("GetReplayUri").isEmpty());
            String page = WebSession.signIn("acceptor").page().when().get("/cases/" + caseId).then().statusCode(200).extract().asString();
            assertTrue(!page.contains("录像回放"), "nothing shown");
        }
    }

    private static String register(OnvifResponder camera) {
        String name = "replay-cam-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "onvifAddress", camera.deviceService(), "username", OnvifResponder.USER,
                "password", OnvifResponder.PASSWORD, "lat", 35.6612, "lon", 117.2655));
        Api.as("admin").body(body).when().post("/api/cameras").then().statusCode(201);
        return name;
    }

    /** A generic camera alert naming the camera as its device, at a spot of its own (no merge into other tests' cases). */
    private long raise(String camera, Instant at, String classCode) {
        this.classCode = classCode;
        List<AlertStore.Stored> stored = store.write(List.of(inbound(camera, "r-" + System.nanoTime(), at)));
        assertEquals(AlertOutcome.CREATED, stored.get(0).outcome(), stored.toString());
        return stored.get(0).caseId();
    }

    /** A spot of this test's own: ~100 m steps (the duplicate radius is 50 m), a new one each run and each test. */
    private final double lat = 35.652 + ThreadLocalRandom.current().nextInt(20) * 0.001;
    private String classCode;
    private final double lon = 117.245 + ThreadLocalRandom.current().nextInt(30) * 0.001;

    private AlertStore.Inbound inbound(String camera, String alertId, Instant at) {
        String json = "{\"alertId\":\"" + alertId + "\",\"kind\":\"camera\",\"classCode\":\"" + classCode + "\",\"confidence\":0.9,\"lat\":" + lat
                + ",\"lon\":" + lon + ",\"occurredAt\":\"" + at + "\"}";
        return new AlertStore.Inbound("civicgrid/alerts/" + camera, json.getBytes(StandardCharsets.UTF_8), Instant.now(), null);
    }

    private static List<AlertEvidence> replays(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> AlertEvidence.<AlertEvidence>list("caseId = ?1 and kind = ?2", caseId, AlertEvidence.REPLAY));
    }
}
