package org.civicgrid.screen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The 大屏: its page, its figures moving with a new case and a closed one, and who may see it. */
@QuarkusTest
class ScreenPagesTest {

    private static final String CLASS = "component:0101";

    private static int version(long id) {
        return Cases.get("acceptor", id).extract().path("version");
    }

    private static int todayReported() {
        return Api.as("leader").when().get("/api/screen/summary").then().statusCode(200).extract().path("today.reported");
    }

    @Test
    void thePageLoadsTheScreenBundle() {
        WebSession.signIn("leader").page().when().get("/screen").then().statusCode(200)
                .body(containsString("数字城管综合指挥大屏")).body(containsString("id=\"chart-trend\""))
                .body(containsString("/static/bundle/screen")).body(containsString("data-refresh=\"30\""))
                .body(containsString("部门按期结案率"));
        WebSession.signIn("dispatcher").page().when().get("/").then().statusCode(200).body(containsString("href=\"/screen\""));
    }

    @Test
    void theFiguresCountANewReportAndRankTheDepartmentThatClosedIt() {
        int before = todayReported();
        long id = Cases.report("acceptor", "HOTLINE", CLASS, Cases.LAT, Cases.LON);
        assertEquals(before + 1, todayReported());
        Cases.act("acceptor", id, "accept", Map.of("version", version(id))).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("version", version(id), "conditionId", Cases.conditionId(CLASS, "破损超过25")))
                .statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("version", version(id), "departmentId", Cases.departmentId("shizheng")))
                .statusCode(200);
        Cases.act("shizheng", id, "signFor", Map.of("version", version(id))).statusCode(200);
        Cases.act("shizheng", id, "reportHandled", Map.of("version", version(id), "note", "已更换井盖")).statusCode(200);
        Cases.act("acceptor", id, "sendToCheck", Map.of("version", version(id), "inspectorId", Cases.staffId("inspector"))).statusCode(200);
        Cases.act("inspector", id, "verify", Map.of("version", version(id))).statusCode(200);
        Cases.act("shiftlead", id, "close", Map.of("version", version(id))).statusCode(200);

        Api.as("leader").when().get("/api/screen/summary").then().statusCode(200)
                .body("today.closed", greaterThanOrEqualTo(1)).body("month.reported", greaterThanOrEqualTo(1))
                .body("today.bySource.label", hasItem("热线")).body("trend", hasSize(30))
                .body("topClasses.label", hasItem("上水井盖")).body("departments.name", hasItem("县市政工程服务中心"))
                .body("departments.find { it.name == '县市政工程服务中心' }.rate", equalTo(100.0f))
                .body("alerts", hasSize(Math.min(8, alertsStored())))
                .body("cameras.total", equalTo(Api.as("admin").when().get("/api/cameras").then().statusCode(200).extract().path("size()")));
        Api.as("leader").header("Cookie", "civicgrid-lang=en").when().get("/api/screen/summary").then().statusCode(200)
                .body("today.bySource.label", hasItem("Hotline"));
    }

    @Test
    void departmentsAndInspectorsMayNotOpenIt() {
        Api.as("huanwei").when().get("/api/screen/summary").then().statusCode(403);
        Api.as("inspector").when().get("/api/screen/summary").then().statusCode(403);
        WebSession.signIn("huanwei").page().when().get("/screen").then().statusCode(403).body(containsString("<html"));
        WebSession.signIn("huanwei").page().when().get("/").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("href=\"/screen\"")));
    }

    /** Alerts the box holds, from the alert list the staff see: the screen shows the newest of them. */
    private static int alertsStored() {
        Number total = Api.as("admin").when().get("/api/alerts").then().statusCode(200).extract().path("total");
        return total.intValue();
    }
}
