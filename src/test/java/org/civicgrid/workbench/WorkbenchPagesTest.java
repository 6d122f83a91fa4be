package org.civicgrid.workbench;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The role workbenches: each role sees its own queues with a new case in the right one; htmx polls get only the fragment. */
@QuarkusTest
class WorkbenchPagesTest {

    private static final String CLASS = "component:0101";

    private static long report() {
        return Cases.report("acceptor", "HOTLINE", CLASS, Cases.LAT, Cases.LON);
    }

    private static int version(long id) {
        return Cases.get("acceptor", id).extract().path("version");
    }

    private static String number(long id) {
        return Cases.get("acceptor", id).extract().path("number");
    }

    private static int count(WebSession session, String queue) {
        String page = session.page().header("HX-Request", "true").when().get("/").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("id=\"queue-" + queue + "\" data-count=\"(\\d+)\"").matcher(page);
        assertTrue(m.find(), queue + " shown");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theAcceptorSeesANewReportInTheirQueue() {
        WebSession acceptor = WebSession.signIn("acceptor");
        int before = count(acceptor, "NEW_REPORTS");
        report();
        assertEquals(before + 1, count(acceptor, "NEW_REPORTS"));
        acceptor.page().when().get("/").then().statusCode(200)
                .body(containsString("<title>工作台")).body(containsString("id=\"queue-NEW_REPORTS\""))
                .body(containsString("新上报")).body(containsString("待发核查")).body(containsString("href=\"/cases?queue=NEW_REPORTS\""))
                .body(containsString("hx-trigger=\"every 30s\"")).body(not(containsString("id=\"queue-TO_DISPATCH\"")));
    }

    @Test
    void eachRoleGetsItsOwnQueues() {
        WebSession.signIn("shiftlead").page().when().get("/").then().statusCode(200)
                .body(containsString("id=\"queue-TO_FILE\"")).body(containsString("id=\"queue-TO_CLOSE\""))
                .body(containsString("id=\"queue-TO_DISCARD\"")).body(not(containsString("id=\"queue-NEW_REPORTS\"")));
        WebSession.signIn("dispatcher").page().when().get("/").then().statusCode(200)
                .body(containsString("id=\"queue-TO_DISPATCH\"")).body(containsString("id=\"queue-REQUESTS\""));
        WebSession.signIn("huanwei").page().when().get("/").then().statusCode(200)
                .body(containsString("id=\"queue-TO_SIGN\"")).body(containsString("id=\"queue-DUE_SOON\""));
        WebSession.signIn("inspector").page().when().get("/").then().statusCode(200).body(containsString("id=\"queue-TASKS\""));
        WebSession.signIn("leader").page().when().get("/").then().statusCode(200)
                .body(containsString("id=\"queue-OVERDUE\"")).body(containsString("id=\"queue-URGED\""));
        WebSession.signIn("admin").page().when().get("/").then().statusCode(200)
                .body(not(containsString("class=\"card queue\""))).body(containsString("处置部门"));
    }

    /** 受理员 and 值班长 see how many closed cases wait for a 回访 — the cases the call-back desk lists — linking to it; others do not. */
    @Test
    void theDeskSeesTheCallBacksWaiting() {
        for (String desk : java.util.List.of("acceptor", "shiftlead")) {
            WebSession session = WebSession.signIn(desk);
            String page = session.page().when().get("/").then().statusCode(200).extract().asString();
            Matcher count = Pattern.compile("id=\"call-backs-waiting\" data-count=\"(\\d+)\"").matcher(page);
            assertTrue(count.find() && page.contains("href=\"/callbacks\""), desk + ": " + page);
            String listed = session.page().when().get("/callbacks").then().statusCode(200).extract().asString();
            String awaiting = listed.substring(listed.indexOf("id=\"awaiting\""), listed.indexOf("</table>", listed.indexOf("id=\"awaiting\"")));
            assertEquals(Math.min(100, Integer.parseInt(count.group(1))), awaiting.split("<tr data-case-id=", -1).length - 1, desk);
        }
        WebSession.signIn("dispatcher").page().when().get("/").then().statusCode(200).body(not(containsString("id=\"call-backs-waiting\"")));
        WebSession.signIn("leader").page().when().get("/").then().statusCode(200).body(not(containsString("id=\"call-backs-waiting\"")));
    }

    @Test
    void aFiledCaseWaitsForTheDispatcherWithTheRoutingSuggestion() {
        long id = report();
        Cases.act("acceptor", id, "accept", Map.of("version", version(id))).statusCode(200);
        long condition = Cases.conditionId(CLASS, "破损超过25");
        Cases.act("shiftlead", id, "file", Map.of("version", version(id), "conditionId", condition)).statusCode(200);
        WebSession dispatcher = WebSession.signIn("dispatcher");
        dispatcher.page().queryParam("queue", "TO_DISPATCH").when().get("/cases").then().statusCode(200)
                .body(containsString(number(id))).body(containsString("<option value=\"TO_DISPATCH\" selected"));
        dispatcher.page().when().get("/").then().statusCode(200).body(containsString("建议派往："));
        // an acceptor asking for a dispatcher queue gets the whole list falls back to the whole list, not someone else's queue
        WebSession.signIn("acceptor").page().queryParam("queue", "TO_DISPATCH").when().get("/cases").then().statusCode(200)
                .body(not(containsString("<option value=\"TO_DISPATCH\"")));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnDispatchedCase() {
        long id = report();
        Cases.act("acceptor", id, "accept", Map.of("version", version(id))).statusCode(200);
        long condition = Cases.conditionId(CLASS, "破损超过25");
        Cases.act("shiftlead", id, "file", Map.of("version", version(id), "conditionId", condition)).statusCode(200);
        WebSession shizheng = WebSession.signIn("shizheng");
        WebSession huanwei = WebSession.signIn("huanwei");
        int shizhengBefore = count(shizheng, "TO_SIGN");
        int huanweiBefore = count(huanwei, "TO_SIGN");
        Cases.act("dispatcher", id, "dispatch", Map.of("version", version(id), "departmentId", Cases.departmentId("shizheng")))
                .statusCode(200);
        assertEquals(shizhengBefore + 1, count(shizheng, "TO_SIGN"));
        assertEquals(huanweiBefore, count(huanwei, "TO_SIGN"));
        shizheng.page().queryParam("queue", "TO_SIGN").when().get("/cases").then().statusCode(200).body(containsString(number(id)));
        Cases.act("shizheng", id, "signFor", Map.of("version", version(id))).statusCode(200);
        assertEquals(shizhengBefore, count(shizheng, "TO_SIGN"));
    }

    @Test
    void anHtmxPollGetsOnlyTheQueues() {
        report();
        WebSession.signIn("acceptor").page().header("HX-Request", "true").when().get("/").then().statusCode(200)
                .body(not(containsString("<html"))).body(not(containsString("mainnav"))).body(containsString("id=\"queue-NEW_REPORTS\""))
                .header("Vary", containsString("HX-Request"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        RestAssured.given().redirects().follow(false).when().get("/").then().statusCode(302).header("Location", containsString("/login"));
    }
}
