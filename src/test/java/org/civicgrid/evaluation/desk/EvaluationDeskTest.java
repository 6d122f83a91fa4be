package org.civicgrid.evaluation.desk;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation desk's role checks, through the API and through the pages' forms, on a month of its own (March of
 * a random year from 3000):
 * a department appeals only its own cases and never sees another department's appeal (404), a shift lead proposes a
 * 扣分 but only 领导 approves it, decisions are final, the computed score never moves, forms without the CSRF token
 * are refused, and refusals read in the user's language.
 */
@QuarkusTest
class EvaluationDeskTest {

    /** A year of its own per run (the test store is kept between runs): 3000–3999, which no other test uses. */
    static final int YEAR = 3000 + new java.util.Random().nextInt(1000);
    static final String MONTH = YEAR + "-03";

    @AfterEach
    void release() {
        MutableClock.release();
    }

    @Test
    void aDepartmentAppealsOnlyItsOwnCasesAndSeesOnlyItsOwnAppeals() {
        long shizheng = Cases.departmentId("shizheng");
        MutableClock.at(MONTH + "-10T09:00:00");
        long own = dispatched(shizheng);
        String number = Cases.get("shizheng", own).extract().path("number");
        // the case page offers the 申诉 to the department whose score the case affects, with the case preselected; not to others
        WebSession.signIn("shizheng").page().when().get("/cases/" + own).then().statusCode(200)
                .body(containsString("id=\"appeal-link\"")).body(containsString("/evaluation/appeals?caseNumber=" + number));
        WebSession.signIn("shizheng").page().queryParam("caseNumber", number).when().get("/evaluation/appeals").then().statusCode(200)
                .body(containsString("value=\"" + number + "\""));
        WebSession.signIn("shiftlead").page().when().get("/cases/" + own).then().statusCode(200).body(not(containsString("id=\"appeal-link\"")));

        long appeal = ((Number) Api.as("shizheng").body(Map.of("period", MONTH, "caseId", own, "reason", "道路封闭无法进场")).when()
                .post("/api/evaluation/appeals").then().statusCode(201).extract().path("id")).longValue();
        // the same case again while the first awaits its decision
        Api.as("shizheng").body(Map.of("period", MONTH, "caseId", own, "reason", "再次申诉")).when().post("/api/evaluation/appeals").then()
                .statusCode(409).body("error", equalTo("appeal_pending"));
        // another department: not its case, not its appeal
        Api.as("huanwei").body(Map.of("period", MONTH, "caseId", own, "reason", "不是我们的案卷")).when().post("/api/evaluation/appeals").then()
                .statusCode(403).body("error", equalTo("not_own_case"));
        Api.as("huanwei").when().get("/api/evaluation/appeals/" + appeal).then().statusCode(404);
        Api.as("shizheng").when().get("/api/evaluation/appeals/" + appeal).then().statusCode(200).body("caseId", equalTo((int) own));
        List<Integer> theirs = Api.as("huanwei").when().get("/api/evaluation/appeals").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(!theirs.contains((int) appeal), "huanwei's list holds only its own appeals: " + theirs);
        WebSession huanwei = WebSession.signIn("huanwei");
        huanwei.page().when().get("/evaluation/appeals/" + appeal).then().statusCode(404);
        huanwei.page().when().get("/evaluation/appeals").then().statusCode(200).body(not(containsString("data-appeal-id=\"" + appeal + "\"")));
        // the page's form: refused in Chinese, nothing stored
        huanwei.form().formParam("caseNumber", number).formParam("period", MONTH).formParam("reason", "试试").when().post("/evaluation/appeals")
                .then().statusCode(403).body(containsString("只能就本部门的案卷提出申诉"));
        // a department does not decide appeals, not even its own
        Api.as("shizheng").body(Map.of("approve", true, "reason", "自己批准")).when().post("/api/evaluation/adjustments/" + appeal + "/decision")
                .then().statusCode(403);
        huanwei.form().formParam("approve", "true").formParam("reason", "x").when().post("/evaluation/entries/" + appeal + "/decision").then()
                .statusCode(403);

        // the shift lead decides it on the entries page; the department sees the decision on its own page
        WebSession shiftlead = WebSession.signIn("shiftlead");
        shiftlead.form().formParam("object", "department").formParam("period", MONTH).formParam("approve", "true").formParam("points", "2")
                .formParam("reason", "情况属实").when().post("/evaluation/entries/" + appeal + "/decision").then().statusCode(303);
        shiftlead.form().formParam("object", "department").formParam("period", MONTH).formParam("approve", "false")
                .formParam("reason", "再次裁决").when().post("/evaluation/entries/" + appeal + "/decision").then().statusCode(409)
                .body(containsString("该条目已经裁决过"));
        String mine = WebSession.signIn("shizheng").page().when().get("/evaluation/appeals/" + appeal).then().statusCode(200).extract().asString();
        assertTrue(mine.contains("已批准 2.0") && mine.contains("情况属实"), mine);
        // the page's own filing: the department files by case number and is sent back to its list
        WebSession.signIn("shizheng").form().formParam("caseNumber", number).formParam("period", MONTH).formParam("reason", "补充申诉").when()
                .post("/evaluation/appeals").then().statusCode(303);
    }

