package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The case pages: the filterable list and its htmx fragment, who sees what, and the action forms posting through the loop. */
@QuarkusTest
class CasePagesTest {

    private static final String CLASS = "component:0101";

    private static long report() {
        return Cases.report("acceptor", "HOTLINE", CLASS, Cases.LAT, Cases.LON);
    }

    private static String number(long id) {
        return Cases.get("acceptor", id).extract().path("number");
    }

    private static int version(long id) {
        return Cases.get("acceptor", id).extract().path("version");
    }

    @Test
    void theListShowsANewCaseAndFiltersByStage() {
        long id = report();
        String number = number(id);
        WebSession dispatcher = WebSession.signIn("dispatcher");
        dispatcher.page().when().get("/cases").then().statusCode(200)
                .body(containsString("<title>案卷")).body(containsString("href=\"/cases/" + id + "\""))
                .body(containsString(number)).body(containsString("待受理")).body(containsString("hx-get=\"/cases\""));
        dispatcher.page().queryParam("stage", "REPORTED").queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(containsString(number)).body(containsString("上水井盖"));
        dispatcher.page().queryParam("stage", "CLOSED").queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(not(containsString("href=\"/cases/" + id + "\""))).body(containsString("没有符合条件的案卷"));
    }

    @Test
    void anHtmxRequestGetsOnlyTheRows() {
        long id = report();
        String number = number(id);
        WebSession.signIn("dispatcher").page().header("HX-Request", "true").queryParam("q", number).when().get("/cases").then()
                .statusCode(200).body(not(containsString("<html"))).body(not(containsString("<form")))
                .body(containsString("<table")).body(containsString(number)).body(containsString("href=\"/cases/" + id + "\""))
                .header("Vary", containsString("HX-Request"));
        WebSession.signIn("dispatcher").page().header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                .when().get("/cases").then().statusCode(200).body(containsString("<html"));
    }

