package org.civicgrid.cases;

import static org.civicgrid.testsupport.Cases.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §2: the department reports with photos — 处置中 photos and 处置反馈 with 处置后 photos and its note, through
 * the upload image check — and the 核查 task on /m/ shows the department's note and photos beside the 上报 photos
 * (positive answer first, the one needing a reason second); the case page and print sheet show 处置前/处置后 side by side.
 */
@QuarkusTest
class HandlingPhotosTest {

    @Test
    void theDepartmentReportsWithPhotosAndTheCheckSeesThem() {
        long inspector = Cases.staffId("inspector");
        long id = Cases.report("acceptor", "HOTLINE", "component:01002", Cases.LAT, Cases.LON);
        Api.as("acceptor").contentType("multipart/form-data").multiPart("file", "before.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:01002", "破损超过25"))).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("shizheng"), "note", "请尽快更换")).statusCode(200);
        WebSession shizheng = WebSession.signIn("shizheng");
        shizheng.page().multiPart("photo", "during.jpg", GpsJpeg.plain(), "image/jpeg").when().post("/cases/" + id + "/photos")
                .then().statusCode(403); // not signed for yet: not handling
        act("shizheng", id, "signFor", Map.of()).statusCode(200);
        shizheng.page().multiPart("photo", "during.jpg", GpsJpeg.plain(), "image/jpeg").when().post("/cases/" + id + "/photos")
                .then().statusCode(303);

        // a file that is not a photo refuses the whole 处置反馈: the stage stays
        shizheng.page().multiPart("note", "已更换井盖", "text/plain; charset=UTF-8").multiPart("photo", "fake.jpg", "not a jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .when().post("/cases/" + id + "/actions/reportHandled").then().statusCode(400);
        Cases.get("acceptor", id).body("stage", equalTo("HANDLING"));
        shizheng.page().multiPart("note", "已更换井盖", "text/plain; charset=UTF-8").multiPart("photo", "after.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/cases/" + id + "/actions/reportHandled").then().statusCode(303);
        JsonPath c = Cases.get("acceptor", id).body("stage", equalTo("PENDING_CHECK")).extract().jsonPath();
        List<String> phases = c.getList("attachments.phase");
        assertEquals(2, phases.stream().filter("AFTER"::equals).count(), "处置中 and 处置反馈 photos are 处置后: " + phases);
        assertTrue(c.getList("history.note").contains("请尽快更换"), "派遣意见 in the history");

        act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        JsonPath task = Api.as("inspector").when().get("/api/m/tasks/" + id).then().statusCode(200)
                .body("answers", equalTo(List.of("verify", "rework"))).body("noteRequired", equalTo(List.of("rework")))
                .body("handledNote", equalTo("已更换井盖")).body("photos.phase", hasItem("BEFORE")).body("photos.phase", hasItem("AFTER"))
                .extract().jsonPath();
        assertEquals(2, task.getList("photos.phase").stream().filter("AFTER"::equals).count());

        WebSession acceptor = WebSession.signIn("acceptor");
        acceptor.page().when().get("/cases/" + id).then().statusCode(200).body(containsString("id=\"phase-BEFORE\""))
                .body(containsString("id=\"phase-AFTER\"")).body(containsString("污水井盖"));
        acceptor.page().when().get("/cases/" + id + "/print").then().statusCode(200).body(containsString("id=\"print-photos\""))
                .body(containsString("处置后")).body(containsString("污水井盖"));
    }

    /** 处置通: the department's cases on the phone and its steps through the idempotent queue endpoint. */
    @Test
    void theDepartmentWorksFromThePhone() {
        long id = Cases.report("acceptor", "HOTLINE", "incident:09009", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("incident:09009", "默认立案条件"))).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("jiaojing"), "note", "早高峰前处理")).statusCode(200);
        WebSession.signIn("jiaojing").page().when().get("/m/").then().statusCode(200).body(containsString("data-mode=\"department\""))
                .body(containsString("id=\"handling-list\""));
        List<Map<String, Object>> mine = Api.as("jiaojing").when().get("/api/m/handling").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> task = mine.stream().filter(t -> ((Number) t.get("id")).longValue() == id).findFirst().orElseThrow();
        assertEquals("早高峰前处理", task.get("dispatchNote"));
        assertEquals(List.of("signFor", "requestReturn"), task.get("steps"));
        Api.as("shizheng").contentType("multipart/form-data").multiPart("clientRef", "sign-" + id + "-other").multiPart("action", "signFor")
                .when().post("/api/m/handling/" + id).then().statusCode(403);
        String ref = "sign-" + id + "-jiaojing";
        Api.as("jiaojing").contentType("multipart/form-data").multiPart("clientRef", ref).multiPart("action", "signFor")
                .when().post("/api/m/handling/" + id).then().statusCode(201).body("stage", equalTo("HANDLING"));
        Api.as("jiaojing").contentType("multipart/form-data").multiPart("clientRef", ref).multiPart("action", "signFor")
                .when().post("/api/m/handling/" + id).then().statusCode(200).body("duplicate", equalTo(true));
        Api.as("jiaojing").contentType("multipart/form-data").multiPart("clientRef", "handling-photo-" + id).multiPart("action", "photos")
                .multiPart("photo", "during.jpg", GpsJpeg.plain(), "image/jpeg").when().post("/api/m/handling/" + id).then().statusCode(201);
        Api.as("jiaojing").contentType("multipart/form-data").multiPart("clientRef", "handling-done-" + id).multiPart("action", "reportHandled")
                .when().post("/api/m/handling/" + id).then().statusCode(400).body("field", equalTo("note"));
        Api.as("jiaojing").contentType("multipart/form-data").multiPart("clientRef", "handling-done2-" + id).multiPart("action", "reportHandled")
                .multiPart("note", "已拖离违停车辆", "text/plain; charset=UTF-8").multiPart("photo", "after.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/m/handling/" + id).then().statusCode(201).body("stage", equalTo("PENDING_CHECK"));
        List<String> phases = Cases.get("acceptor", id).extract().jsonPath().getList("attachments.phase");
        assertEquals(List.of("AFTER", "AFTER"), phases);
    }
}