    @Test
    void onlyALeaderApprovesADeductionWhichStaysBesideTheComputedScore() {
        long shizheng = Cases.departmentId("shizheng");
        MutableClock.at(MONTH + "-12T09:00:00");
        dispatched(shizheng);
        MutableClock.at(MONTH + "-20T09:00:00");
        String s = "rows.find { it.key == '" + shizheng + "' }.";
        JsonPath before = table();
        Object score = before.get(s + "score");

        WebSession shiftlead = WebSession.signIn("shiftlead");
        shiftlead.form().formParam("object", "department").formParam("period", MONTH).formParam("key", String.valueOf(shizheng))
                .formParam("direction", "minus").formParam("points", "5").formParam("reason", "").when().post("/evaluation/entries").then()
                .statusCode(400).body(containsString("请填写理由"));
        shiftlead.form().formParam("object", "department").formParam("period", MONTH).formParam("key", String.valueOf(shizheng))
                .formParam("direction", "minus").formParam("points", "5").formParam("reason", "群众投诉处置不力").when().post("/evaluation/entries")
                .then().statusCode(303);
        // without the CSRF token the same form is refused and nothing is stored
        shiftlead.pageWithoutToken().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("object", "department")
                .formParam("period", MONTH).formParam("key", String.valueOf(shizheng)).formParam("direction", "minus").formParam("points", "9")
                .formParam("reason", "伪造").when().post("/evaluation/entries").then().statusCode(403);
        List<Map<String, Object>> entries = Api.as("leader").queryParam("object", "department").queryParam("period", MONTH).when()
                .get("/api/evaluation/adjustments").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, entries.stream().filter(e -> "ADJUSTMENT".equals(e.get("kind"))).count(), entries.toString());
        Map<String, Object> entry = entries.stream().filter(e -> "ADJUSTMENT".equals(e.get("kind"))).findFirst().orElseThrow();
        assertEquals(-5.0, ((Number) entry.get("points")).doubleValue());
        long id = ((Number) entry.get("id")).longValue();

        shiftlead.form().formParam("object", "department").formParam("period", MONTH).formParam("approve", "true").formParam("reason", "同意")
                .when().post("/evaluation/entries/" + id + "/decision").then().statusCode(403).body(containsString("没有权限"));
        assertEquals(0.0, table().getDouble(s + "adjustment"), "a proposal alone moves nothing");
        WebSession.signIn("leader").form().formParam("object", "department").formParam("period", MONTH).formParam("approve", "true")
                .formParam("reason", "同意扣分").when().post("/evaluation/entries/" + id + "/decision").then().statusCode(303);
        JsonPath after = table();
        assertEquals(score, after.get(s + "score"), "the computed score never moves");
        assertEquals(-5.0, after.getDouble(s + "adjustment"));
        assertTrue(score != null, "an overdue case gives 市政 a score");
        assertEquals(Math.round(10 * (((Number) score).doubleValue() - 5)) / 10.0, after.getDouble(s + "adjustedScore"));
        String page = WebSession.signIn("leader").page().queryParam("object", "department").queryParam("period", MONTH).when()
                .get("/evaluation/entries").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-entry-id=\"" + id + "\" data-kind=\"ADJUSTMENT\" class=\"entry-approved\""), page);
        assertTrue(page.contains("群众投诉处置不力"));
    }

    @Test
    void freezingIsTheLeadersAndVerifyShowsOnThePage() {
        MutableClock.at(YEAR + "-05-02T09:00:00");
        WebSession.signIn("shiftlead").form().formParam("period", YEAR + "-04").when().post("/evaluation/snapshots").then().statusCode(403);
        WebSession leader = WebSession.signIn("leader");
        leader.form().formParam("period", YEAR + "-05").formParam("object", "county").when().post("/evaluation/snapshots").then().statusCode(409)
                .body(containsString("尚未结束"));
        leader.form().formParam("period", YEAR + "-04").formParam("object", "county").when().post("/evaluation/snapshots").then().statusCode(303);
        leader.form().formParam("period", YEAR + "-04").formParam("object", "county").when().post("/evaluation/snapshots").then().statusCode(409)
                .body(containsString("已经冻结"));
        List<Map<String, Object>> all = Api.as("leader").when().get("/api/evaluation/snapshots").then().statusCode(200).extract().jsonPath().getList("$");
        long id = all.stream().filter(m -> (YEAR + "-04").equals(m.get("period")) && "county".equals(m.get("object")))
                .map(m -> ((Number) m.get("id")).longValue()).findFirst().orElseThrow();
        // (the chain's verdict depends on the snapshots before it: another test tampers with its own)
        leader.page().when().get("/evaluation/snapshots/" + id + "/verify").then().statusCode(200)
                .body(containsString("data-hash-matches=\"true\"")).body(containsString("data-figures-match=\"true\""));
    }

    private static JsonPath table() {
        return Api.as("leader").queryParam("object", "department").queryParam("period", MONTH).when().get("/api/evaluation").then().statusCode(200)
                .extract().jsonPath();
    }

    static long dispatched(long department) {
        long condition = Cases.conditionId("component:0101", "破损超过25");
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", department)).statusCode(200);
        return id;
    }

}
