package org.civicgrid.cases;

import static io.restassured.RestAssured.given;
import static org.civicgrid.testsupport.Cases.act;
import static org.civicgrid.testsupport.Cases.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input, duplicates, attachments, who sees what, and the automatic 督办 of overdue cases. */
@QuarkusTest
class CaseRulesTest {

    private static final byte[] JPEG = GpsJpeg.plain(); // a photo that decodes (issue 17 refuses header-only fakes)

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OverdueScan overdue;

    @AfterEach
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndWriteNothing() {
        long before = Store.count(dataSource, "case_file");
        Api.as("acceptor").body(Map.of("source", "HOTLINE", "description", "x", "lat", 35.66, "lon", 117.27, "classCode", "component:9999"))
                .when().post("/api/cases").then().statusCode(400).body("field", equalTo("classCode"));
        Api.as("acceptor").body(Map.of("source", "HOTLINE", "description", "x", "lat", 39.90, "lon", 116.40))
                .when().post("/api/cases").then().statusCode(400).body("field", equalTo("lat"));
        Api.as("acceptor").body(Map.of("source", "HOTLINE", "description", " ", "lat", 35.66, "lon", 117.27))
                .when().post("/api/cases").then().statusCode(400).body("field", equalTo("description"));
        Api.as("inspector").body(Map.of("source", "HOTLINE", "description", "x", "lat", 35.66, "lon", 117.27))
                .when().post("/api/cases").then().statusCode(403);
        Api.as("dispatcher").body(Map.of("source", "HOTLINE", "description", "x", "lat", 35.66, "lon", 117.27))
                .when().post("/api/cases").then().statusCode(403);
        assertEquals(before, Store.count(dataSource, "case_file"));
    }

