package org.civicgrid.evaluation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frozen periods and manual entries on a small history in a year no other test uses: a frozen week verifies, a
 * tampered row makes verify fail, and an approved 加分 shows beside the computed score without changing it (nor the
 * snapshot); a department's 申诉 is decided by the centre as another entry.
 * <p>The test store outlives a run ({@code target/test-data}) and every new snapshot is chained to the newest one, so
 * the tampered row is put back as it was in any case, and a tampered snapshot an interrupted earlier run left behind
 * (one of the far-future years tests use, whose stored hash no longer matches) is removed before the test freezes its own.
 */
@QuarkusTest
class EvaluationSnapshotTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void release() {
        MutableClock.release();
    }

    @org.junit.jupiter.api.BeforeEach
    void removeTamperedLeftovers() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Snapshot.<Snapshot>list("period >= '2099'").stream()
                .filter(s -> !Snapshots.hash(s).equals(s.hash)).forEach(Snapshot::delete));
    }

    @Test
    void frozenWeekVerifiesTamperingFailsAdjustmentsStayBeside() throws Exception {
        String y = EvaluationIndicatorsTest.Y.equals("2999") ? "2998" : String.valueOf(Integer.parseInt(EvaluationIndicatorsTest.Y) - 1);
        long shizheng = Cases.departmentId("shizheng");
        long condition = Cases.conditionId("component:0101", "破损超过25");
        // a Monday of that year's second week: one case due and closed on time, one overdue
        java.time.LocalDate monday = java.time.LocalDate.of(Integer.parseInt(y), 1, 4).with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        MutableClock.at(monday + "T09:00:00");
        long onTime = dispatched(condition, shizheng);
        long late = dispatched(condition, shizheng);
        Cases.act("shizheng", onTime, "signFor", Map.of()).statusCode(200);
        Cases.act("shizheng", onTime, "reportHandled", Map.of("note", "已修复")).statusCode(200);
        Cases.act("acceptor", onTime, "sendToCheck", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        Cases.act("inspector", onTime, "verify", Map.of()).statusCode(200);
        Cases.act("shiftlead", onTime, "close", Map.of()).statusCode(200);
        String week = EvaluationPeriod.week(monday, MutableClock.SHANGHAI).label();

        Api.as("leader").body(Map.of("period", week, "object", "department")).when().post("/api/evaluation/snapshots").then().statusCode(409)
                .body("error", equalTo("period_open"));
        MutableClock.at(monday.plusDays(8) + "T09:00:00");
        JsonPath table = EvaluationIndicatorsTest.table("department", week);
        String s = "rows.find { it.key == '" + shizheng + "' }.";
        assertEquals(2, table.getInt(s + "counts.DUE"));
        assertEquals(50.0, table.getDouble(s + "rates.ON_TIME_CLOSE_RATE"));
        double score = table.getDouble(s + "score");

        long id = ((Number) Api.as("leader").body(Map.of("period", week, "object", "department")).when().post("/api/evaluation/snapshots").then()
                .statusCode(201).extract().path("[0].id")).longValue();
        Api.as("leader").body(Map.of("period", week, "object", "department")).when().post("/api/evaluation/snapshots").then().statusCode(409);
        Api.as("leader").when().get("/api/evaluation/snapshots/" + id + "/verify").then().statusCode(200).body("ok", equalTo(true));
        List<Map<String, Object>> all = Api.as("leader").when().get("/api/evaluation/snapshots").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> mine = all.stream().filter(m -> ((Number) m.get("id")).longValue() == id).findFirst().orElseThrow();
        int index = all.indexOf(mine);
        assertEquals(index == 0 ? null : all.get(index - 1).get("hash"), mine.get("prevHash"), "each snapshot holds the previous hash");

        // 加分: proposed by the shift lead, approved by 领导 — beside the computed score, never in it
        long entry = ((Number) Api.as("shiftlead").body(Map.of("object", "department", "key", String.valueOf(shizheng), "period", week, "points", 5,
                "reason", "配合防汛抢险")).when().post("/api/evaluation/adjustments").then().statusCode(201).extract().path("id")).longValue();
        Api.as("shiftlead").body(Map.of("approve", true, "reason", "同意")).when().post("/api/evaluation/adjustments/" + entry + "/decision").then()
                .statusCode(403);
        Api.as("leader").body(Map.of("approve", true, "reason", "同意")).when().post("/api/evaluation/adjustments/" + entry + "/decision").then()
                .statusCode(201).body("points", equalTo(5.0f)).body("approvedBy", equalTo("赵书记（领导）"));
        Api.as("leader").body(Map.of("approve", true, "reason", "再次")).when().post("/api/evaluation/adjustments/" + entry + "/decision").then()
                .statusCode(409);
        Api.as("leader").body(Map.of("object", "department", "key", "2", "period", week, "points", 0, "reason", "x")).when()
                .post("/api/evaluation/adjustments").then().statusCode(400).body("field", equalTo("points"));
        // 申诉 by the department about the overdue case; the centre refuses it (0 points) — another entry
        long appeal = ((Number) Api.as("shizheng").body(Map.of("period", week, "caseId", late, "reason", "道路封闭无法进场")).when()
                .post("/api/evaluation/appeals").then().statusCode(201).body("objectKey", equalTo(String.valueOf(shizheng))).extract().path("id")).longValue();
        Api.as("shiftlead").body(Map.of("approve", false, "reason", "未申请挂账")).when().post("/api/evaluation/adjustments/" + appeal + "/decision")
                .then().statusCode(201).body("points", equalTo(0.0f));
        JsonPath after = EvaluationIndicatorsTest.table("department", week);
        assertEquals(score, after.getDouble(s + "score"), "an adjustment never changes the computed score");
        assertEquals(5.0, after.getDouble(s + "adjustment"));
        assertEquals(Math.round(10 * (score + 5)) / 10.0, after.getDouble(s + "adjustedScore"));
        Api.as("leader").when().get("/api/evaluation/snapshots/" + id + "/verify").then().statusCode(200).body("ok", equalTo(true));
        MutableClock.at(monday.plusDays(30) + "T09:00:00");
        Api.as("shizheng").body(Map.of("period", week, "caseId", late, "reason", "迟到的申诉")).when().post("/api/evaluation/appeals").then()
                .statusCode(409).body("error", equalTo("appeal_closed"));

        // a tampered row: the stored figures no longer match their hash (put back afterwards: later snapshots chain to it)
        String original = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>findById(id).content);
        try {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement st = c.prepareStatement("UPDATE eval_snapshot SET content = replace(content, '\"DUE\":2', '\"DUE\":1') WHERE id = ?")) {
                st.setLong(1, id);
                assertEquals(1, st.executeUpdate());
            }
            Api.as("leader").when().get("/api/evaluation/snapshots/" + id + "/verify").then().statusCode(200).body("ok", equalTo(false))
                    .body("hashMatches", equalTo(false)).body("figuresMatch", equalTo(false));
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("UPDATE eval_snapshot SET content = ? WHERE id = ?")) {
                st.setString(1, original);
                st.setLong(2, id);
                st.executeUpdate();
            }
        }
        Api.as("leader").when().get("/api/evaluation/snapshots/" + id + "/verify").then().statusCode(200).body("ok", equalTo(true));

        // 回访: a satisfied one, then an unsatisfied one that reopens the case through the workflow — after the week, so
        // the week's figures (as of its end) do not move; the month of the call-backs gets 公众满意度 50 %
        Api.as("acceptor").body(Map.of("caseId", late, "satisfied", true)).when().post("/api/callbacks").then().statusCode(409);
        Api.as("acceptor").body(Map.of("caseId", onTime, "satisfied", true, "note", "满意")).when().post("/api/callbacks").then().statusCode(201);
        Api.as("acceptor").body(Map.of("caseId", onTime, "satisfied", false, "note", "井盖又松了", "reopen", true)).when().post("/api/callbacks")
                .then().statusCode(403);
        Api.as("shiftlead").body(Map.of("caseId", onTime, "satisfied", false, "reopen", true)).when().post("/api/callbacks").then().statusCode(400)
                .body("field", equalTo("note"));
        Api.as("shiftlead").body(Map.of("caseId", onTime, "satisfied", false, "note", "井盖又松了", "reopen", true)).when().post("/api/callbacks")
                .then().statusCode(201).body("reopened", equalTo(true));
        Cases.get("acceptor", onTime).body("stage", equalTo("HANDLING"));
        MutableClock.advance(java.time.Duration.ofMinutes(1));
        assertEquals(50.0, EvaluationIndicatorsTest.table("department", monday.plusDays(30).toString().substring(0, 7)).getDouble(s + "rates.SATISFACTION"));
        assertEquals(2, EvaluationIndicatorsTest.table("department", week).getInt(s + "counts.DUE"), "the reopen came after the week");
    }

    private static long dispatched(long condition, long department) {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", department)).statusCode(200);
        return id;
    }
}
