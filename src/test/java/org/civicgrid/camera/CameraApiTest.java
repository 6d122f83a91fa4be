package org.civicgrid.camera;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.OnvifResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The camera registry, probe, snapshot, presets, case look/snapshot and events through the API, on a replayed ONVIF camera. */
@QuarkusTest
class CameraApiTest {

    static final double LAT = 35.6612;
    static final double LON = 117.2655;

    @Inject
    CameraEventPump pump;

    @Inject
    CameraEventRecorder recorder;

    @Inject
    CameraHealthCheck healthCheck;

    OnvifResponder camera;

    @BeforeEach
    void start() {
        camera = new OnvifResponder(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private long register(String name, String password) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "onvifAddress", camera.deviceService(), "username", OnvifResponder.USER,
                "lat", LAT, "lon", LON, "heading", 90));
        body.put("password", password);
        return Api.as("admin").body(body).when().post("/api/cameras").then().statusCode(201)
                .body("hasCredentials", equalTo(true)).body("password", nullValue()).body("health", equalTo(OnvifResponder.PASSWORD.equals(password) ? "UP" : "REFUSED")) // checked at once on save
                .extract().jsonPath().getLong("id");
    }

    @Test
    void adminRegistersAndProbesACameraWithSealedCredentialsAndStaffSeeIt() {
        long id = register("测试路口球机 " + System.nanoTime(), OnvifResponder.PASSWORD);
        Camera stored = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>findById(id));
        assertTrue(stored.passwordSealed.startsWith("v1:") && !stored.passwordSealed.contains(OnvifResponder.PASSWORD), stored.passwordSealed);
        assertTrue(stored.usernameSealed.startsWith("v1:"));
        assertEquals(15, stored.gridCode.length());

        JsonPath probed = Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(200).extract().jsonPath();
        assertEquals("Happytimesoft", probed.getString("manufacturer"));
        assertEquals("IPCamera", probed.getString("model"));
        assertEquals("ProfileToken_1", probed.getString("profileToken"));
        assertEquals("H264", probed.getString("encoding"));
        assertTrue(probed.getString("streamUri").startsWith("rtsp://127.0.0.1:554/test.mp4"));
        assertTrue(probed.getBoolean("hasSnapshot"));
        assertTrue(probed.getBoolean("ptz"));
        assertEquals("UP", probed.getString("health"));
        assertEquals(List.of("1", "2"), probed.getList("presets.token"));
        assertEquals("市场门口", probed.getString("presets[1].name"));

        Api.as("inspector").when().get("/api/cameras").then().statusCode(200).body("id", hasItem((int) id));
        Api.as("inspector").when().get("/api/cameras/" + id).then().statusCode(200).body("manufacturer", equalTo("Happytimesoft"));
        String json = Api.as("leader").when().get("/api/cameras/" + id).then().statusCode(200).extract().asString();
        assertFalse(json.contains("v1:") || json.contains("\"" + OnvifResponder.PASSWORD + "\""), json);
        Api.as("inspector").body(Map.of("name", "x")).when().post("/api/cameras").then().statusCode(403);
        Api.as("inspector").when().post("/api/cameras/" + id + "/probe").then().statusCode(403);
        Api.anonymous().when().get("/api/cameras").then().statusCode(401);

        byte[] jpeg = Api.as("inspector").accept("image/jpeg").when().get("/api/cameras/" + id + "/snapshot").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(OnvifResponder.JPEG, jpeg, "fetched with HTTP digest auth from the camera");

        camera.close();
        Api.as("inspector").when().get("/api/cameras/" + id + "/snapshot").then().statusCode(502).body("error", equalTo("camera_unreachable"));
        Api.as("inspector").when().get("/api/cameras/" + id).then().body("health", equalTo("DOWN"));
    }

    @Test
    void aWrongPasswordIsReportedAndTheCameraTurnsRefused() {
        long id = register("密码错误的摄像机 " + System.nanoTime(), "wrong-password");
        Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(502)
                .body("error", equalTo("camera_refused")).body("message", org.hamcrest.Matchers.containsString("wrong user name or password"));
        Api.as("admin").when().get("/api/cameras/" + id).then().body("health", equalTo("REFUSED"));
        Api.as("admin").body(Map.of("name", "改正密码", "onvifAddress", camera.deviceService(), "password", OnvifResponder.PASSWORD, "lat", LAT, "lon", LON))
                .when().put("/api/cameras/" + id).then().statusCode(200)
                .body("health", equalTo("UP")).body("healthMessage", nullValue()); // checked at once: no stale 密码错误 after a fix
        assertEquals(CameraHealth.UP, healthCheck.check(id), "the kept user name with the new password");
        camera.down(true);
        assertEquals(CameraHealth.FAULTY, healthCheck.check(id), "HTTP 503 is an answer, but not an ONVIF one: not 在线");
        camera.close();
        assertEquals(CameraHealth.DOWN, healthCheck.check(id));
        Api.as("leader").when().get("/api/cameras/health").then().statusCode(200).body("down", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void badInputIsRefusedWithTheField() {
        Api.as("admin").body(Map.of("name", "x", "onvifAddress", "ftp://cam")).when().post("/api/cameras").then().statusCode(400).body("field", equalTo("onvifAddress"));
        Api.as("admin").body(Map.of("name", "x", "lat", 39.9, "lon", 116.4)).when().post("/api/cameras").then().statusCode(400).body("field", equalTo("lat"));
        Api.as("admin").body(Map.of("name", "x", "lat", LAT)).when().post("/api/cameras").then().statusCode(400).body("field", equalTo("lon"));
        Api.as("admin").body(Map.of("name", " ")).when().post("/api/cameras").then().statusCode(400).body("field", equalTo("name"));
        Api.as("admin").body(Map.of("name", "x", "heading", 400)).when().post("/api/cameras").then().statusCode(400).body("field", equalTo("heading"));
        Api.as("admin").body(Map.of("name", "x", "frigateName", "front_cam")).when().post("/api/cameras").then().statusCode(409);
        Api.as("admin").when().get("/api/cameras/999999").then().statusCode(404);
    }

    @Test
    void aCaseGetsTheNearestPresetLookedAtAndASnapshotAttached() {
        long id = register("案卷看图测试 " + System.nanoTime(), OnvifResponder.PASSWORD);
        Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(200);
        double caseLat = LAT + 0.0020;
        double caseLon = LON + 0.0010;
        Api.as("admin").body(Map.of("name", "市场门口", "lat", caseLat + 0.0001, "lon", caseLon)).when().put("/api/cameras/" + id + "/presets/2")
                .then().statusCode(200).body("lat", org.hamcrest.Matchers.notNullValue());
        Api.as("inspector").body(Map.of("lat", caseLat)).when().put("/api/cameras/" + id + "/presets/2").then().statusCode(403);
        long caseId = Cases.report("inspector", "INSPECTOR", null, caseLat, caseLon);

        JsonPath near = Api.as("acceptor").when().get("/api/cases/" + caseId + "/cameras").then().statusCode(200).extract().jsonPath();
        int index = near.getList("cameraId", Long.class).indexOf(id);
        assertTrue(index >= 0, near.prettify());
        assertEquals("2", near.getString("[" + index + "].presetToken"));
        assertTrue(near.getDouble("[" + index + "].distanceM") < 20);

        camera.clear();
        Api.as("acceptor").when().post("/api/cases/" + caseId + "/look").then().statusCode(200).body("cameraId", equalTo((int) id))
                .body("presetToken", equalTo("2"));
        OnvifResponder.Received go = camera.received("GotoPreset").get(0);
        assertEquals("2", go.text("PresetToken"));
        assertEquals("ProfileToken_1", go.text("ProfileToken"));
        Api.as("inspector").when().post("/api/cameras/" + id + "/ptz/presets/1").then().statusCode(403);
        Api.as("dispatcher").when().post("/api/cameras/" + id + "/ptz/presets/1").then().statusCode(200);

        String url = Api.as("inspector").when().post("/api/cases/" + caseId + "/camera-snapshot?cameraId=" + id).then().statusCode(201)
                .body("contentType", equalTo("image/jpeg")).extract().path("url");
        byte[] stored = Api.as("inspector").accept("*/*").when().get(url).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(OnvifResponder.JPEG, stored);
        Api.as("inspector").when().post("/api/cases/" + caseId + "/camera-snapshot").then().statusCode(400).body("field", equalTo("cameraId"));
    }

    @Test
    void motionFromThePullPointBecomesACameraEventButInitialStatesDoNot() {
        long id = register("事件测试 " + System.nanoTime(), OnvifResponder.PASSWORD);
        Api.as("admin").when().post("/api/cameras/" + id + "/ptz/presets/1").then().statusCode(409); // not probed yet
        Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(200);
        Api.as("admin").when().post("/api/cameras/" + id + "/ptz/presets/1").then().statusCode(200);
        camera.queueNotification("tns1:RuleEngine/CellMotionDetector/Motion", "2026-11-22T01:30:00Z",
                Map.of("VideoSourceConfigurationToken", "VideoSourceConfigurationToken_1", "Rule", "MyCellMotionDetector"), Map.of("IsMotion", "true"));
        int before = recorder.seen().size();
        assertEquals(1, pump.pullOnce(id), "the two recorded Initialized messages are not events");
        CameraEvent event = recorder.seen().get(before);
        assertEquals(id, event.cameraId());
        assertEquals("tns1:RuleEngine/CellMotionDetector/Motion", event.topic());
        assertTrue(event.active());
        assertEquals("MyCellMotionDetector", event.source().get("Rule"));
        assertEquals("1", event.presetToken(), "the preset the camera was sent to");
        assertEquals(1, camera.received("CreatePullPointSubscription").size());
        assertEquals(1, camera.received("Unsubscribe").size(), "the one-off pull frees its subscription");
        Api.as("inspector").when().get("/api/cameras/" + id + "/events").then().statusCode(200)
                .body("[0].topic", equalTo("tns1:RuleEngine/CellMotionDetector/Motion")).body("[0].active", equalTo(true));
    }

    @Test
    void thePumpWatchesEnabledCamerasAndUnsubscribesWhenStopped() throws Exception {
        long id = register("事件泵 " + System.nanoTime(), OnvifResponder.PASSWORD);
        camera.queueNotification("tns1:RuleEngine/TamperDetector/Tamper", "2026-11-22T02:00:00Z",
                Map.of("VideoSourceConfigurationToken", "VideoSourceConfigurationToken_1"), Map.of("IsTamper", "true"));
        try {
            pump.watchAll();
            assertTrue(pump.watched().contains(id));
            long until = System.currentTimeMillis() + 15_000;
            while (recorder.seen().stream().noneMatch(e -> e.cameraId() == id) && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            CameraEvent tamper = recorder.seen().stream().filter(e -> e.cameraId() == id).findFirst().orElseThrow();
            assertEquals("tns1:RuleEngine/TamperDetector/Tamper", tamper.topic());
            assertTrue(tamper.active());
            Await.until("the subscription state with its last event",
                    () -> Api.as("inspector").when().get("/api/cameras/" + id).then().extract().jsonPath().getString("eventLink.lastEventAt") != null);
            Api.as("inspector").when().get("/api/cameras/" + id).then().statusCode(200).body("eventLink.state", equalTo("SUBSCRIBED"))
                    .body("eventLink.problem", nullValue());
        } finally {
            pump.stopAll();
        }
        assertTrue(pump.watched().isEmpty());
        assertEquals(1, camera.received("CreatePullPointSubscription").size(), "one subscription, kept across pulls");
        assertTrue(camera.received("PullMessages").size() >= 1);
        assertEquals(1, camera.received("Unsubscribe").size(), "freed on stop");
    }

    @Test
    void aFailingSubscriptionIsShownWithItsReasonOnTheApiAndThePage() {
        long id = register("订阅失败 " + System.nanoTime(), "wrong-password");
        try {
            pump.watchAll();
            Await.until("the failure reported", () -> "FAILING".equals(
                    Api.as("admin").when().get("/api/cameras/" + id).then().extract().jsonPath().getString("eventLink.state")));
            Api.as("admin").when().get("/api/cameras/" + id).then().body("eventLink.problem", org.hamcrest.Matchers.containsString("wrong user name or password"));
            org.civicgrid.testsupport.WebSession.signIn("inspector").page().when().get("/cameras/" + id).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("订阅失败")).body(org.hamcrest.Matchers.containsString("wrong user name or password"));
        } finally {
            pump.stopAll();
        }
        Api.as("admin").when().get("/api/cameras/" + id).then().body("eventLink", nullValue());
    }

    @Test
    void editingOrDeletingAWatchedCameraFreesItsSubscription() {
        String name = "改后退订 " + System.nanoTime();
        long id = register(name, OnvifResponder.PASSWORD);
        try {
            pump.watchAll();
            Await.until("the first pull", () -> camera.received("PullMessages").size() >= 1);
            Map<String, Object> edit = new HashMap<>(Map.of("name", name, "onvifAddress", camera.deviceService(), "username", OnvifResponder.USER,
                    "password", OnvifResponder.PASSWORD, "lat", LAT, "lon", LON, "heading", 180));
            Api.as("admin").body(edit).when().put("/api/cameras/" + id).then().statusCode(200);
            Await.until("the old subscription freed and a new one made after the edit",
                    () -> camera.received("Unsubscribe").size() == 1 && camera.received("CreatePullPointSubscription").size() == 2);
            Api.as("admin").when().delete("/api/cameras/" + id).then().statusCode(204);
            Await.until("the subscription freed after the delete", () -> camera.received("Unsubscribe").size() == 2);
            assertFalse(pump.watched().contains(id));
        } finally {
            pump.stopAll();
        }
        List<String> subscribed = camera.received("CreatePullPointSubscription").stream().map(r -> r.path()).toList();
        assertEquals(2, subscribed.size());
        assertEquals(List.of("/event_service/0", "/event_service/1"), camera.received("Unsubscribe").stream().map(r -> r.path()).toList(),
                "each subscription freed once, none left on the camera");
    }

    @Test
    void discoveryProbesAHostAndMarksRegisteredCameras() throws Exception {
        String recorded = OnvifResponder.fixture("WSDiscovery-unicast-probe");
        String match = recorded.substring(recorded.indexOf("<?xml", recorded.indexOf("----- PROBEMATCH"))).trim().replace("http://127.0.0.1:8000", camera.base());
        long id = register("已登记 " + System.nanoTime(), OnvifResponder.PASSWORD);
        try (DatagramSocket fake = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread answer = new Thread(() -> {
                try {
                    byte[] buffer = new byte[8192];
                    DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                    fake.receive(in);
                    Matcher m = Pattern.compile("<a:MessageID>(.*?)</a:MessageID>").matcher(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8));
                    m.find();
                    byte[] reply = match.replace("uuid:88e81662-6815-4e9e-97be-59d5943f4e96", m.group(1)).getBytes(StandardCharsets.UTF_8);
                    fake.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            answer.start();
            JsonPath found = Api.as("admin").when().post("/api/cameras/discover?address=127.0.0.1:" + fake.getLocalPort()).then().statusCode(200)
                    .extract().jsonPath();
            answer.join(2000);
            assertEquals(1, found.getList("$").size());
            assertEquals("IP-Camera", found.getString("[0].name"));
            assertEquals("HI3518C", found.getString("[0].hardware"));
            assertEquals(camera.deviceService(), found.getString("[0].address"));
            assertEquals(id, found.getLong("[0].registeredId"));
        }
        Api.as("inspector").when().post("/api/cameras/discover").then().statusCode(403);
        Api.as("admin").when().post("/api/cameras/discover?address=no%20such:host").then().statusCode(400);
        Api.as("admin").when().post("/api/cameras/discover?address=no.such.host.invalid").then().statusCode(400)
                .body("field", equalTo("address")).body("message", org.hamcrest.Matchers.containsString("no.such.host.invalid"));
    }

    @Test
    void reProbingKeepsTheNameAndPlaceAnAdminGaveAPreset() {
        long id = register("预置位命名 " + System.nanoTime(), OnvifResponder.PASSWORD);
        Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(200).body("presets[0].name", equalTo("路口东"));
        Api.as("admin").body(Map.of("name", "大门", "lat", LAT, "lon", LON)).when().put("/api/cameras/" + id + "/presets/1").then().statusCode(200);
        JsonPath again = Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(200).extract().jsonPath();
        assertEquals("大门", again.getString("presets[0].name"), "the admin's name wins over the device's");
        assertEquals(LAT, again.getDouble("presets[0].lat"), 1e-6);
        assertEquals("市场门口", again.getString("presets[1].name"), "names nobody changed still come from the device");
    }

    @Test
    void deletingACameraRemovesItAndItsPresets() {
        long id = register("待删除 " + System.nanoTime(), OnvifResponder.PASSWORD);
        Api.as("admin").body(Map.of("name", "p")).when().put("/api/cameras/" + id + "/presets/9").then().statusCode(200);
        Api.as("inspector").when().delete("/api/cameras/" + id).then().statusCode(403);
        Api.as("admin").when().delete("/api/cameras/" + id).then().statusCode(204);
        Api.as("admin").when().get("/api/cameras/" + id).then().statusCode(404);
        assertNull(QuarkusTransaction.requiringNew().call(() -> CameraPreset.<CameraPreset>find("cameraId", id).firstResult()));
    }
}
