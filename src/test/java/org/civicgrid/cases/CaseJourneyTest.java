package org.civicgrid.cases;

import static org.civicgrid.testsupport.Cases.act;
import static org.civicgrid.testsupport.Cases.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One case the whole way through the API on the working calendar (Monday 2026-11-23, Asia/Shanghai; 受理/立案/派遣 on
 * the demo centre's 24-hour duty calendar): 核实, 立案
 * with its 立案条件, a wrong dispatch and its 回退, handling, a failed 核查 (返工), 核查 passed and 结案 — with the
 * history, the deadlines and the lights checked at each step.
 */
@QuarkusTest
class CaseJourneyTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void reportToCloseThroughConfirmReturnAndRework() {
        long inspector = Cases.staffId("inspector");
        long shizheng = Cases.departmentId("shizheng");
        long gongshui = Cases.departmentId("gongshui");
        long condition = Cases.conditionId("component:0101", "破损超过25");

        MutableClock.at("2026-11-23T09:00:00");
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        get("acceptor", id).body("stage", equalTo("REPORTED")).body("deadline", equalTo("2026-11-23T02:00:00Z"))
                .body("stageLimit", equalTo("1紧急工作时")).body("light", equalTo("GREEN")).body("number", org.hamcrest.Matchers.startsWith("20261123"))
                .body("actions", hasItem("sendToConfirm"));

        step(10);
        act("dispatcher", id, "sendToConfirm", Map.of("inspectorId", inspector)).statusCode(403);
        act("acceptor", id, "sendToConfirm", Map.of("inspectorId", inspector)).statusCode(200)
                .body("stage", equalTo("CONFIRMING")).body("assigneeId", equalTo((int) inspector))
                .body("deadline", equalTo("2026-11-24T01:10:00Z"));
        act("inspector2", id, "confirm", Map.of()).statusCode(403);

        step(20);
        act("inspector", id, "confirm", Map.of("note", "现场属实")).statusCode(200).body("stage", equalTo("PENDING_FILING"))
                .body("deadline", equalTo("2026-11-23T02:30:00Z"));

        step(10);
        act("shiftlead", id, "file", Map.of()).statusCode(400).body("field", equalTo("conditionId"));
        act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200).body("stage", equalTo("FILED"))
                .body("filingCondition", equalTo("破损超过25c㎡")).body("handlingLimit", equalTo("4工作时"));

        step(10); // 09:50: 4工作时 run 09:50–12:00 and 14:00–15:50
        act("dispatcher", id, "dispatch", Map.of("departmentId", shizheng)).statusCode(200).body("stage", equalTo("DISPATCHED"))
                .body("deadline", equalTo("2026-11-23T07:50:00Z")).body("light", equalTo("GREEN"));
        act("huanwei", id, "signFor", Map.of()).statusCode(403);
        act("shizheng", id, "requestReturn", Map.of("note", " ")).statusCode(400).body("field", equalTo("note"));
        act("shizheng", id, "requestReturn", Map.of("note", "供水井盖，非本部门职责")).statusCode(200).body("stage", equalTo("RETURN_REQUESTED"));

        step(10);
        act("dispatcher", id, "approveReturn", Map.of()).statusCode(200).body("stage", equalTo("FILED"))
                .body("departmentId", equalTo(null));
        step(5); // 10:05
        act("dispatcher", id, "dispatch", Map.of("departmentId", gongshui)).statusCode(200)
                .body("deadline", equalTo("2026-11-23T08:05:00Z"));

        step(25);
        act("gongshui", id, "signFor", Map.of()).statusCode(200).body("stage", equalTo("HANDLING"));
        step(60);
        act("gongshui", id, "reportHandled", Map.of("note", "已更换井盖")).statusCode(200).body("stage", equalTo("PENDING_CHECK"))
                .body("stageLimit", equalTo("2工作时"));
        step(5);
        act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200).body("stage", equalTo("CHECKING"));

        step(15); // 11:50: rework restarts the handling clock: 11:50–12:00, 14:00–17:50
        act("inspector", id, "rework", Map.of("note", "井盖未固定")).statusCode(200).body("stage", equalTo("HANDLING"))
                .body("reworkCount", equalTo(1)).body("deadline", equalTo("2026-11-23T09:50:00Z"));

        MutableClock.at("2026-11-23T17:05:00"); // 45 of 240 minutes left: under 20 % → yellow
        get("gongshui", id).body("light", equalTo("YELLOW"));
        MutableClock.at("2026-11-23T17:51:00");
        get("gongshui", id).body("light", equalTo("RED"));

        act("gongshui", id, "reportHandled", Map.of("note", "已加固井盖")).statusCode(200);
        act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        act("inspector", id, "verify", Map.of()).statusCode(200).body("stage", equalTo("PENDING_CLOSE"));
        act("shiftlead", id, "close", Map.of()).statusCode(200).body("stage", equalTo("CLOSED")).body("light", equalTo("NONE"))
                .body("actions", not(hasItem("urge")));
        act("shiftlead", id, "close", Map.of()).statusCode(409).body("error", equalTo("invalid_transition"));

        List<String> actions = get("leader", id).extract().jsonPath().getList("history.action");
        assertEquals(List.of("report", "sendToConfirm", "confirm", "file", "dispatch", "requestReturn", "approveReturn", "dispatch",
                "signFor", "reportHandled", "sendToCheck", "rework", "reportHandled", "sendToCheck", "verify", "close"), actions);
        get("leader", id).body("history[5].note", equalTo("供水井盖，非本部门职责")).body("history[5].role", equalTo("DEPARTMENT"))
                .body("history[5].from", equalTo("DISPATCHED")).body("history[5].to", equalTo("RETURN_REQUESTED"));
        assertEquals(String.valueOf(actions.size()), Store.single(dataSource, "select count(*) from outbox_entry where case_id = " + id),
                "one outbox event per history row");
    }

    @Test
    void suspensionPausesTheClockAndAnExtensionMovesIt() {
        long id = handlingCaseAt("2026-11-23T10:00:00"); // 4工作时 → 16:00
        get("gongshui", id).body("deadline", equalTo("2026-11-23T08:00:00Z"));
        MutableClock.at("2026-11-23T11:00:00");
        act("gongshui", id, "requestSuspend", Map.of("note", "待供水管网改造")).statusCode(200).body("stage", equalTo("SUSPEND_REQUESTED"));
        act("dispatcher", id, "approveSuspend", Map.of()).statusCode(200).body("stage", equalTo("SUSPENDED"))
                .body("light", equalTo("NONE")).body("deadline", equalTo(null));
        MutableClock.at("2026-11-24T09:00:00"); // 3 working hours were left
        act("dispatcher", id, "resume", Map.of()).statusCode(200).body("stage", equalTo("HANDLING"))
                .body("deadline", equalTo("2026-11-24T04:00:00Z"));
        act("gongshui", id, "requestExtension", Map.of("note", "需采购配件", "extension", "一天")).statusCode(400).body("field", equalTo("extension"));
        act("gongshui", id, "requestExtension", Map.of("note", "需采购配件", "extension", "1工作日")).statusCode(200)
                .body("pendingExtension", equalTo("1工作日"));
        act("dispatcher", id, "approveExtension", Map.of()).statusCode(200).body("stage", equalTo("HANDLING"))
                .body("deadline", equalTo("2026-11-25T04:00:00Z")).body("pendingExtension", equalTo(null));
    }

    @Test
    void aStaleVersionLosesAndConcurrentDispatchersHaveOneWinner() throws Exception {
        MutableClock.at("2026-11-23T09:00:00");
        long id = filedCase();
        int version = get("dispatcher", id).extract().path("version");
        act("leader", id, "urge", Map.of("note", "请加快", "version", version)).statusCode(200);
        act("leader", id, "urge", Map.of("note", "再次督办", "version", version)).statusCode(409).body("error", equalTo("conflict"));

        long huanwei = Cases.departmentId("huanwei");
        long gongshui = Cases.departmentId("gongshui");
        int current = get("dispatcher", id).extract().path("version");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(() -> act("dispatcher", id, "dispatch", Map.of("departmentId", huanwei, "version", current)).extract().statusCode());
        var b = pool.submit(() -> act("dispatcher", id, "dispatch", Map.of("departmentId", gongshui, "version", current)).extract().statusCode());
        List<Integer> codes = List.of(a.get(), b.get());
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one winner: " + codes);
        assertEquals(1, codes.stream().filter(c -> c == 409).count(), "one 409: " + codes);
        List<String> actions = get("leader", id).extract().jsonPath().getList("history.action");
        assertEquals(1, actions.stream().filter("dispatch"::equals).count());
    }

    private static void step(int minutes) {
        MutableClock.advance(Duration.ofMinutes(minutes));
    }

    private static long filedCase() {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        return id;
    }

    private static long handlingCaseAt(String localTime) {
        MutableClock.at(localTime);
        long id = filedCase();
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        act("gongshui", id, "signFor", Map.of()).statusCode(200);
        return id;
    }
}
