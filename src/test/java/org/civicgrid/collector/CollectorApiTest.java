package org.civicgrid.collector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The field collector's API /api/m/*: roles, idempotent reports, EXIF positions, bad uploads, tasks, 自处理, tracks. */
@QuarkusTest
class CollectorApiTest {

    /** A point in 泗河街道 (inspector's work grids), a little off {@link Cases#LAT}. */
    private static final double EXIF_LAT = 35.6612;
    private static final double EXIF_LON = 117.2615;

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, Api.DEMO_PASSWORD).accept("application/json");
    }

    /** A text part as browsers send it: UTF-8. */
    static io.restassured.specification.MultiPartSpecification utf8(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset(StandardCharsets.UTF_8).build();
    }

    private static String ref() {
        return UUID.randomUUID().toString();
    }

    @Test
    void onlyInspectorsUseTheCollectorApi() {
        given().accept("application/json").when().get("/api/m/tasks").then().statusCode(401);
        as("acceptor").when().get("/api/m/tasks").then().statusCode(403);
        as("acceptor").multiPart("clientRef", ref()).multiPart("photo", "p.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(403);
        as("inspector").when().get("/api/m/me").then().statusCode(200).body("trackIntervalSeconds", equalTo(30));
    }

    @Test
    void aReportTakesItsPositionFromThePhotoAndARetryMakesNoSecondCase() {
        String clientRef = ref();
        JsonPath first = as("inspector").multiPart("clientRef", clientRef).multiPart("classCode", "incident:0110")
                .multiPart("photo", "scene.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(201)
                .body("positionSource", equalTo("EXIF")).body("duplicate", equalTo(false)).body("stage", equalTo("REPORTED"))
                .extract().jsonPath();
        long id = first.getLong("id");
        assertEquals(EXIF_LAT, first.getDouble("lat"), 1e-5);
        assertEquals(EXIF_LON, first.getDouble("lon"), 1e-5);
        Cases.get("inspector", id).body("source", equalTo("INSPECTOR")).body("classCode", equalTo("incident:0110"))
                .body("description", equalTo("暴露生活垃圾")).body("attachments", hasSize(1)).body("attachments[0].kind", equalTo("PHOTO"));

        as("inspector").multiPart("clientRef", clientRef).multiPart("classCode", "incident:0110")
                .multiPart("photo", "scene.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(200).body("id", equalTo((int) id)).body("duplicate", equalTo(true));
        Cases.get("inspector", id).body("attachments", hasSize(1));
        as("inspector2").multiPart("clientRef", clientRef).multiPart("photo", "scene.jpg", GpsJpeg.plain(), "image/jpeg")
                .multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON))
                .when().post("/api/m/reports").then().statusCode(409).body("error", equalTo("client_ref_taken"));
    }

    @Test
    void gpsIsUsedWithoutExifAndAMapPickWinsOverExif() {
        as("inspector").multiPart("clientRef", ref()).multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON)).multiPart("positionSource", "GPS")
                .multiPart(utf8("description", "路灯不亮")).when().post("/api/m/reports").then().statusCode(201)
                .body("positionSource", equalTo("GPS")).body("lat", equalTo((float) Cases.LAT)).body("gridCode", notNullValue());
        as("inspector").multiPart("clientRef", ref()).multiPart("photo", "p.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON)).multiPart("positionSource", "MAP")
                .when().post("/api/m/reports").then().statusCode(201).body("positionSource", equalTo("MAP"));
        as("inspector").multiPart("clientRef", ref()).multiPart("photo", "p.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON)).multiPart("positionSource", "GPS")
                .when().post("/api/m/reports").then().statusCode(201).body("positionSource", equalTo("EXIF"));
    }

    @Test
    void badUploadsAreClearErrorsAndStoreNothing() {
        String clientRef = ref();
        as("inspector").multiPart("clientRef", clientRef).multiPart("photo", "evil.jpg", "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON))
                .when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("photo")).body("message", containsString("not a photo"));
        as("inspector").multiPart("clientRef", clientRef).multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON))
                .when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("photo"));
        as("inspector").multiPart("clientRef", clientRef).multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("lat")).body("message", containsString("no position"));
        as("inspector").multiPart("clientRef", clientRef).multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .multiPart("voice", "v.webm", GpsJpeg.plain(), "audio/webm").multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON))
                .when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("voice"));
        as("inspector").multiPart("clientRef", "x").multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("clientRef"));
        as("inspector").multiPart("clientRef", clientRef).multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .multiPart("lat", "0").multiPart("lon", "0").when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("lat"));
        // nothing was stored under that reference: the same reference now makes its case (with a WebM voice note)
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x01, 0, 0, 0, 0, 0, 0, 0x1F, 0x42, (byte) 0x86, (byte) 0x81, 0x01};
        long id = as("inspector").multiPart("clientRef", clientRef).multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .multiPart("voice", "v.webm", webm, "audio/webm").multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON))
                .when().post("/api/m/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        Cases.get("inspector", id).body("attachments.kind", equalTo(List.of("PHOTO", "AUDIO")));
    }

    @Test
    void selfHandleNeedsTheAfterPhotoAndEndsInPendingClose() {
        String clientRef = ref();
        as("inspector").multiPart("clientRef", clientRef).multiPart("selfHandle", "true").multiPart("classCode", "incident:0110")
                .multiPart("photo", "before.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(400).body("field", equalTo("afterPhoto"));
        long id = as("inspector").multiPart("clientRef", clientRef).multiPart("selfHandle", "true").multiPart("classCode", "incident:0110")
                .multiPart(utf8("note", "已清理")).multiPart("photo", "before.jpg", GpsJpeg.at(EXIF_LAT, EXIF_LON), "image/jpeg")
                .multiPart("afterPhoto", "after.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/reports").then().statusCode(201).body("stage", equalTo("PENDING_CLOSE")).extract().jsonPath().getLong("id");
        Cases.get("inspector", id).body("attachments", hasSize(2)).body("history.action", hasItem("selfHandle"))
                .body("history.find { it.action == 'selfHandle' }.note", equalTo("已清理"));
    }

    @Test
    void confirmTasksOfMyGridAreListedAndAnsweredWithPhotos() {
        long inspector = Cases.staffId("inspector");
        long id = Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "sendToConfirm", Map.of("inspectorId", inspector)).statusCode(200);

        as("inspector").when().get("/api/m/tasks").then().statusCode(200).body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.answers", equalTo(List.of("confirm", "confirmNotFound")));
        as("inspector2").when().get("/api/m/tasks").then().statusCode(200).body("id", not(hasItem((int) id)));
        as("inspector2").when().get("/api/m/tasks/" + id).then().statusCode(403);

        as("inspector").multiPart("clientRef", ref()).multiPart("action", "confirm")
                .when().post("/api/m/tasks/" + id + "/answer").then().statusCode(400).body("field", equalTo("photo"));
        as("inspector").multiPart("clientRef", ref()).multiPart("action", "file").multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/tasks/" + id + "/answer").then().statusCode(400).body("field", equalTo("action"));
        String answerRef = ref();
        as("inspector").multiPart("clientRef", answerRef).multiPart("action", "confirm").multiPart(utf8("note", "现场属实"))
                .multiPart("photo", "site.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/tasks/" + id + "/answer").then().statusCode(201).body("stage", equalTo("PENDING_FILING"));
        as("inspector").multiPart("clientRef", answerRef).multiPart("action", "confirm").multiPart("photo", "site.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/tasks/" + id + "/answer").then().statusCode(200).body("duplicate", equalTo(true));
        Cases.get("inspector", id).body("stage", equalTo("PENDING_FILING")).body("attachments", hasSize(1));
        as("inspector").when().get("/api/m/tasks").then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    void theMostUsedClassesComeFirst() {
        for (int i = 0; i < 3; i++) {
            as("inspector2").multiPart("clientRef", ref()).multiPart("classCode", "component:0101")
                    .multiPart("photo", "p.jpg", GpsJpeg.plain(), "image/jpeg")
                    .multiPart("lat", "35.6680").multiPart("lon", "117.2790").when().post("/api/m/reports").then().statusCode(201);
        }
        as("inspector2").when().get("/api/m/classes").then().statusCode(200).body("mostUsed[0]", equalTo("component:0101"))
                .body("classes.ref", hasItem("incident:06010")).body("classes.ref", not(hasItem("incident:0110")));
    }

    @Test
    void thePatrolTrackIsStoredOnceAndShownToShiftLeads() {
        long inspector2 = Cases.staffId("inspector2");
        Instant now = org.civicgrid.testsupport.MutableClock.INSTANCE.instant();
        Map<String, Object> batch = Map.of("points", List.of(
                Map.of("lat", 35.6680, "lon", 117.2790, "accuracy", 8.0, "at", now.minusSeconds(60).toString()),
                Map.of("lat", 35.6690, "lon", 117.2800, "accuracy", 6.0, "at", now.minusSeconds(30).toString())));
        Api.as("inspector2").body(batch).when().post("/api/m/track").then().statusCode(200).body("stored", equalTo(2));
        Api.as("inspector2").body(batch).when().post("/api/m/track").then().statusCode(200).body("stored", equalTo(0)).body("skipped", equalTo(2));
        Api.as("inspector2").body(Map.of("points", List.of(Map.of("lat", 35.66, "lon", 117.27)))).when().post("/api/m/track")
                .then().statusCode(400).body("field", equalTo("points[0]"));
        Api.as("inspector2").body(Map.of("points", List.of(Map.of("lat", 35.66, "lon", 117.27, "at", now.minusSeconds(86400 * 5).toString()))))
                .when().post("/api/m/track").then().statusCode(400);

        String day = LocalDate.ofInstant(now.minusSeconds(30), ZoneId.of("Asia/Shanghai")).toString();
        JsonPath track = Api.as("shiftlead").queryParam("staffId", inspector2).queryParam("day", day).when().get("/api/tracks")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(track.getList("points").size() >= 2);
        assertTrue(track.getLong("distanceM") > 100, "two points ~140 m apart");
        assertTrue(!track.getList("workGridCodes").isEmpty() && !track.getList("visitedGridCodes").isEmpty());
        Api.as("inspector").queryParam("staffId", inspector2).when().get("/api/tracks").then().statusCode(403);
        Api.as("leader").queryParam("staffId", Cases.staffId("acceptor")).when().get("/api/tracks").then().statusCode(400);
    }

    @Test
    void theAppPageManifestAndServiceWorkerAreServed() {
        WebSession.signIn("inspector").page().accept("text/html").when().get("/m/").then().statusCode(200)
                .body(containsString("/m/manifest.webmanifest")).body(containsString("capture=\"environment\""));
        WebSession.signIn("acceptor").page().accept("text/html").when().get("/m/").then().statusCode(403);
        given().when().get("/m/sw.js").then().statusCode(200).header("Service-Worker-Allowed", "/m/").body(containsString("networkFirst"));
        given().when().get("/m/manifest.webmanifest").then().statusCode(200).body("start_url", equalTo("/m/"));
        WebSession.signIn("shiftlead").page().accept("text/html").when().get("/tracks").then().statusCode(200).body(containsString("track-map"));
        WebSession.signIn("inspector").page().accept("text/html").when().get("/tracks").then().statusCode(403);
    }
}
