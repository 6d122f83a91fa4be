package org.civicgrid.alert;

import static org.civicgrid.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicgrid.testsupport.DataDirs;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts end to end through the REAL Mosquitto on 127.0.0.1:1883 with the fixtures: a Frigate alert review raises one
 * case, a replay none; a nearby repeat merges; bad payloads are rejected and ingestion goes on; a DJI photo is evidence
 * at its shoot position (and the dock gets its events_reply); an unknown camera waits for the acceptor.
 */
@QuarkusTest
@TestProfile(AlertMqttTest.Broker.class)
class AlertMqttTest {

    /** Topics of this run only (the broker is shared), its own data directory, the link on. */
    public static class Broker implements QuarkusTestProfile {
        /** Same in the profile's and the test's class loader: this JVM's pid and start time. */
        static final String RUN = "t" + ProcessHandle.current().pid() + "x"
                + ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L) % 100000;
        static final String DIR = "target/test-alert";

        @Override
        public Map<String, String> getConfigOverrides() {
            DataDirs.wipe(Path.of(DIR));
            return Map.ofEntries(Map.entry("civicgrid.data-dir", DIR), Map.entry("civicgrid.mqtt.enabled", "true"), Map.entry("civicgrid.mqtt.port", "1883"),
                    Map.entry("civicgrid.mqtt.client-id", "civicgrid-" + RUN), Map.entry("civicgrid.mqtt.frigate-prefix", RUN + "/frigate"),
                    Map.entry("civicgrid.mqtt.dji-prefix", RUN + "/thing/product"), Map.entry("civicgrid.mqtt.generic-prefix", RUN + "/alerts"),
                    Map.entry("civicgrid.site-id", "site-" + RUN), Map.entry("civicgrid.alerts.evidence-retry", "PT0.3S"),
                    Map.entry("civicgrid.alerts.evidence-every", "1s"),
                    // a copy of Debian's stock mosquitto.conf, so the broker check's findings do not depend on this machine's
                    Map.entry("civicgrid.mqtt.broker-config", "src/test/resources/alert/mosquitto-stock.conf"));
        }
    }

    static final String RUN = Broker.RUN;
    static MqttTestClient device;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        device = new MqttTestClient(1883);
        device.subscribe(RUN + "/thing/product/+/events_reply");
        device.subscribe("civicgrid/site-" + RUN + "/available");
    }

    @AfterAll
    static void disconnect() {
        device.close();
    }

    static String generic(String alertId, String classCode, double lat, double lon) {
        return "{\"alertId\":\"" + alertId + "\",\"kind\":\"camera\",\"classCode\":\"" + classCode + "\",\"confidence\":0.93,"
                + "\"occurredAt\":\"" + Instant.now() + "\",\"lat\":" + lat + ",\"lon\":" + lon + "}";
    }

    /** Waits until the alert with this source id is stored, and returns it. */
    static JsonPath awaitAlert(AlertSource source, String sourceId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            JsonPath page = as("acceptor").queryParam("source", source).queryParam("size", 500).get("/api/alerts").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                if (sourceId.equals(items.get(i).get("sourceId"))) {
                    return new JsonPath(page.prettify()).setRootPath("items[" + i + "]");
                }
            }
            sleep(100);
        }
        throw new AssertionError("alert " + source + " " + sourceId + " not stored within 20 s");
    }

    /** Publishes a marker alert and waits for it: everything published before it has been processed. */
    static void drain() {
        String id = "marker-" + UUID.randomUUID();
        device.publish(RUN + "/alerts/marker", "{\"alertId\":\"" + id + "\",\"label\":\"marker\"}");
        awaitAlert(AlertSource.GENERIC, "marker/" + id);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long count(String sql) {
        return Long.parseLong(Store.single(dataSource, sql));
    }

    @Test
    void frigateAlertReviewRaisesOneCaseAtTheCameraAndAReplayNone() {
        byte[] review = AlertAdaptersTest.fixture("frigate-reviews.json");
        device.publish(RUN + "/frigate/reviews", review);
        JsonPath a = awaitAlert(AlertSource.FRIGATE, "1718987129.308396-fqk5ka");
        assertEquals("CREATED", a.getString("outcome"));
        assertEquals("incident:09009", a.getString("classCode"));
        long caseId = a.getLong("caseId");
        as("acceptor").get("/api/cases/" + caseId).then().statusCode(200)
                .body("source", equalTo("CAMERA"))
                .body("classCode", equalTo("incident:09009"))
                .body("stage", equalTo("REPORTED"));
        assertEquals(35.66, a.getDouble("lat"), 1e-9, "the position of the demo camera front_cam");
        assertNotNull(a.getString("gridCode"));

        device.publish(RUN + "/frigate/reviews", review); // redelivery / replay
        String end = new String(review, StandardCharsets.UTF_8).replace("\"type\": \"update\"", "\"type\": \"end\"");
        device.publish(RUN + "/frigate/reviews", end);
        drain();
        assertEquals(1, count("SELECT count(*) FROM alert_message WHERE source = 'FRIGATE' AND source_id = '1718987129.308396-fqk5ka'"));
        assertEquals(1, count("SELECT count(*) FROM case_file WHERE id IN (SELECT case_id FROM alert_message WHERE source = 'FRIGATE'"
                + " AND source_id LIKE '1718987129.308396-fqk5ka%')"));
        JsonPath closed = awaitAlert(AlertSource.FRIGATE, "1718987129.308396-fqk5ka/end");
        assertEquals("IGNORED", closed.getString("outcome"));
        assertEquals(caseId, closed.getLong("caseId"), "the episode's end is linked to its case");
    }

    @Test
    void genericAlertAutoFilesAndANearbyRepeatIsMerged() {
        String first = "gen-" + UUID.randomUUID();
        device.publish(RUN + "/alerts/cam-north", generic(first, "incident:0406", 35.6701, 117.2801));
        JsonPath a = awaitAlert(AlertSource.GENERIC, "cam-north/" + first);
        assertEquals("CREATED", a.getString("outcome"));
        long caseId = a.getLong("caseId");
        as("acceptor").get("/api/cases/" + caseId).then().statusCode(200).body("stage", equalTo("FILED"));

        String second = "gen-" + UUID.randomUUID();
        device.publish(RUN + "/alerts/cam-north", generic(second, "incident:0406", 35.67025, 117.28025)); // ~20 m away
        JsonPath b = awaitAlert(AlertSource.GENERIC, "cam-north/" + second);
        assertEquals("MERGED", b.getString("outcome"));
        assertEquals(caseId, b.getLong("caseId"));
        assertEquals(1, count("SELECT repeat_count FROM case_file WHERE id = " + caseId));
        assertEquals(1, count("SELECT count(*) FROM outbox_entry WHERE event_type = 'alert.merged' AND case_id = " + caseId
                + " AND json_extract(payload, '$.alertId') = " + b.getLong("id")), "the merge goes up to the hub (重复上报), once");

        String far = "gen-" + UUID.randomUUID();
        device.publish(RUN + "/alerts/cam-north", generic(far, "incident:0406", 35.6760, 117.2801)); // ~650 m away
        JsonPath farAlert = awaitAlert(AlertSource.GENERIC, "cam-north/" + far);
        assertEquals("CREATED", farAlert.getString("outcome"));

        // the 大屏 lists the newest alert first, in the viewer's words, with the case it raised
        JsonPath screen = as("leader").get("/api/screen/summary").then().statusCode(200).extract().jsonPath();
        assertTrue(screen.getString("alerts[0].source").startsWith("通用设备"), screen.getString("alerts[0].source"));
        assertTrue(screen.getString("alerts[0].label").endsWith("已上报"), screen.getString("alerts[0].label"));
        assertEquals(as("acceptor").get("/api/cases/" + farAlert.getLong("caseId")).then().extract().path("number"),
                screen.getString("alerts[0].caseNumber"));
    }

    @Test
    void badPayloadsAreRejectedWithTheReasonAndIngestionContinues() {
        String topic = RUN + "/alerts/cam-bad";
        device.publish(topic, "this is not json");
        device.publish(topic, "{\"alertId\":\"wrong-type\",\"label\":\"x\",\"lat\":\"north\",\"lon\":117.2}");
        device.publish(topic, "{\"alertId\":\"absurd\",\"label\":\"x\",\"lat\":356.6,\"lon\":1172.6}");
        device.publish(topic, "{\"alertId\":\"missing\"}");
        device.publish(topic, ("{\"alertId\":\"huge\",\"label\":\"x\",\"description\":\"" + "字".repeat(350_000) + "\"}"));
        String good = "good-" + UUID.randomUUID();
        device.publish(topic, generic(good, "incident:0406", 35.6550, 117.2650));
        assertEquals("CREATED", awaitAlert(AlertSource.GENERIC, "cam-bad/" + good).getString("outcome"));
        JsonPath rejected = as("acceptor").queryParam("outcome", "REJECTED").queryParam("size", 500).get("/api/alerts").then().statusCode(200)
                .extract().jsonPath();
        List<String> reasons = rejected.getList("items.findAll { it.device == 'cam-bad' }.reason");
        assertEquals(5, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons.toString());
        assertTrue(reasons.contains("lat must be a number"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not a latitude")), reasons.toString());
        assertTrue(reasons.contains("label or classCode is required"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("larger than 65536")), reasons.toString());
        long huge = rejected.getLong("items.find { it.reason.contains('larger') }.id");
        JsonPath one = as("acceptor").get("/api/alerts/" + huge).then().statusCode(200).extract().jsonPath();
        assertTrue(one.getInt("payloadBytes") > 1_000_000);
        assertTrue(one.getString("payload").length() <= 65536, "the raw payload is kept, bounded");
    }

    @Test
    void djiPhotoIsEvidenceAtItsShootPositionAndTheDockGetsItsReply() {
        // an open case right where the drone will shoot
        String near = "gen-" + UUID.randomUUID();
        device.publish(RUN + "/alerts/cam-dji", generic(near, "incident:0406", 35.6480, 117.2520));
        long caseId = awaitAlert(AlertSource.GENERIC, "cam-dji/" + near).getLong("caseId");
        String tid = UUID.randomUUID().toString();
        String photo = new String(AlertAdaptersTest.fixture("dji-file_upload_callback.DERIVED.json"), StandardCharsets.UTF_8)
                .replace("1b7e4a90-3c2d-4f1e-8a5b-6c7d8e9f0a1b", tid).replace("35.66002", "35.64802").replace("117.26003", "117.25203");
        device.publish(RUN + "/thing/product/4TADKAQ000002J/events", photo);
        JsonPath a = awaitAlert(AlertSource.DJI, "4TADKAQ000002J/" + tid);
        assertEquals("EVIDENCE", a.getString("outcome"));
        assertEquals(caseId, a.getLong("caseId"));
        assertEquals("DRONE", a.getString("kind"));
        assertEquals("35.64802|117.25203", Store.single(dataSource, "SELECT lat || '|' || lon FROM alert_evidence WHERE case_id = " + caseId
                + " AND alert_id = " + a.getLong("id")));
        Instant until = Instant.now().plusSeconds(10);
        while (device.received.stream().noneMatch(r -> r.topic().endsWith("/events_reply") && r.payload().contains(tid)) && Instant.now().isBefore(until)) {
            sleep(50);
        }
        assertTrue(device.received.stream().anyMatch(r -> r.topic().equals(RUN + "/thing/product/4TADKAQ000002J/events_reply")
                && r.payload().contains(tid) && r.payload().contains("\"result\":0")), device.received.toString());

        // far from any case: the acceptor's review queue, and the acceptor raises the case
        String lonely = UUID.randomUUID().toString();
        device.publish(RUN + "/thing/product/4TADKAQ000002J/events", photo.replace(tid, lonely).replace("35.64802", "35.6400"));
        JsonPath review = awaitAlert(AlertSource.DJI, "4TADKAQ000002J/" + lonely);
        assertEquals("REVIEW", review.getString("outcome"));
        as("inspector").body(Map.of("classCode", "incident:0406")).post("/api/alerts/" + review.getLong("id") + "/raise").then().statusCode(403);
        JsonPath raised = as("acceptor").body(Map.of("classCode", "incident:0406")).post("/api/alerts/" + review.getLong("id") + "/raise")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("CREATED", raised.getString("outcome"));
        as("acceptor").get("/api/cases/" + raised.getLong("caseId")).then().statusCode(200).body("source", equalTo("DRONE"));
        as("acceptor").body(Map.of("classCode", "incident:0406")).post("/api/alerts/" + review.getLong("id") + "/raise").then().statusCode(409);

        device.publish(RUN + "/thing/product/4TADKAQ000002J/events", new String(AlertAdaptersTest.fixture("dji-hms.json"), StandardCharsets.UTF_8)
                .replace("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxx", "hms-" + lonely));
        JsonPath hms = awaitAlert(AlertSource.DJI, "4TADKAQ000002J/hms-" + lonely);
        assertEquals("IGNORED", hms.getString("outcome"));
        assertEquals("HEALTH", hms.getString("kind"));
    }

    @Test
    void anUnknownCameraWaitsForTheAcceptorWhoRaisesOrIgnores() {
        String review = new String(AlertAdaptersTest.fixture("frigate-reviews.json"), StandardCharsets.UTF_8);
        String id1 = "ghost-" + UUID.randomUUID();
        String id2 = "ghost-" + UUID.randomUUID();
        String id3 = "ghost-" + UUID.randomUUID();
        device.publish(RUN + "/frigate/reviews", review.replace("front_cam", "ghost_cam").replace("1718987129.308396-fqk5ka", id1));
        device.publish(RUN + "/frigate/reviews", review.replace("front_cam", "ghost_cam").replace("1718987129.308396-fqk5ka", id2));
        device.publish(RUN + "/frigate/reviews", review.replace("front_cam", "ghost_cam").replace("1718987129.308396-fqk5ka", id3));
        JsonPath a = awaitAlert(AlertSource.FRIGATE, id1);
        assertEquals("REVIEW", a.getString("outcome"));
        assertTrue(a.getString("reason").contains("unknown camera ghost_cam"), a.getString("reason"));
        as("acceptor").body(Map.of("classCode", "incident:09009")).post("/api/alerts/" + a.getLong("id") + "/raise").then().statusCode(400)
                .body("field", equalTo("lat"));
        JsonPath raised = as("acceptor").body(Map.of("lat", 35.6620, "lon", 117.2660)).post("/api/alerts/" + a.getLong("id") + "/raise")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("CREATED", raised.getString("outcome"));
        assertEquals("incident:09009", raised.getString("classCode"), "the rule's class is kept for review");
        // the same scene raised again is a further report of the open case: merged (重复上报), and its event goes up once
        JsonPath c = awaitAlert(AlertSource.FRIGATE, id3);
        JsonPath merged = as("acceptor").body(Map.of("lat", 35.6620, "lon", 117.2660)).post("/api/alerts/" + c.getLong("id") + "/raise")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("MERGED", merged.getString("outcome"));
        assertEquals(raised.getLong("caseId"), merged.getLong("caseId"));
        assertEquals(1, count("SELECT count(*) FROM outbox_entry WHERE event_type = 'alert.merged' AND case_id = " + raised.getLong("caseId")
                + " AND json_extract(payload, '$.alertId') = " + c.getLong("id")));
        JsonPath b = awaitAlert(AlertSource.FRIGATE, id2);
        as("acceptor").body(Map.of()).post("/api/alerts/" + b.getLong("id") + "/ignore").then().statusCode(400);
        as("acceptor").body(Map.of("note", "镜头测试")).post("/api/alerts/" + b.getLong("id") + "/ignore").then().statusCode(200)
                .body("outcome", equalTo("IGNORED"));
        as("acceptor").get("/api/alerts/status").then().statusCode(200).body("connected", equalTo(true));
        as("inspector").get("/api/alerts").then().statusCode(403);
    }

    @Test
    void theApplianceAnnouncesItselfOnline() {
        Instant until = Instant.now().plusSeconds(10);
        while (device.received.stream().noneMatch(r -> r.topic().endsWith("/available")) && Instant.now().isBefore(until)) {
            sleep(50);
        }
        assertTrue(device.received.stream().anyMatch(r -> r.topic().equals("civicgrid/site-" + RUN + "/available") && r.payload().equals("online")),
                device.received.toString());
    }

    @Test
    void snapshotsAreFetchedInTheBackgroundAndRetriedUntilStored() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        byte[] jpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                (byte) 0xFF, (byte) 0xD9};
        com.sun.net.httpserver.HttpServer camera = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        camera.createContext("/snap.jpg", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.sendResponseHeaders(503, -1); // the camera is busy the first time
            } else {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, jpeg.length);
                exchange.getResponseBody().write(jpeg);
            }
            exchange.close();
        });
        camera.start();
        try {
            String id = "snap-" + UUID.randomUUID();
            String body = generic(id, "incident:0406", 35.6450, 117.2750).replace("}", ",\"snapshotUrl\":\"http://127.0.0.1:"
                    + camera.getAddress().getPort() + "/snap.jpg\"}");
            device.publish(RUN + "/alerts/cam-snap", body);
            JsonPath a = awaitAlert(AlertSource.GENERIC, "cam-snap/" + id);
            assertEquals("CREATED", a.getString("outcome"), "the case does not wait for the snapshot");
            long caseId = a.getLong("caseId");
            Instant until = Instant.now().plusSeconds(20);
            String status = "";
            while (Instant.now().isBefore(until)) {
                status = Store.single(dataSource, "SELECT status || '|' || attempts FROM alert_evidence WHERE case_id = " + caseId);
                if (status.startsWith("STORED")) {
                    break;
                }
                sleep(200);
            }
            assertEquals("STORED|2", status, "stored on the second try");
            assertEquals(1, count("SELECT count(*) FROM case_attachment WHERE case_id = " + caseId + " AND content_type = 'image/jpeg'"));
        } finally {
            camera.stop(0);
        }
    }

    @Test
    void theAcceptorWorksTheReviewQueueOnTheAlertsPage() {
        String review = new String(AlertAdaptersTest.fixture("frigate-reviews.json"), StandardCharsets.UTF_8);
        String id = "page-" + UUID.randomUUID();
        device.publish(RUN + "/frigate/reviews", review.replace("front_cam", "ghost_page_cam").replace("1718987129.308396-fqk5ka", id));
        long alertId = awaitAlert(AlertSource.FRIGATE, id).getLong("id");
        org.civicgrid.testsupport.WebSession acceptor = org.civicgrid.testsupport.WebSession.signIn("acceptor");
        acceptor.page().when().get("/alerts").then().statusCode(200).body(org.hamcrest.Matchers.containsString("<title>视频与无人机告警"))
                .body(org.hamcrest.Matchers.containsString("data-alert=\"" + alertId + "\""))
                .body(org.hamcrest.Matchers.containsString("href=\"/alerts\""))
                .body(org.hamcrest.Matchers.containsString("未登记的摄像机 ghost_page_cam"));
        acceptor.form().formParam("classCode", "incident:09009").formParam("lat", "far").formParam("lon", "117.26").when()
                .post("/alerts/" + alertId + "/raise").then().statusCode(400).body(org.hamcrest.Matchers.containsString("not a decimal degree"));
        acceptor.form().formParam("classCode", "incident:09009").formParam("lat", "35.6630").formParam("lon", "117.2630").when()
                .post("/alerts/" + alertId + "/raise").then().statusCode(303);
        JsonPath raised = as("acceptor").get("/api/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
        assertEquals("CREATED", raised.getString("outcome"));
        acceptor.page().when().get("/alerts/" + alertId).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ghost_page_cam")).body(org.hamcrest.Matchers.containsString("/cases/" + raised.getLong("caseId")));
        acceptor.page().when().get("/alerts?outcome=REJECTED&source=GENERIC").then().statusCode(200);
        org.civicgrid.testsupport.WebSession.signIn("inspector").page().when().get("/alerts").then().statusCode(403);
    }

    @Test
    void theAdminEditsTheTriageRules() {
        org.civicgrid.testsupport.WebSession admin = org.civicgrid.testsupport.WebSession.signIn("admin");
        admin.page().when().get("/admin/alert-rules").then().statusCode(200).body(org.hamcrest.Matchers.containsString("Frigate 违停抓拍"));
        admin.form().formParam("name", "夜间占道").formParam("priority", "5").formParam("source", "GENERIC").formParam("label", "stall")
                .formParam("classCode", "incident:0406").formParam("minConfidence", "0.6").formParam("activeFrom", "22:00")
                .formParam("activeTo", "06:00").when().post("/admin/alert-rules").then().statusCode(303);
        admin.form().formParam("name", "坏规则").formParam("classCode", "incident:9999").when().post("/admin/alert-rules").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("unknown class"));
        List<Map<String, Object>> rules = as("admin").get("/api/alert-rules").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> night = rules.stream().filter(r -> "夜间占道".equals(r.get("name"))).findFirst().orElseThrow();
        assertEquals("22:00", night.get("activeFrom"));
        as("admin").body(Map.of("name", "x", "minConfidence", 3)).post("/api/alert-rules").then().statusCode(400).body("field", equalTo("minConfidence"));
        as("acceptor").get("/api/alert-rules").then().statusCode(403);
        as("admin").delete("/api/alert-rules/" + night.get("id")).then().statusCode(204);
    }
}
