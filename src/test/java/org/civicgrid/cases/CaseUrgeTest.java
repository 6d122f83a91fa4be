package org.civicgrid.cases;

import static org.civicgrid.testsupport.Cases.act;
import static org.civicgrid.testsupport.Cases.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 督办 as a record: the centre (值班长) and 领导 issue 督办单 with a reason and a reply deadline on the working
 * calendar, the department answers (督办回复), each is counted and shown, and a second 督办 of an overdue case —
 * by hand or by the overdue scan when a 督办 goes unanswered — goes to 领导. Monday 2026-11-23, Asia/Shanghai.
 */
@QuarkusTest
class CaseUrgeTest {

    @Inject
    OverdueScan overdue;

    @AfterEach
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void theShiftLeadIssuesAnUrgeNoticeTheDepartmentRepliesAndASecondOneOfAnOverdueCaseGoesToLeaders() {
        long id = handlingCaseAt("2026-11-23T10:00:00"); // 4工作时 → 16:00
        long gongshui = Cases.departmentId("gongshui");
        MutableClock.at("2026-11-23T10:30:00");
        act("dispatcher", id, "urge", Map.of("note", "请加快")).statusCode(403);
        act("shiftlead", id, "urge", Map.of()).statusCode(400).body("field", equalTo("note"));
        act("shiftlead", id, "urge", Map.of("note", "请加快", "replyLimit", "明天")).statusCode(400).body("field", equalTo("replyLimit"));
        get("leader", id).body("urgeCount", equalTo(0)).body("urges", hasSize(0));
        act("shiftlead", id, "urge", Map.of("note", "市民多次来电，请今日处置完毕", "replyLimit", "2工作时")).statusCode(200)
                .body("stage", equalTo("HANDLING")).body("urged", equalTo(true)).body("urgeCount", equalTo(1))
                .body("urgeEscalated", equalTo(false)).body("deadline", equalTo("2026-11-23T08:00:00Z"));
        get("leader", id).body("urges[0].seq", equalTo(1)).body("urges[0].issuedByRole", equalTo("SHIFT_LEAD"))
                .body("urges[0].reason", equalTo("市民多次来电，请今日处置完毕")).body("urges[0].replyLimit", equalTo("2工作时"))
                .body("urges[0].replyDue", equalTo("2026-11-23T06:30:00Z")) // 10:30–12:00, 14:00–14:30
                .body("urges[0].escalated", equalTo(false))
                .body("urges[0].departmentId", equalTo((int) gongshui)).body("urges[0].reply", equalTo(null))
                .body("history[-1].action", equalTo("urge")).body("history[-1].role", equalTo("SHIFT_LEAD"));
        assertTrue(queue("shiftlead", "CENTRE_URGED").contains("/cases/" + id + "\""), "督办中 on the shift lead's workbench");
        assertTrue(queue("gongshui", "TO_REPLY").contains("/cases/" + id + "\""), "待督办回复 on the department's workbench");

        MutableClock.at("2026-11-23T11:00:00");
        get("gongshui", id).body("actions", hasItem("replyUrge"));
        act("huanwei", id, "replyUrge", Map.of("note", "收到")).statusCode(403);
        act("gongshui", id, "replyUrge", Map.of()).statusCode(400).body("field", equalTo("note"));
        act("gongshui", id, "replyUrge", Map.of("note", "已安排抢修队，今日下午完成")).statusCode(200).body("urged", equalTo(false))
                .body("urgeCount", equalTo(1)).body("actions", not(hasItem("replyUrge")));
        get("leader", id).body("urges[0].reply", equalTo("已安排抢修队，今日下午完成")).body("urges[0].repliedAt", equalTo("2026-11-23T03:00:00Z"))
                .body("history[-1].action", equalTo("replyUrge")).body("history[-1].role", equalTo("DEPARTMENT"));
        act("gongshui", id, "replyUrge", Map.of("note", "再答一次")).statusCode(409).body("error", equalTo("no_open_urge"));

        MutableClock.at("2026-11-23T16:30:00"); // past the 16:00 handling deadline; 1工作日 to reply: 16:30 → Tue 16:30
        act("leader", id, "urge", Map.of("note", "已超期，请说明原因")).statusCode(200).body("urgeCount", equalTo(2))
                .body("urgeEscalated", equalTo(true));
        get("leader", id).body("urges[1].escalated", equalTo(true)).body("urges[1].issuedByRole", equalTo("LEADER"))
                .body("urges[1].replyLimit", equalTo("1工作日")).body("urges[1].replyDue", equalTo("2026-11-24T08:30:00Z"));
        assertTrue(queue("leader", "ESCALATED").contains("/cases/" + id + "\""), "升级督办 on the leader's workbench");
        WebSession.signIn("leader").page().when().get("/cases/" + id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"urges\"")).body(org.hamcrest.Matchers.containsString("已超期，请说明原因"))
                .body(org.hamcrest.Matchers.containsString("督办 2 次"));
        act("gongshui", id, "replyUrge", Map.of("note", "配件延误")).statusCode(200).body("urgeEscalated", equalTo(false));
    }

    @Test
    void anUrgeUnansweredPastItsReplyDeadlineIsEscalatedByTheScanOnce() {
        long id = handlingCaseAt("2026-11-23T09:00:00");
        act("shiftlead", id, "urge", Map.of("note", "请尽快回复", "replyLimit", "1工作时")).statusCode(200); // reply due 10:00
        MutableClock.at("2026-11-23T09:59:00");
        overdue.scan();
        get("leader", id).body("urgeCount", equalTo(1));
        MutableClock.at("2026-11-23T10:01:00");
        overdue.scan();
        get("leader", id).body("urgeCount", equalTo(2)).body("urgeEscalated", equalTo(true)).body("urges[1].issuedBy", equalTo("系统"))
                .body("urges[1].escalated", equalTo(true)).body("history[-1].actor", equalTo("系统"));
        overdue.scan();
        assertEquals(2, (int) get("leader", id).extract().path("urgeCount"), "escalated once, not every minute");
    }

    private static String queue(String user, String queue) {
        return WebSession.signIn(user).page().when().get("/cases?queue=" + queue).then().statusCode(200).extract().asString();
    }

    private static long handlingCaseAt(String localTime) {
        MutableClock.at(localTime);
        long id = CaseCorrectionsTest.filedCase();
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        act("gongshui", id, "signFor", Map.of()).statusCode(200);
        return id;
    }
}
