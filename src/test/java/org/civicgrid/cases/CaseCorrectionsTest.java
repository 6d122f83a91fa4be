package org.civicgrid.cases;

import static org.civicgrid.testsupport.Cases.act;
import static org.civicgrid.testsupport.Cases.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The correction paths of the loop through {@code /api/cases/{id}/actions/*} on Monday 2026-11-23 (Asia/Shanghai):
 * 退回重审 → 改类 → 立案 again, 作废 of a filed case before 派遣, 核实不属实 waiting for the acceptor's or shift lead's
 * decision, 重新开启 of a closed case with its history kept, and the path a case took between departments (首接负责制).
 */
@QuarkusTest
class CaseCorrectionsTest {

    @AfterEach
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void theDispatcherSendsAWronglyFiledCaseBackAndTheShiftLeadReclassifiesAndRefilesIt() {
        MutableClock.at("2026-11-23T09:00:00");
        long id = Cases.report("acceptor", "HOTLINE", "component:0102", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0102", "破损超过25"))).statusCode(200)
                .body("stage", equalTo("FILED"));

        step(10); // 09:10: the 立案 clock runs again, on the centre's 24-hour duty calendar: 1 h → 10:10
        act("shiftlead", id, "sendBack", Map.of("note", "分类有误")).statusCode(403);
        act("dispatcher", id, "sendBack", Map.of()).statusCode(400).body("field", equalTo("note"));
        act("dispatcher", id, "sendBack", Map.of("note", "分类有误，应为上水井盖")).statusCode(200).body("stage", equalTo("PENDING_FILING"))
                .body("deadline", equalTo("2026-11-23T02:10:00Z")).body("stageLimit", equalTo("1紧急工作时"))
                .body("actions", not(hasItem("dispatch")));
        get("shiftlead", id).body("actions", hasItems("reclassify", "file", "discard"));

        step(5);
        act("dispatcher", id, "reclassify", Map.of("classCode", "component:0101")).statusCode(403);
        act("shiftlead", id, "reclassify", Map.of()).statusCode(400).body("field", equalTo("classCode"));
        act("shiftlead", id, "reclassify", Map.of("classCode", "component:9999")).statusCode(400).body("field", equalTo("classCode"));
        act("shiftlead", id, "reclassify", Map.of("classCode", "component:0102")).statusCode(400).body("field", equalTo("classCode"));
        act("shiftlead", id, "reclassify", Map.of("classCode", "component:0101", "note", "上水井盖")).statusCode(200)
                .body("stage", equalTo("PENDING_FILING")).body("classCode", equalTo("component:0101"))
                .body("filingCondition", equalTo(null)).body("handlingLimit", equalTo(null))
                .body("deadline", equalTo("2026-11-23T02:10:00Z")); // the same stage keeps its clock

        step(5);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200)
                .body("stage", equalTo("FILED")).body("classCode", equalTo("component:0101")).body("handlingLimit", equalTo("4工作时"))
                .body("deadline", equalTo("2026-11-23T02:20:00Z"));
        List<String> actions = get("leader", id).extract().jsonPath().getList("history.action");
        assertEquals(List.of("report", "accept", "file", "sendBack", "reclassify", "file"), actions);
        get("leader", id).body("history[3].role", equalTo("DISPATCHER")).body("history[3].note", equalTo("分类有误，应为上水井盖"))
                .body("history[3].from", equalTo("FILED")).body("history[3].to", equalTo("PENDING_FILING"))
                .body("history[4].role", equalTo("SHIFT_LEAD")).body("history[4].note", equalTo("污水井盖 component:0102 → 上水井盖 component:0101：上水井盖"));
    }

    @Test
    void theShiftLeadDiscardsAFiledCaseBeforeDispatchOnlyWithAReason() {
        long id = filedCase();
        act("dispatcher", id, "discard", Map.of("note", "重复")).statusCode(403);
        act("shiftlead", id, "discard", Map.of()).statusCode(400).body("field", equalTo("note"));
        get("shiftlead", id).body("stage", equalTo("FILED"));
        act("shiftlead", id, "discard", Map.of("note", "经核查为私人院内设施，不属城管范围")).statusCode(200).body("stage", equalTo("DISCARDED"))
                .body("actions", not(hasItem("reopen")));
        get("leader", id).body("history[-1].action", equalTo("discard")).body("history[-1].from", equalTo("FILED"))
                .body("history[-1].note", equalTo("经核查为私人院内设施，不属城管范围"));

        long dispatched = filedCase();
        act("dispatcher", dispatched, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        act("shiftlead", dispatched, "discard", Map.of("note", "晚了")).statusCode(409).body("error", equalTo("invalid_transition"));
    }

    @Test
    void notFoundOnSiteWaitsForTheAcceptorsOrShiftLeadsDecision() {
        MutableClock.at("2026-11-23T19:00:00");
        long id = Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT, Cases.LON);
        act("acceptor", id, "sendToConfirm", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        step(30); // 19:30: the decision runs on the acceptance clock, 24-hour duty: 1 h → 20:30
        act("inspector", id, "confirmNotFound", Map.of("note", "现场未发现垃圾")).statusCode(200).body("stage", equalTo("NOT_CONFIRMED"))
                .body("deadline", equalTo("2026-11-23T12:30:00Z")).body("assigneeId", equalTo(null));
        act("inspector", id, "decline", Map.of("note", "不属实")).statusCode(403);
        get("acceptor", id).body("actions", hasItems("decline", "accept", "sendToConfirm"));
        get("shiftlead", id).body("actions", hasItem("decline"));
        act("acceptor", id, "decline", Map.of()).statusCode(400).body("field", equalTo("note"));
        act("shiftlead", id, "decline", Map.of("note", "核实不属实，不予立案")).statusCode(200).body("stage", equalTo("DISCARDED"));
        get("leader", id).body("history[-2].action", equalTo("confirmNotFound")).body("history[-2].role", equalTo("INSPECTOR"))
                .body("history[-1].action", equalTo("decline")).body("history[-1].role", equalTo("SHIFT_LEAD"));

        long other = Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT, Cases.LON);
        act("acceptor", other, "sendToConfirm", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        act("inspector", other, "confirmNotFound", Map.of("note", "现场未发现")).statusCode(200);
        act("acceptor", other, "accept", Map.of("note", "市民再次来电确认存在")).statusCode(200).body("stage", equalTo("PENDING_FILING"));
    }

    @Test
    void aClosedCaseIsReopenedToItsDepartmentWithItsHistoryAndClosedAgain() {
        MutableClock.at("2026-11-23T09:00:00");
        long id = filedCase();
        long gongshui = Cases.departmentId("gongshui");
        act("dispatcher", id, "dispatch", Map.of("departmentId", gongshui)).statusCode(200);
        act("gongshui", id, "signFor", Map.of()).statusCode(200);
        closeHandled(id);
        int before = get("leader", id).extract().jsonPath().getList("history").size();

        MutableClock.at("2026-11-23T10:30:00"); // 4工作时 again: 10:30–12:00 and 14:00–16:30
        act("dispatcher", id, "reopen", Map.of("note", "回访不满意")).statusCode(403);
        act("gongshui", id, "reopen", Map.of("note", "回访不满意")).statusCode(403);
        act("leader", id, "reopen", Map.of()).statusCode(400).body("field", equalTo("note"));
        act("leader", id, "reopen", Map.of("note", "回访不满意，井盖仍松动")).statusCode(200).body("stage", equalTo("HANDLING"))
                .body("departmentId", equalTo((int) gongshui)).body("closedAt", equalTo(null))
                .body("handlingDeadline", equalTo("2026-11-23T08:30:00Z")).body("deadline", equalTo("2026-11-23T08:30:00Z"));
        get("leader", id).body("history.size()", equalTo(before + 1)).body("history[-1].action", equalTo("reopen"))
                .body("history[-1].from", equalTo("CLOSED")).body("history[-1].to", equalTo("HANDLING"))
                .body("history[-1].role", equalTo("LEADER")).body("history[-1].note", equalTo("回访不满意，井盖仍松动"))
                .body("path.action", equalTo(List.of("dispatch", "reopen")));
        get("gongshui", id).body("actions", hasItem("reportHandled"));

        closeHandled(id);
        get("leader", id).body("stage", equalTo("CLOSED")).body("history.action.findAll { it == 'close' }.size()", equalTo(2));
        act("shiftlead", id, "reopen", Map.of("note", "市民投诉")).statusCode(200).body("stage", equalTo("HANDLING"));
    }

    @Test
    void aSelfHandledCaseHasNoDepartmentToReopenTo() {
        long id = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        Cases.afterPhoto("inspector", id);
        act("inspector", id, "selfHandle", Map.of("note", "已清理")).statusCode(200);
        act("shiftlead", id, "close", Map.of()).statusCode(200);
        get("leader", id).body("actions", not(hasItem("reopen")));
        act("leader", id, "reopen", Map.of("note", "投诉")).statusCode(409).body("error", equalTo("no_department"))
                .body("message", containsString("report it anew"));
    }

    @Test
    void theFirstReceivingDepartmentAndWhoReturnedTheCaseAreKept() {
        long id = filedCase();
        long shizheng = Cases.departmentId("shizheng");
        long gongshui = Cases.departmentId("gongshui");
        act("dispatcher", id, "dispatch", Map.of("departmentId", shizheng)).statusCode(200).body("firstDepartmentId", equalTo((int) shizheng));
        act("shizheng", id, "requestReturn", Map.of("note", "供水井盖，非本部门职责")).statusCode(200);
        act("dispatcher", id, "approveReturn", Map.of()).statusCode(200).body("departmentId", equalTo(null))
                .body("firstDepartmentId", equalTo((int) shizheng));
        act("dispatcher", id, "dispatch", Map.of("departmentId", gongshui)).statusCode(200);
        get("leader", id).body("departmentId", equalTo((int) gongshui)).body("firstDepartmentId", equalTo((int) shizheng))
                .body("path.action", equalTo(List.of("dispatch", "approveReturn", "dispatch")))
                .body("path.departmentId", equalTo(List.of((int) shizheng, (int) shizheng, (int) gongshui)))
                .body("path[0].department", equalTo("县市政工程服务中心"));
    }

    static long filedCase() {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        return id;
    }

    private static void closeHandled(long id) {
        act("gongshui", id, "reportHandled", Map.of("note", "已更换井盖")).statusCode(200);
        act("acceptor", id, "sendToCheck", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        act("inspector", id, "verify", Map.of()).statusCode(200);
        act("shiftlead", id, "close", Map.of()).statusCode(200).body("stage", equalTo("CLOSED"));
    }

    private static void step(int minutes) {
        MutableClock.advance(Duration.ofMinutes(minutes));
    }
}
