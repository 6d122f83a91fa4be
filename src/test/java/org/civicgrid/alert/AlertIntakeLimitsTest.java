package org.civicgrid.alert;

import static org.civicgrid.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * No single message stops intake, against the REAL Mosquitto on 127.0.0.1:1883 (stock: no message size limit, so it
 * forwards a 17 MB publish to the appliance's session): the client decodes it (its limit is the MQTT maximum, above
 * any broker's), the store rejects it, and the next valid alert still becomes a case. And a broker configured to
 * drop queued alerts is reported on /alerts.
 */
@QuarkusTest
@TestProfile(AlertMqttTest.Broker.class)
class AlertIntakeLimitsTest {

    private static final String RUN = AlertMqttTest.RUN;

    private static List<java.util.Map<String, Object>> alertsOf(String device) {
        return as("acceptor").queryParam("device", device).queryParam("size", 500).get("/api/alerts").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    @Test
    void aSeventeenMegabyteMessageDoesNotStopIntakeAndTheNextAlertBecomesACase() throws Exception {
        Await.until("the link up", () -> as("acceptor").get("/api/alerts/status").then().extract().jsonPath().getBoolean("connected"));
        String device = "cam-huge-" + UUID.randomUUID().toString().substring(0, 8);
        Path huge = Files.createTempFile("huge-alert", ".json");
        try {
            String filler = "x".repeat(17 * 1024 * 1024);
            Files.writeString(huge, "{\"alertId\":\"huge\",\"label\":\"x\",\"description\":\"" + filler + "\"}", StandardCharsets.UTF_8);
            Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", "1883", "-q", "1", "-t", RUN + "/alerts/" + device, "-f",
                    huge.toString()).redirectErrorStream(true).start();
            assertTrue(pub.waitFor(2, TimeUnit.MINUTES), "mosquitto_pub finished");
            assertEquals(0, pub.exitValue(), new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(huge);
        }
        String good = "after-huge-" + UUID.randomUUID();
        try (MqttTestClient sender = new MqttTestClient(1883)) {
            sender.publish(RUN + "/alerts/" + device, AlertMqttTest.generic(good, "incident:0406", 35.6590, 117.2590));
        }
        Await.until("the valid alert after the 17 MB one stored", Duration.ofMinutes(2),
                () -> alertsOf(device).stream().anyMatch(a -> (device + "/" + good).equals(a.get("sourceId"))));
        java.util.Map<String, Object> valid = alertsOf(device).stream().filter(a -> (device + "/" + good).equals(a.get("sourceId"))).findFirst().orElseThrow();
        assertEquals("CREATED", valid.get("outcome"));
        assertTrue(valid.get("caseId") != null, "it became a case");
        java.util.Map<String, Object> rejected = alertsOf(device).stream().filter(a -> "REJECTED".equals(a.get("outcome"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(rejected.get("reason")).contains("larger than"), String.valueOf(rejected.get("reason")));
        assertTrue(as("acceptor").get("/api/alerts/status").then().extract().jsonPath().getBoolean("connected"), "the link survived");
    }

    @Test
    void aFrigateTrackedObjectUpdateIsStoredAndEnrichesTheCaseOfItsAlert() throws Exception {
        String review = "r-" + UUID.randomUUID();
        String object = "o-" + UUID.randomUUID();
        String camera = "trk-" + UUID.randomUUID().toString().substring(0, 8); // its own place: no merge into other tests' cases
        as("admin").body(java.util.Map.of("name", "目标补充 " + camera, "frigateName", camera, "lat", 35.6520, "lon", 117.2780)).post("/api/cameras")
                .then().statusCode(201);
        String payload = new String(AlertAdaptersTest.fixture("frigate-reviews.json"), StandardCharsets.UTF_8)
                .replace("1718987129.308396-fqk5ka", review).replace("1718987148.879516-d7oq7r", object).replace("front_cam", camera);
        try (MqttTestClient nvr = new MqttTestClient(1883)) {
            nvr.publish(RUN + "/frigate/reviews", payload);
            Await.until("the review stored with its case", () -> caseOf(AlertSource.FRIGATE, review) != null);
            long caseId = caseOf(AlertSource.FRIGATE, review);
            nvr.publish(RUN + "/frigate/tracked_object_update", "{\"type\":\"description\",\"id\":\"" + object
                    + "\",\"description\":\"一辆白色轿车停在人行道上，挡住了行人\"}");
            Await.until("the case enriched", () -> as("acceptor").get("/api/cases/" + caseId).then().extract().jsonPath().getString("description")
                    .contains("Frigate 补充：一辆白色轿车停在人行道上"));
        }
        JsonPath stored = as("acceptor").queryParam("source", "FRIGATE_UPDATE").queryParam("size", 500).get("/api/alerts").then().extract().jsonPath();
        List<String> ids = stored.getList("items.sourceId");
        assertTrue(ids.stream().anyMatch(id -> id.startsWith(object + "/description/")), ids.toString());
    }

    private static Long caseOf(AlertSource source, String sourceId) {
        JsonPath page = as("acceptor").queryParam("source", source).queryParam("size", 500).get("/api/alerts").then().extract().jsonPath();
        List<java.util.Map<String, Object>> items = page.getList("items");
        return items.stream().filter(a -> sourceId.equals(a.get("sourceId")) && a.get("caseId") != null).findFirst()
                .map(a -> ((Number) a.get("caseId")).longValue()).orElse(null);
    }

    @Test
    void aRejectedDjiMessageThatWaitsForAReplyGetsANonZeroResult() {
        try (MqttTestClient dock = new MqttTestClient(1883)) {
            dock.subscribe(RUN + "/thing/product/DOCK-REJ/events_reply");
            String tid = "tid-" + UUID.randomUUID();
            String untracedBid = "bid-without-tid-" + UUID.randomUUID();
            // the message without tid goes first: when the later one's reply is out, this one was handled (one session, in order)
            dock.publish(RUN + "/thing/product/DOCK-REJ/events", "{\"bid\":\"" + untracedBid + "\",\"timestamp\":1,\"method\":\"hms\",\"need_reply\":1}");
            dock.publish(RUN + "/thing/product/DOCK-REJ/events", "{\"tid\":\"" + tid + "\",\"bid\":\"b-1\",\"timestamp\":\"2026-12-07 10:00:00\","
                    + "\"method\":\"file_upload_callback\",\"need_reply\":1,\"data\":{}}");
            Await.until("the events_reply for the rejected message", () -> dock.received.stream().anyMatch(r -> tid.equals(field(r, "tid"))));
            JsonPath reply = JsonPath.from(dock.received.stream().filter(r -> tid.equals(field(r, "tid"))).findFirst().orElseThrow().payload());
            assertEquals(1, reply.getInt("data.result"), reply.prettify());
            assertEquals("file_upload_callback", reply.getString("method"), reply.prettify());
            // compared by field, not by substring: a random tid may contain any short text
            assertTrue(dock.received.stream().noneMatch(r -> untracedBid.equals(field(r, "bid"))), "a message without tid cannot be answered");
        }
    }

    private static String field(MqttTestClient.Received received, String name) {
        try {
            return JsonPath.from(received.payload()).getString(name);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    @Test
    void aBrokerThatWillDropQueuedAlertsIsReportedOnTheAlertsPage() {
        JsonPath status = as("acceptor").get("/api/alerts/status").then().statusCode(200).extract().jsonPath();
        List<String> codes = status.getList("broker.code");
        assertTrue(codes.contains("QUEUE_LIMIT") && codes.contains("NO_SIZE_LIMIT"), codes.toString());
        assertEquals("max_queued_messages 1000 < 100000", status.getString("broker.find { it.code == 'QUEUE_LIMIT' }.detail"));
        WebSession.signIn("acceptor").page().get("/alerts").then().statusCode(200).body(containsString("id=\"broker-QUEUE_LIMIT\""))
                .body(containsString("消息代理的排队上限过低"));
    }
}