    @Test
    void aRefusedActionLeavesTheCaseAndItsHistoryUntouched() {
        long id = Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT, Cases.LON);
        int version = act("acceptor", id, "accept", Map.of()).statusCode(200).extract().path("version");
        act("shiftlead", id, "file", Map.of("conditionId", 999_999)).statusCode(400).body("field", equalTo("conditionId"));
        act("shiftlead", id, "discard", Map.of()).statusCode(400).body("field", equalTo("note"));
        act("shiftlead", id, "dispatch", Map.of("departmentId", 1)).statusCode(403);
        act("dispatcher", id, "dispatch", Map.of("departmentId", 1)).statusCode(409).body("error", equalTo("invalid_transition"));
        act("shiftlead", id, "fly", Map.of()).statusCode(404);
        get("acceptor", id).body("stage", equalTo("PENDING_FILING")).body("history", hasSize(2)).body("version", equalTo(version));
        long standard = Cases.conditionId("incident:0110", "");
        act("shiftlead", id, "file", Map.of("conditionId", standard)).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", 999_999)).statusCode(400).body("field", equalTo("departmentId"));
        get("acceptor", id).body("stage", equalTo("FILED")).body("history", hasSize(3));
    }

    @Test
    void aNearbyReportOfTheSameClassIsSuggestedAndMergedAsARepeatReportAndCounted() {
        long first = Cases.report("acceptor", "HOTLINE", "incident:0110", 35.6510, 117.2810);
        long second = Cases.report("acceptor", "PUBLIC", "incident:0110", 35.6512, 117.2811); // ≈ 24 m away
        long far = Cases.report("acceptor", "PUBLIC", "incident:0110", 35.6530, 117.2810); // ≈ 220 m away
        Api.as("acceptor").when().get("/api/cases/" + second + "/duplicates").then().statusCode(200)
                .body("id", hasItem((int) first)).body("id", org.hamcrest.Matchers.not(hasItem((int) far)));
        act("acceptor", second, "mergeDuplicate", Map.of("duplicateOfId", second)).statusCode(400).body("field", equalTo("duplicateOfId"));
        act("acceptor", second, "mergeDuplicate", Map.of("duplicateOfId", first)).statusCode(200).body("stage", equalTo("DISCARDED"))
                .body("duplicateOfId", equalTo((int) first));
        get("acceptor", first).body("duplicates.id", hasItem((int) second)).body("repeatCount", equalTo(1));
        long third = Cases.report("acceptor", "HOTLINE", "incident:0110", 35.6511, 117.2811);
        act("shiftlead", third, "mergeDuplicate", Map.of("duplicateOfId", first)).statusCode(200);
        get("acceptor", first).body("repeatCount", equalTo(2)).body("duplicates", hasSize(2));
    }

    @Test
    void photosAreStoredCheckedAndServedBack() {
        long id = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "before.jpg", JPEG, "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201).body("[0].kind", equalTo("PHOTO"));
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "evil.jpg", "<?php echo 1;".getBytes(), "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(400).body("field", equalTo("file"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "big.jpg", big, "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(400).body("field", equalTo("file"));
        String url = get("acceptor", id).body("attachments", hasSize(1)).extract().path("attachments[0].url");
        byte[] back = given().auth().preemptive().basic("acceptor", "civicgrid").when().get(url).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(JPEG, back);
        String stored = Store.single(dataSource, "select stored_path from case_attachment where case_id = " + id);
        assertTrue(stored.startsWith("attachments/") && stored.endsWith(".jpg"), stored);
    }

    @Test
    void anInspectorFixesAMinorProblemOnTheSpotOnlyWithTheAfterPhoto() {
        long id = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        act("inspector2", id, "selfHandle", Map.of("note", "已清理")).statusCode(403);
        act("inspector", id, "selfHandle", Map.of("note", "已清理")).statusCode(400).body("field", equalTo("afterPhoto"));
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "scene.jpg", JPEG, "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201).body("[0].phase", equalTo(null));
        act("inspector", id, "selfHandle", Map.of("note", "已清理")).statusCode(400).body("field", equalTo("afterPhoto"));
        get("inspector", id).body("stage", equalTo("REPORTED")).body("history", hasSize(1));
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "after.jpg", JPEG, "image/jpeg").multiPart("phase", "later")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(400).body("field", equalTo("phase"));
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "after.jpg", JPEG, "image/jpeg").multiPart("phase", "AFTER")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201).body("[0].phase", equalTo("AFTER"));
        act("inspector", id, "selfHandle", Map.of("note", "已清理")).statusCode(200).body("stage", equalTo("PENDING_CLOSE"))
                .body("selfHandled", equalTo(true));
        act("shiftlead", id, "close", Map.of()).statusCode(200).body("stage", equalTo("CLOSED"));
    }

    @Test
    void departmentUsersSeeOnlyTheirDepartmentsCases() {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        Api.as("huanwei").when().get("/api/cases/" + id).then().statusCode(403);
        get("gongshui", id).body("actions", hasItem("signFor"));
        List<Integer> seen = Api.as("huanwei").queryParam("size", 200).when().get("/api/cases").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(!seen.contains((int) id));
        Api.as("gongshui").queryParam("stage", "DISPATCHED").when().get("/api/cases").then().body("items.id", hasItem((int) id));
    }

    @Test
    void overdueCasesGetAnAutomaticUrgeFromTheSystem() {
        MutableClock.at("2026-11-23T09:00:00");
        long id = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
        assertEquals(0, overdueCount(id));
        MutableClock.advance(Duration.ofMinutes(61));
        get("leader", id).body("light", equalTo("RED"));
        Api.as("leader").queryParam("light", "RED").queryParam("size", 200).when().get("/api/cases").then().body("items.id", hasItem((int) id));
        assertTrue(overdue.scan() >= 1);
        get("leader", id).body("urged", equalTo(true)).body("urgeCount", equalTo(1)).body("history[1].action", equalTo("urge"))
                .body("history[1].actor", equalTo("系统")).body("stage", equalTo("REPORTED"))
                .body("urges[0].issuedBy", equalTo("系统")).body("urges[0].reason", equalTo("超时自动督办"))
                .body("urges[0].escalated", equalTo(false));
        overdue.scan();
        assertEquals(1, overdueCount(id), "urged once, not every minute");
    }

    @Test
    void theWorkflowTableIsPublished() {
        Api.as("inspector").when().get("/api/workflow").then().statusCode(200)
                .body("find { it.action == 'file' }.roles", equalTo(List.of("SHIFT_LEAD")))
                .body("find { it.action == 'file' }.from", equalTo("PENDING_FILING"))
                .body("find { it.action == 'sendBack' }.to", equalTo("PENDING_FILING"))
                .body("find { it.action == 'sendBack' }.roles", equalTo(List.of("DISPATCHER")))
                .body("find { it.action == 'reclassify' }.roles", equalTo(List.of("SHIFT_LEAD")))
                .body("find { it.action == 'reopen' }.from", equalTo("CLOSED"))
                .body("find { it.action == 'reopen' }.to", equalTo("HANDLING"))
                .body("find { it.action == 'reopen' }.roles", equalTo(List.of("LEADER", "SHIFT_LEAD")))
                .body("find { it.action == 'confirmNotFound' }.to", equalTo("NOT_CONFIRMED"))
                .body("find { it.action == 'decline' }.roles", equalTo(List.of("ACCEPTOR", "SHIFT_LEAD")))
                .body("findAll { it.action == 'discard' }.from", hasItem("FILED"))
                .body("find { it.action == 'urge' }.roles", equalTo(List.of("LEADER", "SHIFT_LEAD")))
                .body("findAll { it.action == 'replyUrge' }.roles.flatten().unique()", equalTo(List.of("DEPARTMENT")));
    }

    private long overdueCount(long id) {
        return Long.parseLong(Store.single(dataSource, "select count(*) from case_transition where action = 'urge' and case_id = " + id));
    }
}