    @Test
    void aDepartmentDoesNotSeeAnUndispatchedCase() {
        long id = report();
        String number = number(id);
        WebSession huanwei = WebSession.signIn("huanwei");
        huanwei.page().queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(not(containsString("href=\"/cases/" + id + "\"")));
        huanwei.page().when().get("/cases/" + id).then().statusCode(403);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        RestAssured.given().redirects().follow(false).when().get("/cases").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void theNavigationLeadsToTheCases() {
        WebSession.signIn("inspector").page().when().get("/").then().statusCode(200).body(containsString("href=\"/cases\""));
        WebSession.signIn("dispatcher").page().cookie("civicgrid-lang", "en").when().get("/cases").then().statusCode(200)
                .body(containsString("<title>Cases")).body(containsString("Reported"));
    }

    @Test
    void theDetailShowsExactlyTheActionsAllowed() {
        long id = report();
        String accept = "action=\"/cases/" + id + "/actions/accept\"";
        String sendToConfirm = "action=\"/cases/" + id + "/actions/sendToConfirm\"";
        WebSession.signIn("acceptor").page().when().get("/cases/" + id).then().statusCode(200)
                .body(containsString(number(id))).body(containsString(accept)).body(containsString(sendToConfirm))
                .body(containsString("name=\"inspectorId\"")).body(containsString("测试上报：井盖破损")).body(containsString("办理过程"));
        WebSession.signIn("dispatcher").page().when().get("/cases/" + id).then().statusCode(200)
                .body(not(containsString(accept))).body(not(containsString(sendToConfirm)));
    }

    @Test
    void aStaleFormIsAConflictShownOnThePage() {
        long id = report();
        int seen = version(id);
        Cases.act("acceptor", id, "relocate", Map.of("lat", Cases.LAT, "lon", Cases.LON)).statusCode(200);
        WebSession.signIn("acceptor").form().formParam("version", seen).when().post("/cases/" + id + "/actions/accept").then()
                .statusCode(409).body(containsString("<html")).body(containsString("id=\"action-accept\" open"));
        Cases.get("acceptor", id).body("stage", equalTo("REPORTED"));
    }

    @Test
    void thePrintSheetHasTheFactsAndHistoryWithoutNavigation() {
        long id = report();
        WebSession.signIn("acceptor").page().when().get("/cases/" + id + "/print").then().statusCode(200)
                .body(containsString("数字化城市管理案卷")).body(containsString(number(id))).body(containsString("id=\"history\""))
                .body(containsString("待受理")).body(not(containsString("mainnav"))).body(not(containsString("<form")));
        WebSession.signIn("huanwei").page().when().get("/cases/" + id + "/print").then().statusCode(403);
    }

    @Test
    void actionFormsTakeTheCaseThroughTheLoop() {
        long id = report();
        long condition = Cases.conditionId(CLASS, "破损超过25");

        WebSession.signIn("acceptor").form().formParam("version", version(id)).formParam("note", "")
                .when().post("/cases/" + id + "/actions/accept").then().statusCode(303)
                .header("Location", containsString("/cases/" + id + "?done=accept"));
        Cases.get("acceptor", id).body("stage", equalTo("PENDING_FILING"));

        WebSession shiftlead = WebSession.signIn("shiftlead");
        shiftlead.page().when().get("/cases/" + id).then().statusCode(200).body(containsString("破损超过25c㎡ → 4工作时"))
                .body(containsString("name=\"conditionId\""));
        shiftlead.form().formParam("version", version(id)).formParam("conditionId", condition)
                .when().post("/cases/" + id + "/actions/file").then().statusCode(303);
        Cases.get("acceptor", id).body("stage", equalTo("FILED"));
        shiftlead.page().when().get("/cases/" + id + "?done=file").then().statusCode(200).body(containsString("已完成：立案"));

        WebSession dispatcher = WebSession.signIn("dispatcher");
        String suggested = Api.as("dispatcher").when().get("/api/cases/" + id + "/suggested-departments").then().statusCode(200)
                .extract().path("[0].name");
        dispatcher.page().when().get("/cases/" + id).then().statusCode(200).body(containsString("name=\"departmentId\""))
                .body(containsString(">" + suggested + "（建议）</option>"));
        dispatcher.form().formParam("version", version(id)).formParam("departmentId", "")
                .when().post("/cases/" + id + "/actions/dispatch").then().statusCode(400)
                .body(containsString("<html")).body(containsString("departmentId")).body(containsString("role=\"alert\""))
                .body(not(containsString("Exception")));
        Cases.get("acceptor", id).body("stage", equalTo("FILED"));

        WebSession.signIn("acceptor").form().formParam("version", version(id)).formParam("departmentId", Cases.departmentId("shizheng"))
                .when().post("/cases/" + id + "/actions/dispatch").then().statusCode(403)
                .body(containsString("<html")).body(containsString("操作未完成"));
        Cases.get("acceptor", id).body("stage", equalTo("FILED"));
    }

    @Test
    void theCorrectionFormsAndTheUrgeNoticesAreOnTheCasePageInBothLanguages() {
        long id = CaseCorrectionsTest.filedCase();
        WebSession.signIn("dispatcher").page().when().get("/cases/" + id).then().statusCode(200)
                .body(containsString("id=\"action-sendBack\"")).body(containsString("退回重审"));
        WebSession.signIn("dispatcher").form().formParam("note", "分类有误").when().post("/cases/" + id + "/actions/sendBack").then()
                .statusCode(303);
        WebSession.signIn("shiftlead").page().when().get("/cases/" + id).then().statusCode(200)
                .body(containsString("id=\"action-reclassify\"")).body(containsString("name=\"classCode\""))
                .body(containsString("<option value=\"component:01002\">")).body(not(containsString("<option value=\"component:0101\">")));
        WebSession.signIn("shiftlead").form().formParam("classCode", "component:9999").when().post("/cases/" + id + "/actions/reclassify")
                .then().statusCode(400).body(containsString("分类“component:9999”不存在")); // the API says "unknown class", in Chinese on a zh page
        WebSession.signIn("shiftlead").form().formParam("note", "请尽快立案").formParam("replyLimit", "2工作时").when()
                .post("/cases/" + id + "/actions/urge").then().statusCode(303);
        WebSession.signIn("leader").page().when().get("/cases/" + id).then().statusCode(200)
                .body(containsString("id=\"urges\"")).body(containsString("请尽快立案")).body(containsString("(2工作时)"))
                .body(containsString("name=\"replyLimit\""));
        WebSession.signIn("leader").page().cookie("civicgrid-lang", "en").when().get("/cases/" + id).then().statusCode(200)
                .body(containsString("Urge notices")).body(containsString("Send back to shift lead")).body(containsString("Reason for urging"));
    }
}
